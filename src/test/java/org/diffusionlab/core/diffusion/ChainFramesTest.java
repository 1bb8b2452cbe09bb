package org.diffusionlab.core.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.SamplePicture;
import org.diffusionlab.core.random.Gaussian;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.junit.jupiter.api.Test;

/** A reverse chain's animation keeps the frames asked for, and draws none from numbers that are not numbers. */
class ChainFramesTest {
    private static final NoiseSchedule SCHEDULE = NoiseSchedule.linear(100);

    private static ReverseChain chain(NoisePredictor model) {
        return new ReverseChain(model, SCHEDULE, new Sampler.Ddim(20, 0), Gaussian.sample(1, 50, 2), SCHEDULE.steps(), 3, false);
    }

    @Test
    void aFiniteChainGivesTheFramesAskedForEndingAtZero() throws BadInputException {
        ChainFrames.Labelled frames = ChainFrames.reverse(chain((xt, t) -> xt.mul(0.1)), 5, SamplePicture::scatter, "chain.gif");
        assertEquals(5, frames.rasters().size());
        assertEquals(100, frames.steps().get(0));
        assertEquals(0, frames.steps().get(4));
    }

    @Test
    void aChainThatOverflowsIsRefusedNamingTheFile() {
        NoisePredictor overflowing = (xt, t) -> xt.mul(t[0] < 60 ? Float.POSITIVE_INFINITY : 0.1);
        BadInputException e = assertThrows(BadInputException.class,
                () -> ChainFrames.reverse(chain(overflowing), 20, SamplePicture::scatter, "chain.gif"));
        assertTrue(e.getMessage().startsWith("chain.gif: ") && e.getMessage().matches(".*(infinite|not a number).*"), e.getMessage());
    }
}
