package org.diffusionlab.core.elbo;

import java.util.SplittableRandom;

/** q(z|x) = N(mean, diag sigma²) over a latent space of any size. */
public record DiagonalGaussian(double[] mean, double[] sigma) {
    public DiagonalGaussian {
        if (mean.length != sigma.length) {
            throw new IllegalArgumentException("mean and sigma differ in length");
        }
        for (double s : sigma) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("every σ must be positive");
            }
        }
        mean = mean.clone();
        sigma = sigma.clone();
    }

    public static DiagonalGaussian of(double mean, double sigma) {
        return new DiagonalGaussian(new double[] {mean}, new double[] {sigma});
    }

    public int dimension() {
        return mean.length;
    }

    /** z = μ + σ ⊙ ε, ε ~ N(0, I) (the reparameterisation, Luo eq. 21). */
    public double[] sample(SplittableRandom random) {
        double[] z = new double[mean.length];
        for (int k = 0; k < z.length; k++) {
            z[k] = mean[k] + sigma[k] * random.nextGaussian();
        }
        return z;
    }

    public double logDensity(double[] z) {
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            double u = (z[k] - mean[k]) / sigma[k];
            sum += -0.5 * u * u - Math.log(sigma[k]) - 0.5 * Math.log(2 * Math.PI);
        }
        return sum;
    }

    /** KL(q ‖ N(0, I)) = −½ Σ (1 + log σ² − μ² − σ²) (Luo eq. 18 in closed form). */
    public double klToStandardNormal() {
        double sum = 0;
        for (int k = 0; k < mean.length; k++) {
            double variance = sigma[k] * sigma[k];
            sum += 1 + Math.log(variance) - mean[k] * mean[k] - variance;
        }
        return -0.5 * sum;
    }
}
