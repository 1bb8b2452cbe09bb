package org.diffusionlab.core.elbo;

/** log p(x, z) = log p(x|z) + log p(z) of one fixed observation x, for a batch of latent vectors z. */
public interface LogJoint {
    int dimension();

    /** log p(x, z_k) for each row z_k of {@code latents}, in nats. */
    double[] logJoint(double[][] latents);

    /** log N(z; 0, I) of one latent vector. */
    static double logStandardNormal(double[] z) {
        double sum = 0;
        for (double v : z) {
            sum += v * v;
        }
        return -0.5 * (sum + z.length * Math.log(2 * Math.PI));
    }
}
