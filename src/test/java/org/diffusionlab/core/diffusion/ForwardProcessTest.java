package org.diffusionlab.core.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.diffusionlab.core.random.Gaussian;
import org.diffusionlab.core.random.Seeds;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Statistics over 200,000 draws against the closed forms of DESIGN.md "Ground truth". */
class ForwardProcessTest {
    private static final int N = 200_000;
    private final NoiseSchedule schedule = NoiseSchedule.linear(1000);
    private final ForwardProcess process = new ForwardProcess(schedule);

    /** Sample mean and variance; asserts the mean within 5 standard errors and the variance within 5 of its SEs. */
    private static void assertMoments(float[] sample, double mean, double variance, String what) {
        double m = 0;
        for (float v : sample) {
            m += v;
        }
        m /= sample.length;
        double s2 = 0;
        for (float v : sample) {
            s2 += (v - m) * (v - m);
        }
        s2 /= sample.length - 1;
        double meanTolerance = 5 * Math.sqrt(variance / sample.length);
        double varianceTolerance = 5 * variance * Math.sqrt(2.0 / (sample.length - 1));
        assertEquals(mean, m, meanTolerance, what + ": mean");
        assertEquals(variance, s2, varianceTolerance, what + ": variance");
    }

    @Test
    void closedFormHasMeanSqrtAlphaBarX0AndVarianceOneMinusAlphaBar() {
        for (int t : new int[] {1, 100, 500, 1000}) {
            INDArray x0 = Nd4j.valueArrayOf(new long[] {N}, 0.6f);
            float[] xt = process.sampleXt(x0, t, Gaussian.sample(t, N)).toFloatVector();
            assertMoments(xt, 0.6 * schedule.sqrtAlphaBar(t), 1 - schedule.alphaBar(t), "t = " + t);
        }
    }

    @Test
    void iteratingOneStepAtATimeAgreesWithTheJump() {
        int t = 60;
        float x0 = -0.8f;
        INDArray x = Nd4j.valueArrayOf(new long[] {N}, x0);
        for (int s = 1; s <= t; s++) {
            x = process.step(x, s, Gaussian.sample(Seeds.derive(7, s), N));
        }
        float[] iterated = x.toFloatVector();
        assertMoments(iterated, x0 * schedule.sqrtAlphaBar(t), 1 - schedule.alphaBar(t), "iterated");
        float[] jumped = process.sampleXt(Nd4j.valueArrayOf(new long[] {N}, x0), t, Gaussian.sample(99, N)).toFloatVector();
        // two-sample Kolmogorov–Smirnov at α = 0.001: D < 1.95·√(2/N)
        assertTrue(ksStatistic(iterated, jumped) < 1.95 * Math.sqrt(2.0 / N), "KS distance too large");
    }

    @Test
    void ksTestCanTellDifferentDistributionsApart() {
        float[] a = Gaussian.sample(1, N).toFloatVector();
        float[] b = Gaussian.sample(2, N).muli(1.05).toFloatVector();
        assertTrue(ksStatistic(a, b) > 1.95 * Math.sqrt(2.0 / N), "a 5% wider Gaussian must be detected");
    }

    static double ksStatistic(float[] a, float[] b) {
        float[] x = a.clone();
        float[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            if (x[i] <= y[j]) {
                i++;
            } else {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    @Test
    void posteriorMatchesTheConditionalOfTheJointSamples() {
        // Draw x_{t−1} ~ q(x_{t−1}|x₀) and x_t ~ q(x_t|x_{t−1}); regress x_{t−1} on x_t.
        int t = 300;
        float x0 = 0.7f;
        INDArray xPrevious = process.sampleXt(Nd4j.valueArrayOf(new long[] {N}, x0), t - 1, Gaussian.sample(11, N));
        INDArray xt = process.step(xPrevious, t, Gaussian.sample(12, N));
        float[] p = xPrevious.toFloatVector();
        float[] c = xt.toFloatVector();
        double mp = 0;
        double mc = 0;
        for (int i = 0; i < N; i++) {
            mp += p[i];
            mc += c[i];
        }
        mp /= N;
        mc /= N;
        double cov = 0;
        double var = 0;
        for (int i = 0; i < N; i++) {
            cov += (p[i] - mp) * (c[i] - mc);
            var += (c[i] - mc) * (c[i] - mc);
        }
        double slope = cov / var;
        double intercept = mp - slope * mc;
        double residual = 0;
        for (int i = 0; i < N; i++) {
            double r = p[i] - intercept - slope * c[i];
            residual += r * r;
        }
        residual /= N - 2;
        assertEquals(schedule.posteriorMeanCoefXt(t), slope, 0.01, "coefficient of x_t");
        assertEquals(schedule.posteriorMeanCoefX0(t) * x0, intercept, 0.01, "x₀ part of the mean");
        assertEquals(schedule.posteriorVariance(t), residual, 0.02 * schedule.posteriorVariance(t), "variance");

        Posterior posterior = new Posterior(schedule);
        INDArray mean = posterior.mean(Nd4j.createFromArray(0.25f), Nd4j.createFromArray(x0), t);
        double expected = (Math.sqrt(schedule.alpha(t)) * (1 - schedule.alphaBar(t - 1)) * 0.25
                + Math.sqrt(schedule.alphaBar(t - 1)) * schedule.beta(t) * x0) / (1 - schedule.alphaBar(t));
        assertEquals(expected, mean.getDouble(0), 1e-6);
        assertEquals(schedule.beta(t) * (1 - schedule.alphaBar(t - 1)) / (1 - schedule.alphaBar(t)), posterior.variance(t), 1e-15);
    }

    @Test
    void priorKlIsTheSumOfPerPixelGaussianKls() {
        float[] pixels = {-1f, -0.2f, 0.5f, 1f};
        double alphaBar = schedule.alphaBar(1000);
        double expected = 0;
        for (float x : pixels) {
            expected += GaussianKl.of(Math.sqrt(alphaBar) * x, 1 - alphaBar, 0, 1);
        }
        assertEquals(expected, process.priorKl(Nd4j.createFromArray(pixels)), 1e-9);
        // and KL(N(m, v) ‖ N(0, 1)) = ½(v + m² − 1 − ln v)
        assertEquals(0.5 * (0.25 + 0.09 - 1 - Math.log(0.25)), GaussianKl.of(0.3, 0.25, 0, 1), 1e-12);
        assertEquals(0, GaussianKl.of(0.4, 2, 0.4, 2), 1e-15);
    }

    @Test
    void sharedVarianceKlMatchesThePerDimensionSum() {
        INDArray a = Nd4j.createFromArray(0.1f, -0.5f, 2f);
        INDArray b = Nd4j.createFromArray(0.3f, 0.5f, 1f);
        double expected = GaussianKl.of(0.1, 0.3, 0.3, 0.7) + GaussianKl.of(-0.5, 0.3, 0.5, 0.7) + GaussianKl.of(2, 0.3, 1, 0.7);
        assertEquals(expected, GaussianKl.sharedVariances(a, 0.3, b, 0.7), 1e-6);
    }

    @Test
    void impliedNoiseRecoversTheNoiseOfTheClosedForm() {
        INDArray x0 = Gaussian.sample(3, 1000).muli(0.5);
        INDArray eps = Gaussian.sample(4, 1000);
        INDArray xt = process.sampleXt(x0, 400, eps);
        float[] recovered = process.impliedNoise(x0, xt, 400).toFloatVector();
        float[] expected = eps.toFloatVector();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], recovered[i], 1e-4);
        }
    }
}
