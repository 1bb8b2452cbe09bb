package org.diffusionlab.core.elbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ExactModelTest {

    @Test
    void evidenceIsElboPlusKlForAThousandRandomSettings() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            LinearGaussianModel model = new LinearGaussianModel(random.nextDouble(-3, 3), random.nextDouble(-2, 2),
                    random.nextDouble(0.1, 2));
            double x = random.nextDouble(-4, 4);
            ElboParts parts = model.parts(x, random.nextDouble(-3, 3), random.nextDouble(0.05, 2));
            assertEquals(parts.logEvidence(), parts.elbo() + parts.posteriorKl(), 1e-9);
            assertTrue(parts.posteriorKl() >= 0);
        }
    }

    @Test
    void theTwoLatentIdentityHoldsToo() {
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 1000; i++) {
            CorrelatedModel model = new CorrelatedModel(random.nextDouble(-0.9, 0.9), random.nextDouble(0.2, 1.5));
            double[] x = {random.nextDouble(-3, 3), random.nextDouble(-3, 3)};
            DiagonalGaussian q = new DiagonalGaussian(new double[] {random.nextDouble(-2, 2), random.nextDouble(-2, 2)},
                    new double[] {random.nextDouble(0.05, 1.5), random.nextDouble(0.05, 1.5)});
            ElboParts parts = model.parts(x, q);
            assertEquals(parts.logEvidence(), parts.elbo() + parts.posteriorKl(), 1e-9);
        }
    }

    @Test
    void thePosteriorIsBayesRule() {
        LinearGaussianModel model = new LinearGaussianModel(1.5, 0.3, 0.7);
        double x = 1.2;
        DiagonalGaussian posterior = model.posterior(x);
        for (double z = -2; z <= 2; z += 0.5) {
            double bayes = model.logJoint(x, z) - model.logEvidence(x);
            assertEquals(bayes, posterior.logDensity(new double[] {z}), 1e-12);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        LinearGaussianModel model = new LinearGaussianModel(-1.1, 0.4, 0.6);
        double x = 0.9;
        double m = 0.2;
        double sigma = 0.8;
        double h = 1e-6;
        double[] gradient = model.elboGradient(x, m, sigma);
        double dm = (model.parts(x, m + h, sigma).elbo() - model.parts(x, m - h, sigma).elbo()) / (2 * h);
        double dLogSigma = (model.parts(x, m, sigma * Math.exp(h)).elbo() - model.parts(x, m, sigma * Math.exp(-h)).elbo())
                / (2 * h);
        assertEquals(dm, gradient[0], 1e-6);
        assertEquals(dLogSigma, gradient[1], 1e-6);
    }

    @Test
    void fittingQDrivesTheKlToZero() {
        LinearGaussianModel model = new LinearGaussianModel(2, -0.5, 0.5);
        double x = 1.7;
        DiagonalGaussian q = DiagonalGaussian.of(-2, 1.5);
        for (int step = 0; step < 100; step++) {
            q = model.fitStep(x, q);
        }
        assertTrue(model.parts(x, q.mean()[0], q.sigma()[0]).posteriorKl() < 1e-8);
    }

    @Test
    void meanFieldFitStopsAtTheClosedFormFloor() {
        for (double coupling : new double[] {0, 0.3, -0.6, 0.9}) {
            CorrelatedModel model = new CorrelatedModel(coupling, 0.5);
            double[] x = {1.0, -0.4};
            DiagonalGaussian q = new DiagonalGaussian(new double[] {-1.5, 1.5}, new double[] {1, 0.2});
            for (int step = 0; step < 3000; step++) {
                q = model.fitStep(x, q);
            }
            double rho = model.posteriorCorrelation();
            assertEquals(-0.5 * Math.log(1 - rho * rho), model.meanFieldFloor(), 1e-15);
            assertEquals(model.meanFieldFloor(), model.parts(x, q).posteriorKl(), 1e-9, "coupling " + coupling);
        }
        assertTrue(new CorrelatedModel(0.9, 0.5).meanFieldFloor() > 0.5);
    }

    @Test
    void theTwoLatentPosteriorIsBayesRule() {
        CorrelatedModel model = new CorrelatedModel(0.7, 0.6);
        double[] x = {0.8, 1.3};
        double[] mu = model.posteriorMean(x);
        double[] sigma = model.posteriorCovariance();
        double det = sigma[0] * sigma[2] - sigma[1] * sigma[1];
        double[][] points = {{0, 0}, {0.5, -0.2}, {-1, 1}};
        double[] joint = model.at(x).logJoint(points);
        for (int i = 0; i < points.length; i++) {
            double d0 = points[i][0] - mu[0];
            double d1 = points[i][1] - mu[1];
            double quadratic = (sigma[2] * d0 * d0 - 2 * sigma[1] * d0 * d1 + sigma[0] * d1 * d1) / det;
            double logPosterior = -Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * quadratic;
            assertEquals(logPosterior, joint[i] - model.logEvidence(x), 1e-12);
        }
    }
}
