package org.diffusionlab.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.DigitClassifierNet;
import org.diffusionlab.core.random.Gaussian;
import org.junit.jupiter.api.Test;

class SampleQualityTest {
    private static final int FEATURES = 3;
    private static final int K = DigitClassifierNet.CLASSES;

    /** n digits: digit i is class i % classes with top probability {@code top} (the rest shared evenly). */
    private static DigitClassifier.Result digits(int n, int classes, double top, double featureShift, long seed) {
        float[] probabilities = new float[n * K];
        for (int i = 0; i < n; i++) {
            Arrays.fill(probabilities, i * K, i * K + K, (float) ((1 - top) / (K - 1)));
            probabilities[i * K + i % classes] = (float) top;
        }
        float[] features = Gaussian.sample(seed, n, FEATURES).addi(featureShift).dup('c').data().asFloat();
        return new DigitClassifier.Result(n, probabilities, features, FEATURES);
    }

    @Test
    void countsConfidentDigitsAndClassSharesAndComparesFeatures() {
        DigitClassifier.Result heldOut = digits(2000, 10, 0.99, 0, 1);
        DigitClassifier.Result training = digits(2000, 10, 0.99, 0, 2);
        float[] mixed = new float[1000 * K];
        DigitClassifier.Result sure = digits(1000, 5, 0.95, 2, 3);
        DigitClassifier.Result unsure = digits(1000, 5, 0.5, 2, 3);
        for (int i = 0; i < 1000; i++) {
            System.arraycopy((i < 700 ? sure : unsure).probabilities(), i * K, mixed, i * K, K);
        }
        DigitClassifier.Result samples = new DigitClassifier.Result(1000, mixed, sure.features(), FEATURES);

        Map<Metric, Double> quality = SampleQuality.of(samples, heldOut, training);
        assertEquals(0.7, quality.get(Metric.SAMPLE_CONFIDENT_FRACTION), 1e-12);
        assertEquals(1.0, quality.get(Metric.HELDOUT_CONFIDENT_FRACTION), 1e-12);
        assertEquals(0.0, quality.get(Metric.CLASS_SHARE_MIN), 1e-12, "five classes never drawn");
        assertEquals(0.2, quality.get(Metric.CLASS_SHARE_MAX), 1e-12);
        // Unit-variance features shifted by 2 in each of 3 dimensions: Fréchet distance ≈ 3·2² = 12; same law ≈ 0.
        assertEquals(12, quality.get(Metric.FRECHET_DISTANCE), 0.6);
        assertTrue(quality.get(Metric.FRECHET_DISTANCE_FLOOR) < 0.1, "real against real: " + quality);
    }
}
