package org.diffusionlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.diffusionlab.core.random.Gaussian;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Back-propagation checked against central finite differences of L = Σ ε̂ ⊙ R for a fixed random R. */
class DenoiserGradientTest {

    /** Tiny arrays: one native thread avoids OpenMP hand-offs that dominate (and, on a busy machine, stall) them. */
    @BeforeAll
    static void oneThread() {
        Threads.set(1);
    }

    @AfterAll
    static void allThreads() {
        Threads.set(Threads.available());
    }

    @Test
    void unetGradientsMatchFiniteDifferences() {
        Denoiser net = new DenoiserSpec.UNetSpec(8, 8, 4, 8, true).build(3);
        randomiseGains(net);
        checkGradients(net, new int[] {1, 400, 999}, 2);
    }

    @Test
    void mlpGradientsMatchFiniteDifferences() {
        Denoiser net = new DenoiserSpec.MlpSpec(2, 16, 3, 8, 2).build(5);
        checkGradients(net, new int[] {1, 17, 500, 1000}, 3);
    }

    @Test
    void outputHasTheInputShapeAndStartsNearZero() {
        Denoiser net = new DenoiserSpec.UNetSpec(28, 8, 4, 16, true).build(1);
        INDArray x = Gaussian.sample(2, 4, 1, 28, 28);
        INDArray eps = net.predictNoise(x, new int[] {1, 10, 100, 1000});
        assertArrayEquals(new long[] {4, 1, 28, 28}, eps.shape());
        assertTrue(eps.amaxNumber().doubleValue() < 0.1, "the output layer starts near zero");
    }

    /**
     * GN's gains start at 1 and biases at 0, and the output and attention projections near 0; perturb them so
     * their gradients (and the gradients behind them, through the softmax) are tested off the easy point.
     */
    private static void randomiseGains(Denoiser net) {
        SplittableRandom random = new SplittableRandom(11);
        for (Parameter p : net.parameters().all()) {
            if (p.name().endsWith("/gain") || p.name().endsWith("/bias") || p.name().equals("out/W") || p.name().endsWith("project/W")) {
                INDArray v = p.value();
                for (long i = 0; i < v.length(); i++) {
                    v.putScalar(i, v.getDouble(i) + 0.5 * (random.nextDouble() - 0.5));
                }
            }
        }
    }

    /** Checks {@code perParameter} random entries of every parameter. */
    private static void checkGradients(Denoiser net, int[] t, int perParameter) {
        long[] shape = batchShape(net, t.length);
        INDArray x = Gaussian.sample(7, shape);
        INDArray weights = Gaussian.sample(8, shape);
        try (var ignored = Workspaces.open("gradient-check")) {
            net.forward(x, t);
            net.backward(weights);
        }
        SplittableRandom random = new SplittableRandom(9);
        int checked = 0;
        for (Parameter p : net.parameters().all()) {
            for (int k = 0; k < perParameter; k++) {
                long i = random.nextLong(p.length());
                double analytic = p.gradient().getDouble(i);
                double original = p.value().getDouble(i);
                double h = 1e-2;
                p.value().putScalar(i, original + h);
                double plus = loss(net, x, t, weights);
                p.value().putScalar(i, original - h);
                double minus = loss(net, x, t, weights);
                p.value().putScalar(i, original);
                double numeric = (plus - minus) / (2 * h);
                double tolerance = 2e-2 * Math.max(Math.abs(numeric), Math.abs(analytic)) + 2e-3;
                assertEquals(numeric, analytic, tolerance, p.name() + "[" + i + "]");
                checked++;
            }
        }
        assertTrue(checked > 20);
    }

    private static double loss(Denoiser net, INDArray x, int[] t, INDArray weights) {
        return net.predictNoise(x, t).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                .mul(weights.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)).sumNumber().doubleValue();
    }

    private static long[] batchShape(Denoiser net, int batch) {
        long[] sample = net.sampleShape();
        long[] shape = new long[sample.length + 1];
        shape[0] = batch;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        return shape;
    }
}
