package org.diffusionlab.core.elbo;

import java.util.function.BooleanSupplier;

/**
 * log p(x, z) of a 2-D latent on an n × n grid of cell centres over [minX, maxX] × [minY, maxY], and
 * log p(x) = log ∫ p(x, z) dz by the midpoint rule (Luo eq. 1). Row r, column c holds
 * z = (minX + (c + ½) dx, maxY − (r + ½) dy): row 0 is the top of the picture.
 */
public record PosteriorGrid(double minX, double maxX, double minY, double maxY, int n, double[] logJoint,
        double logEvidence) {
    /** Below the peak by this many nats a cell holds a negligible share of the mass (e^−25 ≈ 1e-11). */
    static final double NEGLIGIBLE = 25;

    public double cellWidth() {
        return (maxX - minX) / n;
    }

    public double cellHeight() {
        return (maxY - minY) / n;
    }

    /**
     * Evaluates the grid with batched decodes; returns null if {@code cancelled} turns true between batches.
     */
    public static PosteriorGrid evaluate(LogJoint joint, double minX, double maxX, double minY, double maxY, int n,
            BooleanSupplier cancelled) {
        if (joint.dimension() != 2) {
            throw new IllegalArgumentException("a posterior grid needs a 2-D latent, this one has " + joint.dimension());
        }
        if (n < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 × 2 cells");
        }
        double dx = (maxX - minX) / n;
        double dy = (maxY - minY) / n;
        double[] values = new double[n * n];
        int batch = ImportanceSampling.BATCH;
        double[][] latents = new double[batch][];
        for (int from = 0; from < values.length; from += batch) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            int count = Math.min(batch, values.length - from);
            if (count != latents.length) {
                latents = new double[count][];
            }
            for (int i = 0; i < count; i++) {
                int cell = from + i;
                latents[i] = new double[] {minX + (cell % n + 0.5) * dx, maxY - (cell / n + 0.5) * dy};
            }
            System.arraycopy(joint.logJoint(latents), 0, values, from, count);
        }
        double logEvidence = ImportanceSampling.logMeanExp(values, 0, values.length) + Math.log(values.length * dx * dy);
        return new PosteriorGrid(minX, maxX, minY, maxY, n, values, logEvidence);
    }

    /**
     * The same number of cells over the smallest box holding every cell within {@link #NEGLIGIBLE} nats of the peak,
     * padded by two cells: a finer grid where the mass is, which a narrow ridge needs. Null if cancelled.
     */
    public PosteriorGrid refine(LogJoint joint, BooleanSupplier cancelled) {
        double peak = Double.NEGATIVE_INFINITY;
        for (double v : logJoint) {
            peak = Math.max(peak, v);
        }
        int firstColumn = n;
        int lastColumn = -1;
        int firstRow = n;
        int lastRow = -1;
        for (int cell = 0; cell < logJoint.length; cell++) {
            if (logJoint[cell] > peak - NEGLIGIBLE) {
                firstColumn = Math.min(firstColumn, cell % n);
                lastColumn = Math.max(lastColumn, cell % n);
                firstRow = Math.min(firstRow, cell / n);
                lastRow = Math.max(lastRow, cell / n);
            }
        }
        double dx = cellWidth();
        double dy = cellHeight();
        double left = Math.max(minX, minX + (firstColumn - 2) * dx);
        double right = Math.min(maxX, minX + (lastColumn + 3) * dx);
        double top = Math.min(maxY, maxY - (firstRow - 2) * dy);
        double bottom = Math.max(minY, maxY - (lastRow + 3) * dy);
        return evaluate(joint, left, right, bottom, top, n, cancelled);
    }

    /** The z of a cell's centre. */
    public double[] centre(int row, int column) {
        return new double[] {minX + (column + 0.5) * cellWidth(), maxY - (row + 0.5) * cellHeight()};
    }

    /**
     * KL(p(z|x) ‖ q) by the same quadrature: the KL the other way round from the ELBO's. Importance sampling from q
     * needs about exp(KL(p ‖ q)) draws before its estimate of p(x) is close (Chatterjee and Diaconis 2018), so where
     * this is above log K, IWAE-K from q is expected to fall short of log p(x).
     */
    public double klFromPosterior(DiagonalGaussian q) {
        double logCell = Math.log(cellWidth() * cellHeight());
        double kl = 0;
        for (int cell = 0; cell < logJoint.length; cell++) {
            double logPosterior = logJoint[cell] - logEvidence;
            double mass = Math.exp(logPosterior + logCell);
            if (mass > 0) {
                kl += mass * (logPosterior - q.logDensity(centre(cell / n, cell % n)));
            }
        }
        return kl;
    }

    /** The share of p(z|x)'s mass on this grid inside q's ellipse of Mahalanobis radius {@code radius}. */
    public double massWithin(DiagonalGaussian q, double radius) {
        double peak = Double.NEGATIVE_INFINITY;
        for (double v : logJoint) {
            peak = Math.max(peak, v);
        }
        double total = 0;
        double inside = 0;
        for (int cell = 0; cell < logJoint.length; cell++) {
            double p = Math.exp(logJoint[cell] - peak);
            double[] z = centre(cell / n, cell % n);
            double u = (z[0] - q.mean()[0]) / q.sigma()[0];
            double v = (z[1] - q.mean()[1]) / q.sigma()[1];
            total += p;
            if (u * u + v * v <= radius * radius) {
                inside += p;
            }
        }
        return inside / total;
    }
}
