package org.diffusionlab.core.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.diffusionlab.core.nn.Block;
import org.diffusionlab.core.nn.Dense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;

class VaeNetworkTest {

    /** A 2-pixel image, one hidden layer of 2 units, latent 2, with weights chosen so every value is known. */
    static VaeParameters handMadeNetwork(DataType type) {
        VaeParameters p = VaeParameters.zeros(new VaeArchitecture(2, 1, List.of(2), 2), type);
        set(p.encoder().get(0), new double[][] {{1, -1}, {1, -1}}, new double[] {0, 0});   // h = relu([1, −1]) = [1, 0]
        set(p.mean(), new double[][] {{0.5, -1}, {7, 7}}, new double[] {0, 0});             // μ = [0.5, −1]
        set(p.logVariance(), new double[][] {{0, 0}, {5, 5}}, new double[] {0, Math.log(4)}); // log σ² = [0, ln 4]
        set(p.decoder().get(0), new double[][] {{1, 0}, {0, 1}}, new double[] {0, 0});      // g = relu(z)
        set(p.logits(), new double[][] {{0.4, 0}, {9, 9}}, new double[] {0, Math.log(3)});  // l = [0.4 g₁, ln 3]
        return p;
    }

    static void set(Dense layer, double[][] weight, double[] bias) {
        for (int i = 0; i < weight.length; i++) {
            for (int j = 0; j < weight[i].length; j++) {
                layer.weight().set(i, j, weight[i][j]);
            }
        }
        for (int j = 0; j < bias.length; j++) {
            layer.bias().set(0, j, bias[j]);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void reconstructionAndKlMatchHandComputedValues(DataType type) {
        VaeParameters p = handMadeNetwork(type);
        VaeWorkspace ws = new VaeWorkspace(p.architecture(), type, 1, false);
        ws.loadImages(new float[][] {{1, 0}}, 0);
        ws.epsilon[0] = 2;
        ws.epsilon[1] = -0.5;
        VaeNetwork.forward(p, ws);
        double tolerance = type == DataType.DOUBLE ? 1e-12 : 1e-6;

        // σ = [1, 2], z = μ + σ ε = [0.5 + 2, −1 − 1] = [2.5, −2]
        assertArrayEquals(new double[] {2.5, -2}, ws.latentValues, tolerance);
        // KL = −½[(1 + 0 − 0.25 − 1) + (1 + ln 4 − 1 − 4)] = 2.125 − ln 2
        assertEquals(2.125 - Math.log(2), ws.kl[0], tolerance);
        // g = relu([2.5, −2]) = [2.5, 0]; l = [1, ln 3]; −log p(x|z) = −log σ(1) − log(1 − σ(ln 3)) = ln(1 + e) − 1 + ln 4
        assertEquals(Math.log(1 + Math.E) - 1 + Math.log(4), ws.reconstruction[0], tolerance);
        assertEquals(1 / (1 + Math.exp(-1)), ws.probabilities.get(0, 0), tolerance);
        assertEquals(0.75, ws.probabilities.get(0, 1), tolerance);
    }

    @Test
    void reconstructionTermIsStableForHugeLogits() {
        VaeParameters p = handMadeNetwork(DataType.FLOAT);
        // logits l = [0.4 g₁ + 0, ln 3] with g₁ = 2.5 scaled up: make l₁ = 400 and l₂ = −400 + …
        set(p.logits(), new double[][] {{160, -160}, {0, 0}}, new double[] {0, 0});         // l = [400, −400]
        VaeWorkspace ws = new VaeWorkspace(p.architecture(), DataType.FLOAT, 1, false);
        ws.loadImages(new float[][] {{0, 1}}, 0);
        ws.epsilon[0] = 2;
        ws.epsilon[1] = -0.5;
        VaeNetwork.forward(p, ws);
        // −log p = softplus(400) − 0 + softplus(−400) − 1·(−400) = 400 + 400 (+ e^−400 terms)
        assertEquals(800, ws.reconstruction[0], 1e-3);
    }

    /** Loss = mean_i (recon_i + β KL_i) for fixed ε. */
    private static double loss(VaeParameters p, VaeWorkspace ws, double beta) {
        VaeNetwork.forward(p, ws);
        double total = 0;
        for (int i = 0; i < ws.rows; i++) {
            total += ws.reconstruction[i] + beta * ws.kl[i];
        }
        return total / ws.rows;
    }

    @Test
    void gradientOfTheElboMatchesFiniteDifferences() {
        VaeArchitecture architecture = new VaeArchitecture(3, 2, List.of(5, 4), 3);
        VaeParameters p = VaeParameters.initial(architecture, DataType.DOUBLE, 11);
        // weights larger than the default ±1/√n, so that every term matters (much larger and the loss gets so
        // large that double rounding, ~1e-11 per evaluation, dominates the finite differences)
        SplittableRandom random = new SplittableRandom(5);
        Block all = p.all();
        for (int j = 0; j < all.cols(); j++) {
            all.set(0, j, 0.5 * random.nextGaussian());
        }
        VaeParameters gradient = VaeParameters.zeros(architecture, DataType.DOUBLE);
        int rows = 4;
        VaeWorkspace ws = new VaeWorkspace(architecture, DataType.DOUBLE, rows, true);
        float[][] images = new float[rows][architecture.inputSize()];
        for (float[] image : images) {
            for (int j = 0; j < image.length; j++) {
                image[j] = random.nextInt(3) / 2f;   // 0, ½ or 1
            }
        }
        ws.loadImages(images, 0);
        for (int k = 0; k < ws.epsilon.length; k++) {
            ws.epsilon[k] = random.nextGaussian();
        }
        double beta = 0.7;
        loss(p, ws, beta);
        VaeNetwork.backward(p, gradient, ws, beta);
        double[] analytic = new double[(int) p.size()];
        gradient.all().read(analytic, 0, 0, analytic.length);

        double h = 1e-6;
        double worst = 0;
        for (int j = 0; j < analytic.length; j++) {
            double original = all.get(0, j);
            all.set(0, j, original + h);
            double plus = loss(p, ws, beta);
            all.set(0, j, original - h);
            double minus = loss(p, ws, beta);
            all.set(0, j, original);
            double numeric = (plus - minus) / (2 * h);
            double error = Math.abs(numeric - analytic[j]) / Math.max(1, Math.abs(numeric) + Math.abs(analytic[j]));
            worst = Math.max(worst, error);
        }
        assertTrue(worst < 1e-6, "worst relative gradient error " + worst);
        // the check must not be vacuous: most gradients are clearly non-zero
        long nonZero = Arrays.stream(analytic).filter(g -> Math.abs(g) > 1e-3).count();
        assertTrue(nonZero > analytic.length / 2, nonZero + " of " + analytic.length + " gradients are non-zero");
    }
}
