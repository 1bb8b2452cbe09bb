package org.diffusionlab.core.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.diffusionlab.core.schedule.NoiseSchedule;
import org.junit.jupiter.api.Test;

class ReverseFrameTest {
    private final NoiseSchedule schedule = NoiseSchedule.linear(1000);

    /** x_t = √ᾱ_t x₀ + √(1−ᾱ_t) ε, so x̂₀ from the true ε is x₀ itself. */
    private float xt(int t, double x0, double eps) {
        return (float) (schedule.sqrtAlphaBar(t) * x0 + schedule.sqrtOneMinusAlphaBar(t) * eps);
    }

    @Test
    void countsOnlyTheNumbersWhoseRawPredictionLeftTheRangeAndWasClipped() {
        int t = 300;
        // Sample 0: x₀ = 0.5 (inside), 1.5 (outside, clipped to 1), −2 (outside, clipped to −1), 1.5 (outside, not clipped).
        // Sample 1: all inside.
        float[] xt = {xt(t, 0.5, 0.3), xt(t, 1.5, -0.7), xt(t, -2, 1.1), xt(t, 1.5, 0.2), xt(t, 0.9, 0), xt(t, -0.9, 0),
                xt(t, 0, 1), xt(t, 0.1, -1)};
        float[] eps = {0.3f, -0.7f, 1.1f, 0.2f, 0, 0, 1, -1};
        float[] x0Hat = {0.5f, 1f, -1f, 1.5f, 0.9f, -0.9f, 0f, 0.1f};
        ReverseFrame frame = new ReverseFrame(1, 10, t, t - 100, 2, 4, xt, eps, x0Hat, new float[8], 0);
        assertEquals(2, frame.clippedCount(schedule, 0));
        assertEquals(0, frame.clippedCount(schedule, 1));
    }
}
