package org.diffusionlab.core.diffusion;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.diffusionlab.core.random.Gaussian;
import org.diffusionlab.core.random.Seeds;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The negative diffusion ELBO (Luo 2022, eq. 58) of an ε-prediction model, per sample, in nats:
 * <pre>
 *   −ELBO = −E_q(x₁|x₀)[log p_θ(x₀|x₁)]  +  KL(q(x_T|x₀) ‖ N(0, I))  +  Σ_{t=2..T} E_q(x_t|x₀)[KL(q(x_{t−1}|x_t,x₀) ‖ p_θ(x_{t−1}|x_t))]
 *          reconstruction                 prior matching               denoising matching
 * </pre>
 * with p_θ(x_{t−1}|x_t) = N(μ_θ, β̃_t I): the reverse variance is the posterior variance β̃_t, so each KL is a
 * pure mean term, β_t² / (2 β̃_t α_t (1−ᾱ_t)) · ‖ε − ε̂_θ(x_t, t)‖². The decoder p_θ(x₀|x₁) is the discretised
 * Gaussian of Ho et al. (256 bins) for 8-bit images, or the Gaussian density N(x₀; μ_θ(x₁, 1), β₁ I) for
 * continuous data (points); both use variance β₁. Each expectation over x_t takes one draw of ε per sample
 * and step, from the seed.
 */
public final class DiffusionElbo {
    /** The three terms, each averaged over the samples, in nats per sample. */
    public record Terms(double reconstruction, double prior, double denoising, int dimensions) {
        /** −ELBO in nats per sample. */
        public double total() {
            return reconstruction + prior + denoising;
        }

        /** −ELBO in bits per dimension: nats / (D · ln 2). */
        public double bitsPerDimension() {
            return total() / (dimensions * Math.log(2));
        }
    }

    private final NoiseSchedule schedule;
    private final ForwardProcess forward;
    private final boolean discrete;

    public DiffusionElbo(NoiseSchedule schedule, boolean discrete) {
        this.schedule = schedule;
        this.forward = new ForwardProcess(schedule);
        this.discrete = discrete;
    }

    /** Every t from 2 to T (T − 1 network passes over the batch, plus one at t = 1). */
    public Terms exact(NoisePredictor model, INDArray x0, long seed) {
        int n = (int) x0.size(0);
        double denoising = 0;
        for (int t = 2; t <= schedule.steps(); t++) {
            denoising += sum(denoisingKl(model, x0, constant(n, t), seed, t));
        }
        return terms(model, x0, seed, denoising / n);
    }

    /**
     * An unbiased estimate of the same: for each of {@code draws} rounds every sample gets its own t uniform in
     * 2..T, and Σ_t L_t ≈ (T − 1) · mean of the drawn L_t.
     */
    public Terms estimate(NoisePredictor model, INDArray x0, int draws, long seed) {
        int n = (int) x0.size(0);
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, -2));
        double total = 0;
        if (schedule.steps() >= 2) {
            for (int k = 0; k < draws; k++) {
                int[] t = new int[n];
                for (int i = 0; i < n; i++) {
                    t[i] = 2 + random.nextInt(schedule.steps() - 1);
                }
                total += sum(denoisingKl(model, x0, t, seed, schedule.steps() + 1 + k));
            }
        }
        return terms(model, x0, seed, total * (schedule.steps() - 1) / ((double) draws * n));
    }

    private Terms terms(NoisePredictor model, INDArray x0, long seed, double denoising) {
        int n = (int) x0.size(0);
        int d = (int) (x0.length() / n);
        return new Terms(sum(reconstruction(model, x0, seed)) / n, sum(priorKl(x0)) / n, denoising, d);
    }

    /**
     * Per sample: KL(q(x_{t−1}|x_t,x₀) ‖ p_θ(x_{t−1}|x_t)) at x_t = √ᾱ_t x₀ + √(1−ᾱ_t) ε, ε drawn from
     * {@code stream} of the seed; each sample has its own t ≥ 2.
     */
    public double[] denoisingKl(NoisePredictor model, INDArray x0, int[] t, long seed, long stream) {
        INDArray eps = Gaussian.sample(Seeds.derive(seed, stream), x0.shape());
        INDArray xt = forward.sampleXt(x0, t, eps);
        double[] squaredError = rowSumsOfSquares(model.predictNoise(xt, t).subi(eps));
        for (int i = 0; i < t.length; i++) {
            squaredError[i] *= klWeight(t[i]);
        }
        return squaredError;
    }

    /** β_t² / (2 β̃_t α_t (1 − ᾱ_t)): the KL at step t per unit of ‖ε − ε̂‖², for t ≥ 2. */
    public double klWeight(int t) {
        if (t < 2) {
            throw new IllegalArgumentException("the denoising KLs run over t ≥ 2, not " + t);
        }
        double beta = schedule.beta(t);
        return beta * beta / (2 * schedule.posteriorVariance(t) * schedule.alpha(t) * (1 - schedule.alphaBar(t)));
    }

    /** Per sample: −log p_θ(x₀ | x₁) with x₁ drawn from q(x₁ | x₀) (stream 1 of the seed). */
    public double[] reconstruction(NoisePredictor model, INDArray x0, long seed) {
        int n = (int) x0.size(0);
        INDArray eps = Gaussian.sample(Seeds.derive(seed, 1), x0.shape());
        int[] ones = constant(n, 1);
        INDArray x1 = forward.sampleXt(x0, ones, eps);
        INDArray epsHat = model.predictNoise(x1, ones);
        // μ_θ(x₁, 1) = (x₁ − β₁/√(1−ᾱ₁) ε̂)/√α₁
        INDArray mean = x1.sub(epsHat.mul(schedule.beta(1) / schedule.sqrtOneMinusAlphaBar(1))).divi(Math.sqrt(schedule.alpha(1)));
        double sigma = Math.sqrt(schedule.beta(1));
        double[] x = x0.castTo(DataType.DOUBLE).data().asDouble();
        double[] mu = mean.castTo(DataType.DOUBLE).data().asDouble();
        int d = x.length / n;
        double[] nll = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = i * d; j < (i + 1) * d; j++) {
                if (discrete) {
                    s -= DiscretizedGaussian.logProbability(x[j], mu[j], sigma);
                } else {
                    double z = (x[j] - mu[j]) / sigma;
                    s += 0.5 * z * z + Math.log(sigma) + 0.5 * Math.log(2 * Math.PI);
                }
            }
            nll[i] = s;
        }
        return nll;
    }

    /** Per sample: KL(q(x_T | x₀) ‖ N(0, I)) = ½ Σ (ᾱ_T x₀² + (1−ᾱ_T) − 1 − log(1−ᾱ_T)). */
    public double[] priorKl(INDArray x0) {
        int last = schedule.steps();
        double[] squares = rowSumsOfSquares(x0);
        double[] kl = new double[squares.length];
        int d = (int) (x0.length() / x0.size(0));
        for (int i = 0; i < kl.length; i++) {
            kl[i] = GaussianKl.toStandardNormal(schedule.alphaBar(last) * squares[i], 1 - schedule.alphaBar(last), d);
        }
        return kl;
    }

    /** Σ over each row's entries of x² (in double). */
    private static double[] rowSumsOfSquares(INDArray x) {
        int n = (int) x.size(0);
        INDArray flat = x.reshape('c', n, x.length() / n).castTo(DataType.DOUBLE);
        return flat.mul(flat).sum(1).data().asDouble();
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static int[] constant(int n, int t) {
        int[] steps = new int[n];
        Arrays.fill(steps, t);
        return steps;
    }
}
