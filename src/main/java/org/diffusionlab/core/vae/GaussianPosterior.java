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

    /** KL(q(z|x) ‖ N(0, I)) of image i in nats: the sum over k of {@link #klTerm}. */
    public double kl(int image) {
        double kl = 0;
        for (int k = 0; k < mean[image].length; k++) {
            kl += klTerm(mean[image][k], logVariance[image][k], sigma(image, k));
        }
        return kl;
    }

    /** One latent dimension's share of KL(N(μ, σ²) ‖ N(0, 1)) = −½ (1 + log σ² − μ² − σ²), the VAE's one KL formula. */
    public static double klTerm(double mu, double logVariance, double sigma) {
        return -0.5 * (1 + logVariance - mu * mu - sigma * sigma);
    }
}
