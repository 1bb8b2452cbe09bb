package org.diffusionlab.core.vae;

/**
 * q(z|x) = N(μ, diag σ²) for each of several images: {@code mean[i]} and {@code logVariance[i]} hold the
 * latent vector of image i.
 */
public record GaussianPosterior(float[][] mean, float[][] logVariance) {
    public int count() {
        return mean.length;
    }

    /** σ of latent dimension k for image i. */
    public double sigma(int image, int k) {
        return Math.exp(0.5 * logVariance[image][k]);
    }
}
