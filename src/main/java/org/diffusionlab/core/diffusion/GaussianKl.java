package org.diffusionlab.core.diffusion;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** KL divergences between Gaussians with diagonal covariance, in nats. */
public final class GaussianKl {
    private GaussianKl() {
    }

    /** KL(N(m₁, v₁) ‖ N(m₂, v₂)) for one dimension. */
    public static double of(double mean1, double variance1, double mean2, double variance2) {
        double d = mean1 - mean2;
        return 0.5 * (Math.log(variance2 / variance1) + (variance1 + d * d) / variance2 - 1);
    }

    /**
     * KL(N(μ, v·I) ‖ N(0, I)) over {@code dimensions} dimensions that share the variance v, given Σμ².
     * Equals ½ Σ (v + μ² − 1 − log v).
     */
    public static double toStandardNormal(double sumMeanSquares, double variance, long dimensions) {
        return 0.5 * (sumMeanSquares + dimensions * (variance - 1 - Math.log(variance)));
    }

    /** Σ_i KL(N(m₁ᵢ, v₁) ‖ N(m₂ᵢ, v₂)) for means that differ per dimension and variances shared by all. */
    public static double sharedVariances(INDArray mean1, double variance1, INDArray mean2, double variance2) {
        double sumSquaredDifference = Transforms.pow(mean1.sub(mean2), 2, false).sumNumber().doubleValue();
        long n = mean1.length();
        return 0.5 * (n * (Math.log(variance2 / variance1) + variance1 / variance2 - 1) + sumSquaredDifference / variance2);
    }
}
