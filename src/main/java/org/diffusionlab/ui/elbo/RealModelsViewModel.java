package org.diffusionlab.ui.elbo;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.elbo.DiffusionChainReport;
import org.diffusionlab.core.elbo.DigitInput;
import org.diffusionlab.core.elbo.VaeElboReport;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.work.Worker;

/**
 * The panels on trained models, for one held-out digit: a VAE's true posterior on a grid next to q(z|x), with the
 * ELBO, IWAE-K and grid log p(x) (the same computation and defaults as the {@code elbo} command), and a diffusion
 * model's per-step terms L_t. Each computation runs in a worker job and is cancelled when its inputs change.
 */
public final class RealModelsViewModel {
    public static final int K = 5000;
    public static final long SEED = 1;
    /** L_t arrive in the view every this many steps while the chain is computed. */
    static final int PROGRESS_EVERY = 25;

    /** L_t so far (index t; NaN where not yet known) and the finished report, or null while it runs. */
    public record Chain(double[] denoising, DiffusionChainReport report) {
    }

    private final Worker worker;
    private final ModelShelf<Vae> vaes;
    private final ModelShelf<DiffusionModel> diffusions;
    private final AtomicLong vaeGeneration = new AtomicLong();
    private final AtomicLong chainGeneration = new AtomicLong();
    private Digits digits;

    // Properties
    private final IntegerProperty digit = new SimpleIntegerProperty(this, "digit", 9003);
    private final ObjectProperty<ModelShelf.Entry<Vae>> vae = new SimpleObjectProperty<>(this, "vae");
    private final ObjectProperty<ModelShelf.Entry<DiffusionModel>> diffusion = new SimpleObjectProperty<>(this, "diffusion");
    private final ObjectProperty<VaeElboReport> report = new SimpleObjectProperty<>(this, "report");
    private final BooleanProperty vaeBusy = new SimpleBooleanProperty(this, "vaeBusy");
    private final ObjectProperty<Chain> chain = new SimpleObjectProperty<>(this, "chain");
    private final DoubleProperty chainProgress = new SimpleDoubleProperty(this, "chainProgress");
    private final ObjectProperty<Localized> notice = new SimpleObjectProperty<>(this, "notice", Localized.NONE);

    public RealModelsViewModel(Worker worker, ModelShelf<Vae> vaes, ModelShelf<DiffusionModel> diffusions) {
        this.worker = worker;
        this.vaes = vaes;
        this.diffusions = diffusions;
        vaes.onAdded(entry -> {
            if (vae.get() == null) {
                vae.set(entry);
            }
        });
        diffusions.onAdded(entry -> {
            if (diffusion.get() == null && entry.model().isImage()) {
                diffusion.set(entry);
            }
        });
        vae.set(vaes.entries().isEmpty() ? null : vaes.entries().get(0));
        diffusions.entries().stream().filter(e -> e.model().isImage()).findFirst().ifPresent(diffusion::set);
        vae.addListener(o -> requestPosterior());
        digit.addListener(o -> requestPosterior());
        diffusion.addListener(o -> cancelChain());
        digit.addListener(o -> cancelChain());
    }

    public IntegerProperty digitProperty() { return digit; }
    public ObjectProperty<ModelShelf.Entry<Vae>> vaeProperty() { return vae; }
    public ObservableList<ModelShelf.Entry<Vae>> vaes() { return vaes.entries(); }
    public ObjectProperty<ModelShelf.Entry<DiffusionModel>> diffusionProperty() { return diffusion; }
    public ObservableList<ModelShelf.Entry<DiffusionModel>> diffusions() { return diffusions.entries(); }
    public ReadOnlyObjectProperty<VaeElboReport> reportProperty() { return report; }
    public BooleanProperty vaeBusyProperty() { return vaeBusy; }
    public ReadOnlyObjectProperty<Chain> chainProperty() { return chain; }
    public DoubleProperty chainProgressProperty() { return chainProgress; }
    public ReadOnlyObjectProperty<Localized> noticeProperty() { return notice; }

    // Commands

    /** The VAE's bounds for the chosen digit: first the coarse grid (shown at once), then the refined one. */
    public void requestPosterior() {
        long generation = vaeGeneration.incrementAndGet();
        ModelShelf.Entry<Vae> entry = vae.get();
        report.set(null);
        if (entry == null) {
            vaeBusy.set(false);
            return;
        }
        int index = digit.get();
        vaeBusy.set(true);
        worker.submit("elbo-vae", () -> {
            float[] pixels = pixels(index);
            Vae model = entry.model();
            VaeElboReport coarse = VaeElboReport.compute(model, pixels, K, SEED, VaeElboReport.GRID_SIZE, 0,
                    () -> vaeGeneration.get() != generation);
            if (coarse != null && coarse.hasGrid()) {
                worker.post(() -> {
                    if (vaeGeneration.get() == generation && vaeBusy.get()) {   // never over the refined one
                        report.set(coarse);
                    }
                });
            }
            return VaeElboReport.compute(model, pixels, K, SEED, VaeElboReport.GRID_SIZE, VaeElboReport.REFINEMENTS,
                    () -> vaeGeneration.get() != generation);
        }, finished -> {
            if (finished != null && vaeGeneration.get() == generation) {
                report.set(finished);
                vaeBusy.set(false);
                notice.set(Localized.NONE);
            }
        }, this::failed);
    }

    /** Every L_t of the chosen digit under the diffusion model, shown as they arrive. */
    public void requestChain() {
        long generation = chainGeneration.incrementAndGet();
        ModelShelf.Entry<DiffusionModel> entry = diffusion.get();
        chain.set(null);
        if (entry == null) {
            return;
        }
        int index = digit.get();
        chainProgress.set(0);
        worker.submit("elbo-diffusion", () -> {
            DiffusionModel model = entry.model();
            model.applyThreadProfile();
            int steps = model.schedule().steps();
            double[] known = new double[steps + 1];
            Arrays.fill(known, Double.NaN);
            return DiffusionChainReport.compute(model, DigitInput.signed(pixels(index)), SEED, (t, term) -> {
                known[t] = term;
                if (t % PROGRESS_EVERY == 0) {
                    double[] copy = known.clone();
                    worker.post(() -> {
                        if (chainGeneration.get() == generation) {
                            chain.set(new Chain(copy, null));
                            chainProgress.set((double) t / steps);
                        }
                    });
                }
            }, () -> chainGeneration.get() != generation);
        }, finished -> {
            if (finished != null && chainGeneration.get() == generation) {
                chain.set(new Chain(finished.denoising(), finished));
                chainProgress.set(1);
            }
        }, this::failed);
    }

    private void cancelChain() {
        chainGeneration.incrementAndGet();
        chain.set(null);
        chainProgress.set(0);
    }

    private void failed(Exception e) {
        vaeBusy.set(false);
        notice.set(Localized.plainError(e.getMessage()));
    }

    /** Runs on the worker: the held-out digit's pixels. */
    private float[] pixels(int index) throws BadInputException {
        if (digits == null) {
            digits = Digits.bundled();
        }
        if (index < digits.heldOutStart() || index >= digits.count()) {
            throw new BadInputException("choose a held-out digit, " + digits.heldOutStart() + " to " + (digits.count() - 1));
        }
        return digits.pixels(index);
    }
}
