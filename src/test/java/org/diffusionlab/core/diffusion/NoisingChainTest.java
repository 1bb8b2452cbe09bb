package org.diffusionlab.core.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.diffusionlab.core.data.Picture;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.junit.jupiter.api.Test;

class NoisingChainTest {
    private final Picture picture = gradient();

    private static Picture gradient() {
        float[] values = new float[3 * 8 * 8];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 64) / 63f;
        }
        return new Picture(8, 8, 3, values);
    }

    @Test
    void stepZeroIsTheCleanPictureInEitherMode() {
        for (NoisingChain.Mode mode : NoisingChain.Mode.values()) {
            NoisingChain chain = new NoisingChain(picture, NoiseSchedule.linear(100), 5, mode);
            assertArrayEquals(picture.signedValues(), chain.frame(0).xt(), 1e-6f, mode.name());
        }
    }

    @Test
    void theSameSeedReplaysTheSameFrames() {
        NoisingChain a = new NoisingChain(picture, NoiseSchedule.cosine(200), 42, NoisingChain.Mode.ITERATE);
        NoisingChain b = new NoisingChain(picture, NoiseSchedule.cosine(200), 42, NoisingChain.Mode.ITERATE);
        assertArrayEquals(a.frame(137).xt(), b.frame(137).xt());
        NoisingChain other = new NoisingChain(picture, NoiseSchedule.cosine(200), 43, NoisingChain.Mode.ITERATE);
        assertEquals(false, Arrays.equals(a.frame(137).xt(), other.frame(137).xt()));
    }

    @Test
    void scrubbingBackAndForthGivesTheSameIteratedStates() {
        NoisingChain chain = new NoisingChain(picture, NoiseSchedule.linear(1000), 3, NoisingChain.Mode.ITERATE);
        float[] at300 = chain.frame(300).xt();
        float[] at77 = chain.frame(77).xt(); // from a checkpoint
        float[] again300 = chain.frame(300).xt();
        NoisingChain fresh = new NoisingChain(picture, NoiseSchedule.linear(1000), 3, NoisingChain.Mode.ITERATE);
        assertArrayEquals(fresh.frame(77).xt(), at77, 1e-6f);
        assertArrayEquals(at300, again300, 1e-6f);
    }

    @Test
    void jumpUsesOneNoiseForEveryStep() {
        NoisingChain chain = new NoisingChain(picture, NoiseSchedule.linear(1000), 9, NoisingChain.Mode.JUMP);
        assertArrayEquals(chain.frame(10).noise(), chain.frame(900).noise());
        NoiseSchedule s = chain.schedule();
        float[] x0 = picture.signedValues();
        float[] xt = chain.frame(500).xt();
        float[] eps = chain.frame(500).noise();
        for (int i = 0; i < x0.length; i++) {
            assertEquals(s.sqrtAlphaBar(500) * x0[i] + s.sqrtOneMinusAlphaBar(500) * eps[i], xt[i], 1e-5);
        }
    }

    @Test
    void stepsOutsideTheChainAreRefused() {
        NoisingChain chain = new NoisingChain(picture, NoiseSchedule.linear(10), 1, NoisingChain.Mode.JUMP);
        assertThrows(IllegalArgumentException.class, () -> chain.frame(11));
        assertThrows(IllegalArgumentException.class, () -> chain.frame(-1));
    }
}
