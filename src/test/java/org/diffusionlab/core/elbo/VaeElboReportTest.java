package org.diffusionlab.core.elbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VaeElboReportTest {
    private static Vae vae;
    private static Digits digits;

    @BeforeAll
    static void load() throws Exception {
        vae = VaeFile.read(Path.of("models/vae-mnist-z2.zip")).vae();
        digits = Digits.bundled();
    }

    /**
     * The bar of the issue: grid log p(x) and IWAE-5000 agree within 1.5 nats on the first 20 held-out digits. Measured
     * per digit (seed 1, a 100² grid refined 3 times; the table is in README): the grid has converged (the first
     * refinement moves it by ≤ 0.4 nats, the last by < 0.05) and IWAE-5000 from q agrees with it within 1.5 nats on 15
     * of the 20. On the other 5 (9005, 9007, 9008, 9013, 9014) IWAE falls short as importance-sampling theory says it
     * must: it needs about exp(KL(p(z|x) ‖ q)) draws, and KL(p ‖ q) there is 20–1040 nats (on the 15: 0.1–11.5, and
     * every digit with KL(p ‖ q) < log 5000 ≈ 8.5 agrees). A proposal that covers
     * the posterior (the grid posterior's own moments, widened 1.5 times — a check of the grid, not the view's
     * estimator) agrees with the grid within 1.5 nats on all 20. So the disagreement is the bundled encoder's, not the
     * grid's: this test says so rather than hiding those digits.
     */
    @Test
    void gridAndIwaeAgreeWhereTheoryAllowsAndTheGridIsRightWhereTheyDoNot() {
        int agree = 0;
        double logK = Math.log(5000);
        for (int i = 0; i < 20; i++) {
            int index = digits.heldOutStart() + i;
            float[] image = digits.pixels(index);
            VaeElboReport report = VaeElboReport.compute(vae, image, 5000, 1, 100, 3, () -> false);
            var estimates = report.gridEstimates();
            double grid = report.gridLogEvidence();
            double difference = grid - report.iwae().value();
            BoundEstimate covering = ImportanceSampling.iwae(ImportanceSampling.logWeights(new VaeJoint(vae, image),
                    covering(report.grid(), 1.5), 5000, 1));
            System.out.printf("| %d | %d | %s | %.2f | %.2f ± %.2f | %.2f | %.1f%% | %.2f | %.2f |%n", index, digits.label(index),
                    estimates.stream().map(v -> String.format("%.2f", v)).toList(), grid, report.iwae().value(),
                    report.iwae().standardError(), report.elbo().value(), 100 * report.qCoverage(), report.reverseKl(),
                    covering.value());
            // the refined grids settle: the last refinement moves the estimate by far less than the tolerance
            assertEquals(estimates.get(estimates.size() - 2), grid, 0.05, "digit " + index);
            assertTrue(grid >= report.elbo().value() + 3 * report.elbo().standardError(), "digit " + index);
            assertTrue(report.iwae().value() >= report.elbo().value() - 3 * report.elbo().standardError(), "digit " + index);
            assertTrue(difference > -3 * report.iwae().standardError() - 0.1, "IWAE is a lower bound; digit " + index);
            assertEquals(grid, covering.value(), 1.5, "a proposal covering p(z|x) finds the grid's log p(x); digit " + index);
            // importance sampling from q needs about exp(KL(p ‖ q)) draws (Chatterjee and Diaconis 2018): with more
            // than that it is close; falling short means there were fewer
            if (report.reverseKl() < logK) {
                assertTrue(Math.abs(difference) < 1.5, "digit " + index + ": K > exp(KL(p ‖ q)) yet IWAE is off by " + difference);
            }
            if (Math.abs(difference) < 1.5) {
                agree++;
            } else {
                assertTrue(report.reverseKl() > logK, "digit " + index + ": IWAE falls short although K > exp(KL(p ‖ q))");
            }
        }
        System.out.println("grid and IWAE-5000 from q agree within 1.5 nats on " + agree + " of 20 digits");
    }

    /** A diagonal Gaussian with the grid posterior's mean and standard deviations times {@code widen}. */
    private static DiagonalGaussian covering(PosteriorGrid grid, double widen) {
        double[] weights = new double[grid.n() * grid.n()];
        double peak = Double.NEGATIVE_INFINITY;
        for (double v : grid.logJoint()) {
            peak = Math.max(peak, v);
        }
        double total = 0;
        double[] mean = new double[2];
        double[] square = new double[2];
        for (int cell = 0; cell < weights.length; cell++) {
            double w = Math.exp(grid.logJoint()[cell] - peak);
            double[] z = grid.centre(cell / grid.n(), cell % grid.n());
            total += w;
            for (int d = 0; d < 2; d++) {
                mean[d] += w * z[d];
                square[d] += w * z[d] * z[d];
            }
        }
        double[] sigma = new double[2];
        for (int d = 0; d < 2; d++) {
            mean[d] /= total;
            sigma[d] = widen * Math.sqrt(square[d] / total - mean[d] * mean[d]);
        }
        return new DiagonalGaussian(mean, sigma);
    }

    @Test
    void refiningTheGridFindsANarrowRidgeOfTheCorrelatedGaussianModel() {
        CorrelatedModel model = new CorrelatedModel(0.8, 0.05);
        double[] x = {0.7, -0.2};
        PosteriorGrid grid = PosteriorGrid.evaluate(model.at(x), -4, 4, -4, 4, 100, () -> false);
        PosteriorGrid finer = grid.refine(model.at(x), () -> false);
        System.out.printf("narrow ridge: exact log p(x) %.6f, 100² grid %.6f, refined %.6f%n", model.logEvidence(x),
                grid.logEvidence(), finer.logEvidence());
        assertEquals(model.logEvidence(x), finer.logEvidence(), 1e-4);
        assertTrue(finer.cellWidth() < grid.cellWidth() / 2);
    }

    @Test
    void theProgressiveGridShowsAPreviewFirstAndEndsWithTheFiguresOfTheQuietOne() {
        java.util.List<VaeElboReport> seen = new java.util.ArrayList<>();
        VaeElboReport last = VaeElboReport.compute(vae, digits.pixels(9005), 500, 2, 100, 2, () -> false, seen::add);
        assertTrue(seen.get(0).isPreview());
        assertEquals(VaeElboReport.PREVIEW_SIZE, seen.get(0).grid().n());
        assertEquals(3, seen.size(), "the preview, then the grid before each of the two refinements");
        assertEquals(1, seen.get(1).gridEstimates().size());
        assertEquals(2, seen.get(2).gridEstimates().size());
        VaeElboReport quiet = VaeElboReport.compute(vae, digits.pixels(9005), 500, 2, 100, 2, () -> false);
        assertEquals(quiet.gridEstimates(), last.gridEstimates());
        assertEquals(quiet.iwae(), last.iwae());
        assertEquals(quiet.elbo(), last.elbo());
    }

    @Test
    void aCancelledGridStops() {
        assertEquals(null, VaeElboReport.compute(vae, digits.pixels(9003), 10, 1, 100, 3, () -> true));
    }
}
