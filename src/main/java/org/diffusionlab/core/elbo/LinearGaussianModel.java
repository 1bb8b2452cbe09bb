package org.diffusionlab.core.elbo;

import org.diffusionlab.core.diffusion.GaussianKl;

/**
 * The one-latent model where every term is exact: z ~ N(0, 1), x | z ~ N(w z + b, s²). Then
 * p(x) = N(b, w² + s²) and p(z|x) = N(w (x − b)/(w² + s²), s²/(w² + s²)).
 */
public record LinearGaussianModel(double w, double b, double s) {
    public LinearGaussianModel {
        if (!(s > 0)) {
            throw new IllegalArgumentException("the noise s must be positive");
        }
    }

    /** log p(x) = log N(x; b, w² + s²). */
    public double logEvidence(double x) {
        double variance = w * w + s * s;
        double d = x - b;
        return -0.5 * (Math.log(2 * Math.PI * variance) + d * d / variance);
    }

    public double posteriorMean(double x) {
        return w * (x - b) / (w * w + s * s);
    }

    public double posteriorVariance() {
        return s * s / (w * w + s * s);
    }

    public DiagonalGaussian posterior(double x) {
        return DiagonalGaussian.of(posteriorMean(x), Math.sqrt(posteriorVariance()));
    }

    /** log p(x, z) = log N(x; w z + b, s²) + log N(z; 0, 1). */
    public double logJoint(double x, double z) {
        double u = (x - w * z - b) / s;
        return -0.5 * u * u - Math.log(s) - 0.5 * Math.log(2 * Math.PI) - 0.5 * z * z - 0.5 * Math.log(2 * Math.PI);
    }

    public LogJoint at(double x) {
        return new LogJoint() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double[] logJoint(double[][] latents) {
                double[] values = new double[latents.length];
                for (int k = 0; k < values.length; k++) {
                    values[k] = LinearGaussianModel.this.logJoint(x, latents[k][0]);
                }
                return values;
            }
        };
    }

    /**
     * Every term for q = N(m, σ²): E_q[log p(x|z)] = −½ log(2π s²) − ((x − w m − b)² + w² σ²)/(2 s²),
     * KL(q ‖ p(z)) and KL(q ‖ p(z|x)) between Gaussians.
     */
    public ElboParts parts(double x, double m, double sigma) {
        double residual = x - w * m - b;
        double expectedLogLikelihood = -0.5 * Math.log(2 * Math.PI * s * s)
                - (residual * residual + w * w * sigma * sigma) / (2 * s * s);
        double priorKl = GaussianKl.of(m, sigma * sigma, 0, 1);
        double posteriorKl = GaussianKl.of(m, sigma * sigma, posteriorMean(x), posteriorVariance());
        return new ElboParts(logEvidence(x), expectedLogLikelihood - priorKl, posteriorKl, expectedLogLikelihood, priorKl);
    }

    /**
     * The exact gradient of the ELBO with respect to (m, log σ):
     * ∂/∂m = w (x − w m − b)/s² − m, ∂/∂log σ = 1 − σ² (w²/s² + 1).
     */
    public double[] elboGradient(double x, double m, double sigma) {
        double precision = w * w / (s * s) + 1;
        return new double[] {w * (x - w * m - b) / (s * s) - m, 1 - sigma * sigma * precision};
    }

    /**
     * One step of gradient ascent on the ELBO in (m, log σ). The step sizes are set from the curvature
     * (1/precision for m, ¼ for log σ), so the same number of steps fits q whatever the sliders say.
     */
    public DiagonalGaussian fitStep(double x, DiagonalGaussian q) {
        double m = q.mean()[0];
        double sigma = q.sigma()[0];
        double[] gradient = elboGradient(x, m, sigma);
        double precision = w * w / (s * s) + 1;
        double nextM = m + 0.3 / precision * gradient[0];
        double nextLogSigma = Math.log(sigma) + 0.15 * gradient[1];
        return DiagonalGaussian.of(nextM, Math.exp(nextLogSigma));
    }
}
