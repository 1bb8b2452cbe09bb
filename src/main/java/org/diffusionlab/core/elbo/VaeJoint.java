package org.diffusionlab.core.elbo;

import org.diffusionlab.core.vae.Vae;

/** log p(x, z) = log p(x|z) + log N(z; 0, I) of one image under a trained VAE (Bernoulli decoder). */
public final class VaeJoint implements LogJoint {
    private final Vae vae;
    private final float[] image;

    public VaeJoint(Vae vae, float[] image) {
        this.vae = vae;
        this.image = image.clone();
    }

    @Override
    public int dimension() {
        return vae.architecture().latent();
    }

    @Override
    public double[] logJoint(double[][] latents) {
        double[] values = vae.logLikelihood(image, latents);
        for (int k = 0; k < values.length; k++) {
            values[k] += LogJoint.logStandardNormal(latents[k]);
        }
        return values;
    }

    /** log p(x|z) alone. */
    public double[] logLikelihood(double[][] latents) {
        return vae.logLikelihood(image, latents);
    }
}
