package org.diffusionlab.core.elbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.diffusionlab.core.diffusion.DiffusionElbo;
import org.diffusionlab.core.diffusion.ForwardProcess;
import org.diffusionlab.core.diffusion.NoisePredictor;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DiffusionChainReportTest {
    private static final NoiseSchedule SCHEDULE = NoiseSchedule.linear(100, 1e-3, 0.1);

    private static INDArray image() {
        SplittableRandom random = new SplittableRandom(3);
        float[] values = new float[30];
        for (int i = 0; i < values.length; i++) {
            values[i] = 2f * random.nextInt(256) / 255 - 1;
        }
        return Nd4j.create(values, new long[] {1, 30}, 'c');
    }

    /** A predictor that is 80% right: ε̂ = 0.8 × the noise actually added. */
    private static NoisePredictor partlyRight(INDArray x0) {
        return (xt, t) -> new ForwardProcess(SCHEDULE).impliedNoiseRows(x0, xt, t).muli(0.8);
    }

    @Test
    void thePerStepTermsSumToTheProjectsExactElbo() {
        INDArray x0 = image();
        List<Integer> reported = new ArrayList<>();
        DiffusionChainReport report = DiffusionChainReport.compute(partlyRight(x0), SCHEDULE, true, x0, 7, (t, term) -> reported.add(t),
                () -> false);
        DiffusionElbo.Terms exact = new DiffusionElbo(SCHEDULE, true).exact(partlyRight(x0), x0, 7);
        assertEquals(exact.denoising(), report.denoisingSum(), 1e-9 * exact.denoising());
        assertEquals(exact.reconstruction(), report.reconstruction(), 1e-9);
        assertEquals(exact.prior(), report.prior(), 1e-12);
        assertEquals(exact.bitsPerDimension(), report.bitsPerDimension(), 1e-9);
        assertEquals(99, reported.size());
        for (int t = 2; t <= 100; t++) {
            assertTrue(report.denoising()[t] > 0);
        }
        assertEquals(99, ((List<?>) report.asMap().get(ElboKeys.DENOISING_TERMS)).size());
    }

    @Test
    void aCancelledChainStops() {
        INDArray x0 = image();
        assertNull(DiffusionChainReport.compute(partlyRight(x0), SCHEDULE, true, x0, 7, (t, term) -> { }, () -> true));
    }
}
