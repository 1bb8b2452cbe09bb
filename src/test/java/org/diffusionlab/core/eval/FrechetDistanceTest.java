package org.diffusionlab.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FrechetDistanceTest {
    private static double[][] correlated(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][d];
        for (double[] row : rows) {
            double shared = random.nextDouble() - 0.5;
            for (int j = 0; j < d; j++) {
                row[j] = (j + 1) * (random.nextDouble() - 0.5) + 2 * shared;
            }
        }
        return rows;
    }

    @Test
    void jacobiEigenvectorsRebuildTheMatrix() {
        double[][] x = correlated(200, 6, 1);
        double[][] c = FrechetDistance.covariance(x, FrechetDistance.mean(x));
        double[][] root = FrechetDistance.sqrtSymmetric(c);
        double[][] square = FrechetDistance.multiply(root, root);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(c[i][j], square[i][j], 1e-9);
            }
        }
    }

    @Test
    void closedFormsForShiftedAndScaledCopies() {
        double[][] x = correlated(500, 5, 2);
        double[][] shifted = new double[x.length][];
        double[][] doubled = new double[x.length][];
        double[] mean = FrechetDistance.mean(x);
        for (int i = 0; i < x.length; i++) {
            shifted[i] = x[i].clone();
            doubled[i] = new double[5];
            for (int j = 0; j < 5; j++) {
                shifted[i][j] += j;
                doubled[i][j] = 2 * (x[i][j] - mean[j]) + mean[j];
            }
        }
        double trace = 0;
        double[][] c = FrechetDistance.covariance(x, mean);
        for (int j = 0; j < 5; j++) {
            trace += c[j][j];
        }
        assertEquals(0, FrechetDistance.between(x, x), 1e-8);
        // same covariance: only ‖Δμ‖² = 0 + 1 + 4 + 9 + 16 remains
        assertEquals(30, FrechetDistance.between(x, shifted), 1e-8);
        // Σ against 4Σ: Tr Σ + 4 Tr Σ − 2 Tr(2Σ) = Tr Σ
        assertEquals(trace, FrechetDistance.between(x, doubled), 1e-8);
    }
}
