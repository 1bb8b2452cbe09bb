package org.diffusionlab.ui.elbo;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.diffusionlab.core.elbo.CorrelatedModel;
import org.diffusionlab.core.elbo.DiagonalGaussian;
import org.diffusionlab.core.elbo.ElboParts;
import org.diffusionlab.core.elbo.LinearGaussianModel;

/**
 * The exact panels' state: the 1-latent linear-Gaussian model with q(z|x) = N(m, σ_q²) from sliders, every term of
 * log p(x) = ELBO + KL recomputed in closed form on each change (plain arithmetic, no ND4J), "Fit q" as steps of
 * exact gradient ascent with the path kept; and the 2-latent correlated model with a mean-field q and its floor.
 */
public final class ElboViewModel {
    /** Fit q stops when KL(q ‖ p(z|x)) is below this, or after {@link #MAX_FIT_STEPS}. */
    public static final double FIT_TOLERANCE = 1e-7;
    public static final int MAX_FIT_STEPS = 400;
    /** The observation of the 2-latent model. */
    static final double[] OBSERVED_PAIR = {1.0, -0.4};

    // Properties: the 1-latent model
    private final DoubleProperty x = new SimpleDoubleProperty(this, "x", 1.5);
    private final DoubleProperty w = new SimpleDoubleProperty(this, "w", 1.8);
    private final DoubleProperty b = new SimpleDoubleProperty(this, "b", 0.2);
    private final DoubleProperty s = new SimpleDoubleProperty(this, "s", 0.6);
    private final DoubleProperty m = new SimpleDoubleProperty(this, "m", 0.1);
    private final DoubleProperty sigmaQ = new SimpleDoubleProperty(this, "sigmaQ", 0.6);
    private final ObjectProperty<ElboParts> parts = new SimpleObjectProperty<>(this, "parts");
    private final ObjectProperty<List<double[]>> fitPath = new SimpleObjectProperty<>(this, "fitPath", List.of());
    private final BooleanProperty fitting = new SimpleBooleanProperty(this, "fitting");

    // Properties: the 2-latent model
    private final DoubleProperty coupling = new SimpleDoubleProperty(this, "coupling", 0.7);
    private final ObjectProperty<DiagonalGaussian> pairQ = new SimpleObjectProperty<>(this, "pairQ", startingPairQ());
    private final ObjectProperty<ElboParts> pairParts = new SimpleObjectProperty<>(this, "pairParts");
    private final BooleanProperty pairFitting = new SimpleBooleanProperty(this, "pairFitting");
    private final ObjectProperty<List<double[]>> pairPath = new SimpleObjectProperty<>(this, "pairPath", List.of());

    public ElboViewModel() {
        for (Observable input : List.of(x, w, b, s, m, sigmaQ)) {
            input.addListener(o -> update());
        }
        coupling.addListener(o -> updatePair());
        pairQ.addListener(o -> updatePair());
        update();
        updatePair();
    }

    private static DiagonalGaussian startingPairQ() {
        return new DiagonalGaussian(new double[] {-1.2, 1.2}, new double[] {0.8, 0.25});
    }

    private void update() {
        parts.set(model().parts(x.get(), m.get(), sigmaQ.get()));
    }

    private void updatePair() {
        pairParts.set(pairModel().parts(OBSERVED_PAIR, pairQ.get()));
    }

    public DoubleProperty xProperty() { return x; }
    public DoubleProperty wProperty() { return w; }
    public DoubleProperty bProperty() { return b; }
    public DoubleProperty sProperty() { return s; }
    public DoubleProperty mProperty() { return m; }
    public DoubleProperty sigmaQProperty() { return sigmaQ; }
    public ReadOnlyObjectProperty<ElboParts> partsProperty() { return parts; }
    public ReadOnlyObjectProperty<List<double[]>> fitPathProperty() { return fitPath; }
    public BooleanProperty fittingProperty() { return fitting; }
    public DoubleProperty couplingProperty() { return coupling; }
    public ReadOnlyObjectProperty<DiagonalGaussian> pairQProperty() { return pairQ; }
    public ReadOnlyObjectProperty<ElboParts> pairPartsProperty() { return pairParts; }
    public BooleanProperty pairFittingProperty() { return pairFitting; }
    public ReadOnlyObjectProperty<List<double[]>> pairPathProperty() { return pairPath; }

    public LinearGaussianModel model() {
        return new LinearGaussianModel(w.get(), b.get(), s.get());
    }

    public DiagonalGaussian q() {
        return DiagonalGaussian.of(m.get(), sigmaQ.get());
    }

    public CorrelatedModel pairModel() {
        return new CorrelatedModel(coupling.get(), 0.5);
    }

    public double[] observedPair() {
        return OBSERVED_PAIR.clone();
    }

    // Commands

    /** Starts "Fit q": the path begins at the current q; the view then calls {@link #fitStep} once per frame. */
    public void startFit() {
        List<double[]> path = new ArrayList<>();
        path.add(new double[] {m.get(), sigmaQ.get()});
        fitPath.set(path);
        fitting.set(true);
    }

    /** One step of exact gradient ascent on the ELBO; returns whether fitting goes on. */
    public boolean fitStep() {
        if (!fitting.get()) {
            return false;
        }
        DiagonalGaussian next = model().fitStep(x.get(), q());
        m.set(next.mean()[0]);
        sigmaQ.set(next.sigma()[0]);
        List<double[]> path = new ArrayList<>(fitPath.get());
        path.add(new double[] {m.get(), sigmaQ.get()});
        fitPath.set(path);
        if (parts.get().posteriorKl() < FIT_TOLERANCE || path.size() > MAX_FIT_STEPS) {
            fitting.set(false);
        }
        return fitting.get();
    }

    public void startPairFit() {
        List<double[]> path = new ArrayList<>();
        path.add(pairQ.get().mean());
        pairPath.set(path);
        pairFitting.set(true);
    }

    /** One mean-field step; fitting stops where the KL no longer falls (at the floor). */
    public boolean pairFitStep() {
        if (!pairFitting.get()) {
            return false;
        }
        double before = pairParts.get().posteriorKl();
        for (int i = 0; i < 3; i++) {
            pairQ.set(pairModel().fitStep(OBSERVED_PAIR, pairQ.get()));
        }
        List<double[]> path = new ArrayList<>(pairPath.get());
        path.add(pairQ.get().mean());
        pairPath.set(path);
        if (before - pairParts.get().posteriorKl() < FIT_TOLERANCE || path.size() > MAX_FIT_STEPS) {
            pairFitting.set(false);
        }
        return pairFitting.get();
    }

    public void resetPair() {
        pairFitting.set(false);
        pairPath.set(List.of());
        pairQ.set(startingPairQ());
    }
}
