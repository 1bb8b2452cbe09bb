package org.diffusionlab.ui.elbo;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.diffusionlab.core.elbo.DiagonalGaussian;
import org.diffusionlab.core.elbo.ImportanceSampling;
import org.diffusionlab.core.elbo.LinearGaussianModel;
import org.diffusionlab.core.random.Seeds;
import org.diffusionlab.ui.common.work.Worker;

/**
 * Jensen's gap and the importance-weighted bound on the exact model of {@link ElboViewModel} (its x and q):
 * K weights for the chord picture, the MC ELBO's spread over repeats as K grows, and IWAE-K's mean and spread for
 * K = 1 … 1000. Computed in a worker job; a newer request replaces one not yet started.
 */
public final class JensenViewModel {
    public static final int[] K_VALUES = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
    public static final int REPEATS = 40;

    /** log w_k of the chord picture and, per K, the mean and standard deviation over repeats of both estimators. */
    public record Result(double[] chordLogWeights, int[] k, double[] monteCarloMean, double[] monteCarloSpread,
                         double[] iwaeMean, double[] iwaeSpread, double elbo, double logEvidence) {
    }

    private final Worker worker;
    private final ElboViewModel exact;
    private final IntegerProperty chordK = new SimpleIntegerProperty(this, "chordK", 12);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final ObjectProperty<Result> result = new SimpleObjectProperty<>(this, "result");

    public JensenViewModel(Worker worker, ElboViewModel exact) {
        this.worker = worker;
        this.exact = exact;
        chordK.addListener(o -> request());
        seed.addListener(o -> request());
        exact.partsProperty().addListener(o -> request());
        request();
    }

    public IntegerProperty chordKProperty() { return chordK; }
    public LongProperty seedProperty() { return seed; }
    public ReadOnlyObjectProperty<Result> resultProperty() { return result; }

    // Commands

    /** Recomputes for the exact model's current x and q. */
    public void request() {
        LinearGaussianModel model = exact.model();
        DiagonalGaussian q = exact.q();
        double x = exact.xProperty().get();
        int k = chordK.get();
        long s = seed.get();
        worker.submit("elbo-jensen", () -> compute(model, q, x, k, s), result::set, e -> result.set(null));
    }

    static Result compute(LinearGaussianModel model, DiagonalGaussian q, double x, int chordK, long seed) {
        var joint = model.at(x);
        double[] chord = ImportanceSampling.logWeights(joint, q, chordK, Seeds.derive(seed, 0));
        int n = K_VALUES.length;
        double[] mcMean = new double[n];
        double[] mcSpread = new double[n];
        double[] iwaeMean = new double[n];
        double[] iwaeSpread = new double[n];
        for (int i = 0; i < n; i++) {
            double[] mc = ImportanceSampling.monteCarloRepeats(joint, q, K_VALUES[i], REPEATS, Seeds.derive(seed, 1));
            double[] iwae = ImportanceSampling.iwaeRepeats(joint, q, K_VALUES[i], REPEATS, Seeds.derive(seed, 2));
            mcMean[i] = ImportanceSampling.mean(mc, 0, REPEATS);
            mcSpread[i] = spread(mc, mcMean[i]);
            iwaeMean[i] = ImportanceSampling.mean(iwae, 0, REPEATS);
            iwaeSpread[i] = spread(iwae, iwaeMean[i]);
        }
        double elbo = model.parts(x, q.mean()[0], q.sigma()[0]).elbo();
        return new Result(chord, K_VALUES.clone(), mcMean, mcSpread, iwaeMean, iwaeSpread, elbo, model.logEvidence(x));
    }

    private static double spread(double[] values, double mean) {
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
