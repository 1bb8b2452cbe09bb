package org.diffusionlab.core.elbo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.diffusionlab.core.vae.GaussianPosterior;
import org.diffusionlab.core.vae.Vae;

/**
 * A trained VAE's bounds on log p(x) for one image, in nats: the ELBO = E_q[log p(x|z)] − KL(q(z|x) ‖ p(z))
 * (the expectation from the same K draws z_k ~ q as the bound, the KL in closed form), IWAE-K with its standard
 * error, and for a 2-D latent log p(x) by quadrature on an adaptively refined grid, whence
 * KL(q(z|x) ‖ p(z|x)) = log p(x) − ELBO. Keyed for JSON by {@link ElboKeys}.
 *
 * @param grid         the finest grid (null for a latent that is not 2-D)
 * @param gridEstimates log p(x) on each grid from the coarsest to the finest (empty without a grid)
 */
public record VaeElboReport(DiagonalGaussian q, int k, long seed, BoundEstimate elbo, double expectedLogLikelihood,
        double priorKl, BoundEstimate iwae, PosteriorGrid grid, List<Double> gridEstimates) {
    /** q's samples reach about this many σ at K = 5000, so IWAE sees only the posterior mass inside it. */
    public static final double COVERAGE_RADIUS = 4;

    /** The default grid: 200 × 200 cells, refined three times towards the mass. */
    public static final int GRID_SIZE = 200;
    public static final int REFINEMENTS = 3;
    /** The preview grid drawn first: 50 × 50 cells, 1/16 of the decodes of the first fine grid. */
    public static final int PREVIEW_SIZE = 50;
    /** The grid starts over the prior's ±4σ square, widened to hold q's ±6σ box. */
    static final double PRIOR_EXTENT = 4;

    public boolean hasGrid() {
        return grid != null;
    }

    /** log p(x) from the grid: the finest estimate. */
    public double gridLogEvidence() {
        return grid.logEvidence();
    }

    /** KL(q(z|x) ‖ p(z|x)) = log p(x) − ELBO: what q misses (needs the grid). */
    public double posteriorKl() {
        return gridLogEvidence() - elbo.value();
    }

    /**
     * The share of the grid's p(z|x) inside q's 4σ ellipse. Where it is small, q's draws never land where the
     * posterior's mass is, and IWAE-K from q stays well below log p(x) at any K this app reaches.
     */
    public double qCoverage() {
        return grid.massWithin(q, COVERAGE_RADIUS);
    }

    /** KL(p(z|x) ‖ q(z|x)) on the grid: above log K, IWAE-K from q is expected to stay below log p(x). */
    public double reverseKl() {
        return grid.klFromPosterior(q);
    }

    /** q(z|x) from the VAE's encoder. */
    public static DiagonalGaussian encoder(Vae vae, float[] image) {
        GaussianPosterior posterior = vae.encode(new float[][] {image});
        int z = vae.architecture().latent();
        double[] mean = new double[z];
        double[] sigma = new double[z];
        for (int j = 0; j < z; j++) {
            mean[j] = posterior.mean()[0][j];
            sigma[j] = posterior.sigma(0, j);
        }
        return new DiagonalGaussian(mean, sigma);
    }

    /** The bounds from K draws only (no grid). */
    public static VaeElboReport bounds(Vae vae, float[] image, int k, long seed) {
        return compute(vae, image, k, seed, 0, 0, () -> false);
    }

    /**
     * Everything; a grid of {@code gridSize}² cells refined {@code refinements} times if the latent is 2-D and
     * {@code gridSize} > 0. Returns null if {@code cancelled} turns true (checked between batches of decodes).
     */
    public static VaeElboReport compute(Vae vae, float[] image, int k, long seed, int gridSize, int refinements,
            BooleanSupplier cancelled) {
        return compute(vae, image, k, seed, gridSize, refinements, cancelled, null);
    }

    /**
     * The same, telling {@code progress} (unless null) each report on the way: first the bounds with a
     * {@link #PREVIEW_SIZE}² preview grid over the starting box (a picture at once, not one of the estimates), then the
     * report after each grid level. The figures of the last equal those of {@link #compute} without progress.
     */
    public static VaeElboReport compute(Vae vae, float[] image, int k, long seed, int gridSize, int refinements,
            BooleanSupplier cancelled, Consumer<VaeElboReport> progress) {
        VaeJoint joint = new VaeJoint(vae, image);
        DiagonalGaussian q = encoder(vae, image);
        double[][] latents = ImportanceSampling.sample(q, k, seed);
        double[] logWeights = ImportanceSampling.logWeights(joint, q, latents);
        if (cancelled.getAsBoolean()) {
            return null;
        }
        double[] logLikelihood = new double[k];
        for (int i = 0; i < k; i++) {
            logLikelihood[i] = logWeights[i] + q.logDensity(latents[i]) - LogJoint.logStandardNormal(latents[i]);
        }
        BoundEstimate reconstruction = ImportanceSampling.monteCarloElbo(logLikelihood);
        double priorKl = q.klToStandardNormal();
        BoundEstimate elbo = new BoundEstimate(reconstruction.value() - priorKl, reconstruction.standardError());
        BoundEstimate iwae = ImportanceSampling.iwae(logWeights);
        VaeElboReport bounds = new VaeElboReport(q, k, seed, elbo, reconstruction.value(), priorKl, iwae, null, List.of());
        if (gridSize <= 0 || joint.dimension() != 2) {
            return bounds;
        }
        double[] box = startingBox(q);
        if (progress != null) {
            PosteriorGrid preview = PosteriorGrid.evaluate(joint, box[0], box[1], box[2], box[3], PREVIEW_SIZE, cancelled);
            if (preview == null) {
                return null;
            }
            progress.accept(bounds.withGrid(preview, List.of()));
        }
        PosteriorGrid grid = PosteriorGrid.evaluate(joint, box[0], box[1], box[2], box[3], gridSize, cancelled);
        List<Double> estimates = new ArrayList<>();
        for (int level = 0; grid != null; level++) {
            estimates.add(grid.logEvidence());
            VaeElboReport report = bounds.withGrid(grid, List.copyOf(estimates));
            if (level == refinements) {
                return report;
            }
            if (progress != null) {
                progress.accept(report);
            }
            grid = grid.refine(joint, cancelled);
        }
        return null;
    }

    /** The prior's ±4σ square widened to hold q's ±6σ box: {minX, maxX, minY, maxY}. */
    private static double[] startingBox(DiagonalGaussian q) {
        double[] m = q.mean();
        double[] s = q.sigma();
        return new double[] {Math.min(-PRIOR_EXTENT, m[0] - 6 * s[0]), Math.max(PRIOR_EXTENT, m[0] + 6 * s[0]),
            Math.min(-PRIOR_EXTENT, m[1] - 6 * s[1]), Math.max(PRIOR_EXTENT, m[1] + 6 * s[1])};
    }

    private VaeElboReport withGrid(PosteriorGrid finer, List<Double> estimates) {
        return new VaeElboReport(q, k, seed, elbo, expectedLogLikelihood, priorKl, iwae, finer, estimates);
    }

    /** Whether the grid is the coarse preview, shown before the first estimate. */
    public boolean isPreview() {
        return grid != null && gridEstimates.isEmpty();
    }

    /** The figures keyed as the {@code elbo} command prints them (nats). */
    public Map<String, Object> asMap() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(ElboKeys.LATENT, q.dimension());
        values.put(ElboKeys.K, k);
        values.put(ElboKeys.SEED, seed);
        values.put(ElboKeys.ELBO, elbo.value());
        values.put(ElboKeys.ELBO_STANDARD_ERROR, elbo.standardError());
        values.put(ElboKeys.EXPECTED_LOG_LIKELIHOOD, expectedLogLikelihood);
        values.put(ElboKeys.PRIOR_KL, priorKl);
        values.put(ElboKeys.IWAE, iwae.value());
        values.put(ElboKeys.IWAE_STANDARD_ERROR, iwae.standardError());
        if (hasGrid()) {
            values.put(ElboKeys.GRID_LOG_EVIDENCE, gridLogEvidence());
            values.put(ElboKeys.GRID_CELLS, grid.n() * grid.n());
            values.put(ElboKeys.GRID_ESTIMATES, gridEstimates);
            values.put(ElboKeys.POSTERIOR_KL, posteriorKl());
            values.put(ElboKeys.Q_COVERAGE, qCoverage());
            values.put(ElboKeys.REVERSE_KL, reverseKl());
        }
        return values;
    }
}
