package org.diffusionlab.core.elbo;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.diffusionlab.core.random.Seeds;

/**
 * The importance weights w_k = p(x, z_k)/q(z_k|x), z_k ~ q(z|x), and the two bounds built from them:
 * the Monte-Carlo ELBO mean_k log w_k and the importance-weighted bound IWAE-K = log (1/K) Σ_k w_k
 * (Burda et al. 2016). By Jensen's inequality E[IWAE-K] ≤ log p(x), rising with K; at K = 1 both are the ELBO.
 */
public final class ImportanceSampling {
    /** Latents per call of {@link LogJoint#logJoint} (one batched decode for a VAE). */
    static final int BATCH = 500;

    private ImportanceSampling() {
    }

    /** log w_k for k = 1..K, z_k drawn from q with {@code seed}. */
    public static double[] logWeights(LogJoint joint, DiagonalGaussian q, int k, long seed) {
        return logWeights(joint, q, sample(q, k, seed));
    }

    /** K latents z_k ~ q, drawn with {@code seed}. */
    public static double[][] sample(DiagonalGaussian q, int k, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("K must be at least 1");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] latents = new double[k][];
        for (int i = 0; i < k; i++) {
            latents[i] = q.sample(random);
        }
        return latents;
    }

    /** log w_k = log p(x, z_k) − log q(z_k|x) for given latents, in batches of {@link #BATCH}. */
    public static double[] logWeights(LogJoint joint, DiagonalGaussian q, double[][] latents) {
        double[] logWeights = new double[latents.length];
        for (int from = 0; from < latents.length; from += BATCH) {
            int n = Math.min(BATCH, latents.length - from);
            double[][] batch = Arrays.copyOfRange(latents, from, from + n);
            double[] logJoint = joint.logJoint(batch);
            for (int i = 0; i < n; i++) {
                logWeights[from + i] = logJoint[i] - q.logDensity(batch[i]);
            }
        }
        return logWeights;
    }

    /** log (1/n) Σ exp(values[from..from+n)), without overflow. */
    public static double logMeanExp(double[] values, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + n; i++) {
            max = Math.max(max, values[i]);
        }
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += Math.exp(values[i] - max);
        }
        return max + Math.log(sum / n);
    }

    public static double mean(double[] values, int from, int n) {
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += values[i];
        }
        return sum / n;
    }

    /** The Monte-Carlo ELBO mean_k log w_k and its standard error sd(log w)/√K. */
    public static BoundEstimate monteCarloElbo(double[] logWeights) {
        double mean = mean(logWeights, 0, logWeights.length);
        double squares = 0;
        for (double v : logWeights) {
            squares += (v - mean) * (v - mean);
        }
        int k = logWeights.length;
        return new BoundEstimate(mean, k > 1 ? Math.sqrt(squares / (k - 1) / k) : Double.NaN);
    }

    /**
     * IWAE-K = log mean_k w_k, with the delta-method standard error sd(w)/(√K · mean w), computed from the weights
     * scaled by their largest.
     */
    public static BoundEstimate iwae(double[] logWeights) {
        int k = logWeights.length;
        double logMean = logMeanExp(logWeights, 0, k);
        double squares = 0;
        for (double v : logWeights) {
            double ratio = Math.exp(v - logMean);   // w_k / mean w
            squares += (ratio - 1) * (ratio - 1);
        }
        return new BoundEstimate(logMean, k > 1 ? Math.sqrt(squares / (k - 1) / k) : Double.NaN);
    }

    /**
     * IWAE-K over {@code repeats} independent draws (repeat r uses seed derive(seed, r)): one value per repeat.
     * With K = 1 each value is a single-sample ELBO.
     */
    public static double[] iwaeRepeats(LogJoint joint, DiagonalGaussian q, int k, int repeats, long seed) {
        double[] values = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            values[r] = logMeanExp(logWeights(joint, q, k, Seeds.derive(seed, k, r)), 0, k);
        }
        return values;
    }

    /** MC ELBO with K samples over {@code repeats} independent draws: one value per repeat. */
    public static double[] monteCarloRepeats(LogJoint joint, DiagonalGaussian q, int k, int repeats, long seed) {
        double[] values = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            values[r] = mean(logWeights(joint, q, k, Seeds.derive(seed, -k, r)), 0, k);
        }
        return values;
    }
}
