package org.diffusionlab.core.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.diffusionlab.core.random.Gaussian;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SamplerTest {
    private static final NoiseSchedule SCHEDULE = NoiseSchedule.linear(1000);
    /** A fixed, non-trivial stand-in for a network: ε̂ = 0.3 x_t + t/T. */
    private static final NoisePredictor AFFINE = (xt, t) -> {
        INDArray out = xt.mul(0.3);
        for (int i = 0; i < t.length; i++) {
            out.getRow(i).addi((double) t[i] / SCHEDULE.steps());
        }
        return out;
    };

    private static ReverseChain chain(NoisePredictor model, Sampler sampler, INDArray start, long seed) {
        return new ReverseChain(model, SCHEDULE, sampler, start, SCHEDULE.steps(), seed, false);
    }

    @Test
    void ddpmMeanIsTheEpsilonFormulaOfMuTheta() {
        INDArray xt = Gaussian.sample(1, 3, 5);
        INDArray epsHat = Gaussian.sample(2, 3, 5);
        for (int t : new int[] {1, 2, 10, 500, 1000}) {
            INDArray x0Hat = xt.sub(epsHat.mul(SCHEDULE.sqrtOneMinusAlphaBar(t))).divi(SCHEDULE.sqrtAlphaBar(t));
            INDArray mean = new Sampler.Ddpm(false).step(SCHEDULE, xt, t, t - 1, epsHat, x0Hat, Nd4j.zeros(DataType.FLOAT, 3, 5));
            INDArray muTheta = xt.sub(epsHat.mul(SCHEDULE.beta(t) / SCHEDULE.sqrtOneMinusAlphaBar(t))).divi(Math.sqrt(SCHEDULE.alpha(t)));
            assertArrayEquals(muTheta.data().asFloat(), mean.data().asFloat(), 2e-4f, "t = " + t);
        }
    }

    @Test
    void ddimStepIsTheFormulaAndStaysConsistentWithAClippedPrediction() {
        INDArray xt = Gaussian.sample(4, 3, 5);
        INDArray epsHat = Gaussian.sample(5, 3, 5);
        Sampler ddim = new Sampler.Ddim(50, 0);
        int t = 600;
        int tNext = 580;
        INDArray x0Hat = xt.sub(epsHat.mul(SCHEDULE.sqrtOneMinusAlphaBar(t))).divi(SCHEDULE.sqrtAlphaBar(t));
        INDArray expected = x0Hat.mul(SCHEDULE.sqrtAlphaBar(tNext)).addi(epsHat.mul(SCHEDULE.sqrtOneMinusAlphaBar(tNext)));
        assertArrayEquals(expected.data().asFloat(), ddim.step(SCHEDULE, xt, t, tNext, epsHat, x0Hat, null).data().asFloat(), 1e-4f);

        INDArray clipped = x0Hat.mul(0).addi(0.5);
        INDArray impliedEps = xt.sub(clipped.mul(SCHEDULE.sqrtAlphaBar(t))).divi(SCHEDULE.sqrtOneMinusAlphaBar(t));
        INDArray consistent = clipped.mul(SCHEDULE.sqrtAlphaBar(tNext)).addi(impliedEps.mul(SCHEDULE.sqrtOneMinusAlphaBar(tNext)));
        assertArrayEquals(consistent.data().asFloat(), ddim.step(SCHEDULE, xt, t, tNext, epsHat, clipped, null).data().asFloat(), 1e-4f,
                "with a clipped x̂₀ the step uses the ε that x̂₀ implies, so x_t, x̂₀ and the next x stay on one line");
    }

    @Test
    void ddimWithEtaOneOnEveryStepIsDdpmWithPosteriorVariance() {
        INDArray start = Gaussian.sample(3, 4, 2);
        ReverseChain ddpm = chain(AFFINE, new Sampler.Ddpm(false), start, 7);
        ReverseChain ddim = chain(AFFINE, new Sampler.Ddim(1000, 1.0), start, 7);
        while (ddpm.hasNext()) {
            ReverseFrame a = ddpm.next();
            ReverseFrame b = ddim.next();
            assertEquals(a.t(), b.t());
            assertEquals(a.sigma(), b.sigma(), 1e-9, "t = " + a.t());
            assertArrayEquals(a.next(), b.next(), 2e-3f, "t = " + a.t());
        }
        assertFalse(ddim.hasNext());
    }

    @Test
    void ddimVisitsEvenlySpacedStepsAndEndsAtZero() {
        ReverseChain ddim = chain(AFFINE, new Sampler.Ddim(10, 0), Gaussian.sample(1, 2, 2), 1);
        List<Integer> visited = new ArrayList<>();
        ReverseFrame last = null;
        while (ddim.hasNext()) {
            last = ddim.next();
            visited.add(last.t());
        }
        assertEquals(List.of(1000, 900, 800, 700, 600, 500, 400, 300, 200, 100), visited);
        assertEquals(0, last.nextT());
        assertEquals(10, last.step());
        assertTrue(last.isLast());
    }

    @Test
    void sameSeedReplaysAndAnotherSeedDiffers() {
        INDArray start = Gaussian.sample(4, 3, 2);
        float[] a = chain(AFFINE, new Sampler.Ddpm(false), start, 11).finish().data().asFloat();
        float[] b = chain(AFFINE, new Sampler.Ddpm(false), start, 11).finish().data().asFloat();
        float[] c = chain(AFFINE, new Sampler.Ddpm(false), start, 12).finish().data().asFloat();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        float[] deterministic1 = chain(AFFINE, new Sampler.Ddim(50, 0), start, 11).finish().data().asFloat();
        float[] deterministic2 = chain(AFFINE, new Sampler.Ddim(50, 0), start, 99).finish().data().asFloat();
        assertArrayEquals(deterministic1, deterministic2, "DDIM with η = 0 uses no noise");
    }

    @Test
    void framesCarryTheStateThePredictionsAndTheNextState() {
        ReverseChain ddim = chain(AFFINE, new Sampler.Ddim(5, 0.5), Gaussian.sample(5, 2, 3), 3);
        float[] before = ddim.current();
        ReverseFrame first = ddim.next();
        assertArrayEquals(before, first.xt());
        assertArrayEquals(first.next(), ddim.current());
        assertEquals(2, first.samples());
        assertEquals(3, first.dimensions());
        // x̂₀ = (x_t − √(1−ᾱ_t) ε̂)/√ᾱ_t
        for (int i = 0; i < 6; i++) {
            double expected = (first.xt()[i] - SCHEDULE.sqrtOneMinusAlphaBar(first.t()) * first.epsHat()[i]) / SCHEDULE.sqrtAlphaBar(first.t());
            assertEquals(expected, first.x0Hat()[i], 1e-3);
        }
    }

    /** With the exact ε-predictor for N(m, s²), both samplers must return N(m, s²): a test of every coefficient. */
    @Test
    void samplersDrivenByTheOptimalPredictorReproduceGaussianData() {
        GaussianData data = new GaussianData(SCHEDULE, 0.7, 0.4);
        int n = 4000;
        for (Sampler sampler : List.of(new Sampler.Ddpm(false), new Sampler.Ddpm(true), new Sampler.Ddim(50, 0), new Sampler.Ddim(100, 1))) {
            INDArray samples = chain(data, sampler, Gaussian.sample(21, n, 1), 5).finish();
            double mean = samples.meanNumber().doubleValue();
            double std = samples.stdNumber().doubleValue();
            assertEquals(0.7, mean, 4 * 0.4 / Math.sqrt(n) + 0.01, sampler.label() + " mean");
            assertEquals(0.4, std, 0.04, sampler.label() + " standard deviation");
        }
    }
}
