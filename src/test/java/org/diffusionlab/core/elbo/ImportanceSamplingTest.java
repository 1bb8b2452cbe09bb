package org.diffusionlab.core.elbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImportanceSamplingTest {
    private final LinearGaussianModel model = new LinearGaussianModel(1.8, 0.2, 0.6);
    private final double x = 1.4;
    /** A q far enough from the posterior that the bounds are clearly apart. */
    private final DiagonalGaussian q = DiagonalGaussian.of(0.1, 0.6);

    @Test
    void theMonteCarloElboIsUnbiased() {
        double exact = model.parts(x, 0.1, 0.6).elbo();
        for (int k : new int[] {1, 10, 100}) {
            double[] values = ImportanceSampling.monteCarloRepeats(model.at(x), q, k, 2000, 3);
            double mean = ImportanceSampling.mean(values, 0, values.length);
            double standardError = standardDeviation(values, mean) / Math.sqrt(values.length);
            assertTrue(Math.abs(mean - exact) < 3 * standardError, "K = " + k + ": " + mean + " vs " + exact);
        }
    }

    @Test
    void itsSpreadShrinksWithK() {
        double previous = Double.POSITIVE_INFINITY;
        for (int k : new int[] {1, 10, 100, 1000}) {
            double[] values = ImportanceSampling.monteCarloRepeats(model.at(x), q, k, 200, 4);
            double spread = standardDeviation(values, ImportanceSampling.mean(values, 0, values.length));
            assertTrue(spread < previous);
            previous = spread;
        }
    }

    @Test
    void iwaeRisesWithKFromTheElboToTheEvidence() {
        double elbo = model.parts(x, 0.1, 0.6).elbo();
        double evidence = model.logEvidence(x);
        assertTrue(evidence - elbo > 0.3, "the example should have a visible gap");
        double previous = Double.NEGATIVE_INFINITY;
        for (int k : new int[] {1, 2, 5, 10, 50, 100, 1000}) {
            double[] values = ImportanceSampling.iwaeRepeats(model.at(x), q, k, 400, 5);
            double mean = ImportanceSampling.mean(values, 0, values.length);
            double standardError = standardDeviation(values, mean) / Math.sqrt(values.length);
            assertTrue(mean >= previous - 2 * standardError, "K = " + k);
            assertTrue(mean <= evidence + 3 * standardError);
            if (k == 1) {
                assertTrue(Math.abs(mean - elbo) < 3 * standardError);
            }
            if (k == 1000) {
                assertEquals(evidence, mean, 0.01);
            }
            previous = mean;
        }
    }

    @Test
    void theIwaeStandardErrorMatchesTheSpreadOverRepeats() {
        double[] values = ImportanceSampling.iwaeRepeats(model.at(x), q, 500, 300, 6);
        double spread = standardDeviation(values, ImportanceSampling.mean(values, 0, values.length));
        double reported = ImportanceSampling.iwae(ImportanceSampling.logWeights(model.at(x), q, 500, 9)).standardError();
        assertEquals(spread, reported, 0.3 * spread);
    }

    private static double standardDeviation(double[] values, double mean) {
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
