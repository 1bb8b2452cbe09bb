package org.diffusionlab.core.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.diffusionlab.core.random.Gaussian;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DiffusionElboTest {
    private static final NoiseSchedule SCHEDULE = NoiseSchedule.linear(1000);

    /** Pixels on the 8-bit grid of [−1, 1], like the digits. */
    private static INDArray images(long seed, int n, int d) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[n * d];
        for (int i = 0; i < values.length; i++) {
            values[i] = 2f * random.nextInt(256) / 255 - 1;
        }
        return Nd4j.create(values, new long[] {n, d}, 'c');
    }

    /** ε̂ = (x_t − √ᾱ_t x₀)/√(1−ᾱ_t): the noise that was actually added. */
    private static NoisePredictor oracle(INDArray x0, double scale) {
        return (xt, t) -> new ForwardProcess(SCHEDULE).impliedNoiseRows(x0, xt, t).muli(scale);
    }

    @Test
    void denoisingKlEqualsTheGaussianKlOfTheTwoMeans() {
        INDArray x0 = images(1, 3, 20);
        DiffusionElbo elbo = new DiffusionElbo(SCHEDULE, true);
        NoisePredictor model = (xt, t) -> xt.mul(0.5);
        for (int t : new int[] {2, 3, 50, 400, 1000}) {
            int[] steps = {t, t, t};
            double[] kl = elbo.denoisingKl(model, x0, steps, 9, 77);
            INDArray eps = Gaussian.sample(org.diffusionlab.core.random.Seeds.derive(9, 77), x0.shape());
            INDArray xt = new ForwardProcess(SCHEDULE).sampleXt(x0, t, eps);
            INDArray epsHat = model.predictNoise(xt, steps);
            INDArray posteriorMean = new Posterior(SCHEDULE).mean(xt, x0, t);
            INDArray muTheta = xt.sub(epsHat.mul(SCHEDULE.beta(t) / SCHEDULE.sqrtOneMinusAlphaBar(t))).divi(Math.sqrt(SCHEDULE.alpha(t)));
            double variance = SCHEDULE.posteriorVariance(t);
            for (int i = 0; i < 3; i++) {
                double direct = GaussianKl.sharedVariances(posteriorMean.getRow(i).castTo(DataType.DOUBLE), variance,
                        muTheta.getRow(i).castTo(DataType.DOUBLE), variance);
                assertEquals(direct, kl[i], 1e-3 * direct + 1e-3, "t = " + t + ", sample " + i);
            }
        }
    }

    @Test
    void aPerfectNoiseOracleLeavesNoDenoisingTerm() {
        INDArray x0 = images(2, 4, 30);
        DiffusionElbo elbo = new DiffusionElbo(SCHEDULE, true);
        DiffusionElbo.Terms perfect = elbo.exact(oracle(x0, 1), x0, 3);
        DiffusionElbo.Terms imperfect = elbo.exact(oracle(x0, 0.9), x0, 3);
        assertEquals(0, perfect.denoising(), 1e-3);
        assertTrue(imperfect.denoising() > 1, "a 10% error in ε̂ costs nats: " + imperfect.denoising());
        assertEquals(perfect.prior(), imperfect.prior(), 1e-12);
    }

    @Test
    void priorTermIsTheForwardProcessKlToTheStandardNormal() {
        INDArray x0 = images(3, 2, 50);
        double[] kl = new DiffusionElbo(SCHEDULE, true).priorKl(x0);
        ForwardProcess forward = new ForwardProcess(SCHEDULE);
        for (int i = 0; i < 2; i++) {
            assertEquals(forward.priorKl(x0.getRow(i)), kl[i], 1e-9);
        }
    }

    @Test
    void sampledTimeEstimateIsUnbiased() {
        NoiseSchedule schedule = NoiseSchedule.linear(100, 1e-3, 0.1);
        INDArray x0 = images(4, 8, 10);
        DiffusionElbo elbo = new DiffusionElbo(schedule, true);
        NoisePredictor model = (xt, t) -> {
            INDArray out = new ForwardProcess(schedule).impliedNoiseRows(x0, xt, t).muli(0.8);
            return out;
        };
        double exact = elbo.exact(model, x0, 5).denoising();
        double sum = 0;
        int rounds = 200;
        for (int r = 0; r < rounds; r++) {
            sum += elbo.estimate(model, x0, 2, 1000 + r).denoising();
        }
        assertEquals(exact, sum / rounds, 0.05 * exact);
    }

    @Test
    void discretisedDecoderIsAProbabilityOverTheBins() {
        for (double mean : new double[] {-1.2, -0.3, 0.0, 0.98, 1.0}) {
            for (double sigma : new double[] {0.01, 0.1, 1}) {
                double total = 0;
                for (int k = 0; k < 256; k++) {
                    total += Math.exp(DiscretizedGaussian.logProbability(2.0 * k / 255 - 1, mean, sigma));
                }
                assertEquals(1, total, 1e-6, "μ = " + mean + ", σ = " + sigma);
            }
        }
        assertEquals(0.157299207050285, DiscretizedGaussian.erfc(1), 2e-8);
        assertEquals(1.999977909503, DiscretizedGaussian.erfc(-3), 2e-7);
    }

    @Test
    void bitsPerDimensionDividesNatsByDimensionsAndLnTwo() {
        DiffusionElbo.Terms terms = new DiffusionElbo.Terms(100, 1, 443.6, 784);
        assertEquals(544.6 / (784 * Math.log(2)), terms.bitsPerDimension(), 1e-12);
    }
}
