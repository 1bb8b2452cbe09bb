package org.diffusionlab.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.diffusionlab.core.random.Gaussian;
import org.junit.jupiter.api.Test;

class PixelHistogramTest {

    @Test
    void normalCdfMatchesKnownValues() {
        assertEquals(0.5, PixelHistogram.normalCdf(0), 1e-7);
        assertEquals(0.8413447461, PixelHistogram.normalCdf(1), 1e-7);
        assertEquals(0.0227501319, PixelHistogram.normalCdf(-2), 1e-7);
        assertEquals(0.9986501020, PixelHistogram.normalCdf(3), 1e-7);
    }

    @Test
    void densitiesIntegrateToTheCoveredMass() {
        float[] x0 = {-1f, -1f, 0.5f, 1f};
        float[] xt = {0f, 0.1f, -0.3f, 0.2f};
        PixelHistogram h = PixelHistogram.of(xt, x0, 0.7, 0.51, 64, -4, 4);
        double observed = 0;
        double predicted = 0;
        double normal = 0;
        for (int i = 0; i < h.bins(); i++) {
            observed += h.observed()[i] * h.binWidth();
            predicted += h.predicted()[i] * h.binWidth();
            normal += h.standardNormal()[i] * h.binWidth();
        }
        assertEquals(1, observed, 1e-9);
        assertEquals(1, predicted, 1e-5);
        assertEquals(1 - 2 * PixelHistogram.normalCdf(-4), normal, 1e-6);
    }

    @Test
    void theHistogramOfDrawsMatchesThePredictedDensity() {
        int n = 200_000;
        float[] x0 = new float[n];
        for (int i = 0; i < n; i++) {
            x0[i] = i % 2 == 0 ? -1f : 0.6f;
        }
        double sqrtAlphaBar = 0.8;
        double variance = 1 - 0.64;
        float[] eps = Gaussian.sample(5, n).toFloatVector();
        float[] xt = new float[n];
        for (int i = 0; i < n; i++) {
            xt[i] = (float) (sqrtAlphaBar * x0[i] + Math.sqrt(variance) * eps[i]);
        }
        PixelHistogram h = PixelHistogram.of(xt, x0, sqrtAlphaBar, variance, 40, -3, 3);
        for (int i = 0; i < h.bins(); i++) {
            double p = h.predicted()[i] * h.binWidth();
            double standardError = Math.sqrt(p * (1 - p) / n) / h.binWidth();
            assertEquals(h.predicted()[i], h.observed()[i], 5 * standardError + 1e-9, "bin " + i);
        }
    }
}
