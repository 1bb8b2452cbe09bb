package org.diffusionlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void firstStepMovesEachParameterByTheLearningRateAgainstItsGradient() {
        // after one step m̂ = g and v̂ = g², so θ ← θ − lr · g / (|g| + ε)
        Adam adam = new Adam(3, 0.01);
        float[] theta = {1, 1, 1};
        adam.update(theta, new float[] {2, -0.5f, 1e-3f});
        assertArrayEquals(new float[] {0.99f, 1.01f, 0.99f}, theta, 1e-6f);
    }

    @Test
    void matchesAReferenceImplementationOverManySteps() {
        double lr = 0.05;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        Adam adam = new Adam(2, lr, b1, b2, eps);
        float[] theta = {3, -2};
        double[] reference = {3, -2};
        double[] m = new double[2];
        double[] v = new double[2];
        for (int t = 1; t <= 50; t++) {
            float[] g = {theta[0] * 2, (theta[1] - 1) * 4};          // ∇ of θ₀² + 2(θ₁ − 1)²
            double[] gr = {reference[0] * 2, (reference[1] - 1) * 4};
            adam.update(theta, g);
            for (int i = 0; i < 2; i++) {
                m[i] = b1 * m[i] + (1 - b1) * gr[i];
                v[i] = b2 * v[i] + (1 - b2) * gr[i] * gr[i];
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                reference[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        }
        assertEquals(reference[0], theta[0], 1e-4);
        assertEquals(reference[1], theta[1], 1e-4);
        assertEquals(50, adam.steps());
    }
}
