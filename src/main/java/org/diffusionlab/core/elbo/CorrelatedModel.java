package org.diffusionlab.core.elbo;

/**
 * Two latents with a correlated true posterior: z ~ N(0, I₂), x | z ~ N(A z, s² I₂), A = [[1, c], [c, 1]].
 * The posterior is Gaussian with precision Λ = I + AᵀA/s² and mean μ = Λ⁻¹ Aᵀ x / s²; its correlation grows
 * with the coupling c. A mean-field (diagonal) q cannot match it: the best one has mean μ and variances 1/Λ_kk,
 * and its KL(q ‖ p(z|x)) — the floor — is −½ log(1 − ρ²), ρ the posterior correlation.
 */
public record CorrelatedModel(double coupling, double s) {
    public CorrelatedModel {
        if (!(s > 0)) {
            throw new IllegalArgumentException("the noise s must be positive");
        }
    }

    /** Λ as {Λ₁₁, Λ₁₂, Λ₂₂}. */
    public double[] posteriorPrecision() {
        double s2 = s * s;
        return new double[] {1 + (1 + coupling * coupling) / s2, 2 * coupling / s2, 1 + (1 + coupling * coupling) / s2};
    }

    /** Σ = Λ⁻¹ as {Σ₁₁, Σ₁₂, Σ₂₂}. */
    public double[] posteriorCovariance() {
        double[] l = posteriorPrecision();
        double det = l[0] * l[2] - l[1] * l[1];
        return new double[] {l[2] / det, -l[1] / det, l[0] / det};
    }

    public double posteriorCorrelation() {
        double[] c = posteriorCovariance();
        return c[1] / Math.sqrt(c[0] * c[2]);
    }

    public double[] posteriorMean(double[] x) {
        double[] sigma = posteriorCovariance();
        double s2 = s * s;
        double a0 = (x[0] + coupling * x[1]) / s2;   // Aᵀx/s² (A is symmetric)
        double a1 = (coupling * x[0] + x[1]) / s2;
        return new double[] {sigma[0] * a0 + sigma[1] * a1, sigma[1] * a0 + sigma[2] * a1};
    }

    /** log p(x) = log N(x; 0, AAᵀ + s² I). */
    public double logEvidence(double[] x) {
        double diagonal = 1 + coupling * coupling + s * s;
        double off = 2 * coupling;
        double det = diagonal * diagonal - off * off;
        double quadratic = (diagonal * x[0] * x[0] - 2 * off * x[0] * x[1] + diagonal * x[1] * x[1]) / det;
        return -0.5 * (2 * Math.log(2 * Math.PI) + Math.log(det) + quadratic);
    }

    public LogJoint at(double[] x) {
        double[] observed = x.clone();
        return new LogJoint() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double[] logJoint(double[][] latents) {
                double[] values = new double[latents.length];
                for (int k = 0; k < values.length; k++) {
                    double[] z = latents[k];
                    double r0 = observed[0] - z[0] - coupling * z[1];
                    double r1 = observed[1] - coupling * z[0] - z[1];
                    values[k] = -(r0 * r0 + r1 * r1) / (2 * s * s) - Math.log(2 * Math.PI * s * s)
                            + LogJoint.logStandardNormal(z);
                }
                return values;
            }
        };
    }

    /** Every term for a mean-field q = N(m, diag σ²); see {@link ElboParts}. */
    public ElboParts parts(double[] x, DiagonalGaussian q) {
        double[] m = q.mean();
        double[] sigma = q.sigma();
        double r0 = x[0] - m[0] - coupling * m[1];
        double r1 = x[1] - coupling * m[0] - m[1];
        double columnNorm = 1 + coupling * coupling;
        double expectedLogLikelihood = -Math.log(2 * Math.PI * s * s)
                - (r0 * r0 + r1 * r1 + columnNorm * (sigma[0] * sigma[0] + sigma[1] * sigma[1])) / (2 * s * s);
        double priorKl = q.klToStandardNormal();
        double[] l = posteriorPrecision();
        double[] mu = posteriorMean(x);
        double d0 = mu[0] - m[0];
        double d1 = mu[1] - m[1];
        double posteriorKl = 0.5 * (l[0] * sigma[0] * sigma[0] + l[2] * sigma[1] * sigma[1]
                + l[0] * d0 * d0 + 2 * l[1] * d0 * d1 + l[2] * d1 * d1 - 2
                - Math.log(l[0] * l[2] - l[1] * l[1]) - 2 * Math.log(sigma[0]) - 2 * Math.log(sigma[1]));
        return new ElboParts(logEvidence(x), expectedLogLikelihood - priorKl, posteriorKl, expectedLogLikelihood,
                priorKl);
    }

    /** The smallest KL(q ‖ p(z|x)) a mean-field q reaches: −½ log(1 − ρ²). */
    public double meanFieldFloor() {
        double rho = posteriorCorrelation();
        return -0.5 * Math.log(1 - rho * rho);
    }

    /**
     * One step of gradient ascent on the ELBO: ∂/∂m = Λ(μ − m), ∂/∂log σ_k = 1 − σ_k² Λ_kk, with the step
     * for m set from Λ's largest eigenvalue.
     */
    public DiagonalGaussian fitStep(double[] x, DiagonalGaussian q) {
        double[] l = posteriorPrecision();
        double[] mu = posteriorMean(x);
        double[] m = q.mean();
        double[] sigma = q.sigma();
        double d0 = mu[0] - m[0];
        double d1 = mu[1] - m[1];
        double step = 0.9 / (l[0] + Math.abs(l[1]));
        double[] nextM = {m[0] + step * (l[0] * d0 + l[1] * d1), m[1] + step * (l[1] * d0 + l[2] * d1)};
        double[] nextSigma = new double[2];
        for (int k = 0; k < 2; k++) {
            double precision = k == 0 ? l[0] : l[2];
            nextSigma[k] = Math.exp(Math.log(sigma[k]) + 0.15 * (1 - sigma[k] * sigma[k] * precision));
        }
        return new DiagonalGaussian(nextM, nextSigma);
    }
}
