package org.diffusionlab.ui.elbo;

import java.nio.file.Path;
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
import org.diffusionlab.core.nn.NativeThreads;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.work.BackgroundTask;
import org.diffusionlab.ui.common.work.Worker;

/**
 * The panels on trained models, for one input — a held-out digit, a drawing or an image file: a VAE's true posterior
 * on a grid next to q(z|x), with the ELBO, IWAE-K and grid log p(x) (the same computation and defaults as the
 * {@code elbo} command), and a diffusion model's per-step terms L_t. Each computation runs in a worker job and is
 * cancelled when its inputs change; the posterior arrives progressively (a coarse preview, then each refined grid).
 */
public final class RealModelsViewModel {
    public static final int K = 5000;
    public static final long SEED = 1;
    public static final int FIRST_DIGIT = 9003;
    /** L_t arrive in the view every this many steps while the chain is computed. */
    static final int PROGRESS_EVERY = 25;

    /** Where the input comes from. */
    public enum Source { DIGIT, DRAWING, FILE }

    /**
     * The image both panels take: bundled digit {@code digit} (its pixels read on the worker), or the 28 × 28
     * {@code pixels} of a drawing or of the file {@code file}.
     */
    public record Input(Source source, int digit, String file, float[] pixels) {
        static Input digit(int index) {
            return new Input(Source.DIGIT, index, null, null);
        }

        public Localized description() {
            return switch (source) {
                case DIGIT -> Localized.of("elbo.input.isDigit", String.valueOf(digit));
                case DRAWING -> Localized.of("elbo.input.isDrawing");
                case FILE -> Localized.of("elbo.input.isFile", file);
            };
        }
    }

    /** L_t so far (index t; NaN where not yet known) and the finished report, or null while it runs. */
    public record Chain(double[] denoising, DiffusionChainReport report) {
    }

    private final Worker worker;
    private final ModelShelf<Vae> vaes;
    private final ModelShelf<DiffusionModel> diffusions;
    private final AtomicLong vaeGeneration = new AtomicLong();
    private final AtomicLong chainGeneration = new AtomicLong();
    private Digits digits;
    private long requestedAt;

    // Properties
    private final IntegerProperty digit = new SimpleIntegerProperty(this, "digit", FIRST_DIGIT);
    private final ObjectProperty<Input> input = new SimpleObjectProperty<>(this, "input", Input.digit(FIRST_DIGIT));
    private final ObjectProperty<float[]> seen = new SimpleObjectProperty<>(this, "seen");
    private final ObjectProperty<ModelShelf.Entry<Vae>> vae = new SimpleObjectProperty<>(this, "vae");
    private final ObjectProperty<ModelShelf.Entry<DiffusionModel>> diffusion = new SimpleObjectProperty<>(this, "diffusion");
    private final ObjectProperty<VaeElboReport> report = new SimpleObjectProperty<>(this, "report");
    private final BooleanProperty vaeBusy = new SimpleBooleanProperty(this, "vaeBusy");
    private final DoubleProperty firstPictureSeconds = new SimpleDoubleProperty(this, "firstPictureSeconds", Double.NaN);
    private final DoubleProperty finishedSeconds = new SimpleDoubleProperty(this, "finishedSeconds", Double.NaN);
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
        digit.addListener(o -> useDigit());
        input.addListener(o -> {
            requestPosterior();
            cancelChain();
        });
        diffusion.addListener(o -> cancelChain());
    }

    public IntegerProperty digitProperty() { return digit; }
    public ReadOnlyObjectProperty<Input> inputProperty() { return input; }
    /** The 28 × 28 pixels the models are given (null until the first job has read them). */
    public ReadOnlyObjectProperty<float[]> seenProperty() { return seen; }
    public ObjectProperty<ModelShelf.Entry<Vae>> vaeProperty() { return vae; }
    public ObservableList<ModelShelf.Entry<Vae>> vaes() { return vaes.entries(); }
    public ObjectProperty<ModelShelf.Entry<DiffusionModel>> diffusionProperty() { return diffusion; }
    public ObservableList<ModelShelf.Entry<DiffusionModel>> diffusions() { return diffusions.entries(); }
    public ReadOnlyObjectProperty<VaeElboReport> reportProperty() { return report; }
    public BooleanProperty vaeBusyProperty() { return vaeBusy; }
    /** Seconds from choosing the input to the first heat map (NaN until it is shown). */
    public DoubleProperty firstPictureSecondsProperty() { return firstPictureSeconds; }
    /** Seconds from choosing the input to the finest grid (NaN until it is shown). */
    public DoubleProperty finishedSecondsProperty() { return finishedSeconds; }
    public ReadOnlyObjectProperty<Chain> chainProperty() { return chain; }
    public DoubleProperty chainProgressProperty() { return chainProgress; }
    public ReadOnlyObjectProperty<Localized> noticeProperty() { return notice; }

    // Commands

    /** Takes the held-out digit of the digit spinner. */
    public void useDigit() {
        notice.set(Localized.NONE);
        input.set(Input.digit(digit.get()));
    }

    /** Whether a drawing has no ink at all. */
    public static boolean isBlank(float[] pixels) {
        for (float v : pixels) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** Takes a drawing (28 × 28, in [0, 1]); a blank one is refused in words. */
    public void useDrawing(float[] pixels) {
        if (isBlank(pixels)) {
            notice.set(Localized.of("elbo.input.blank"));
            return;
        }
        notice.set(Localized.NONE);
        input.set(new Input(Source.DRAWING, digit.get(), null, pixels.clone()));
    }

    /**
     * Takes an image file, read as the {@code elbo} command's {@code --image} reads it; a file that cannot be read is
     * refused in words and the current input stays.
     */
    public void openImage(Path file) {
        BackgroundTask.wrap("elbo-input", () -> DigitInput.read(file)).onSuccess(pixels -> {
            notice.set(Localized.NONE);
            input.set(new Input(Source.FILE, digit.get(), file.getFileName().toString(), pixels));
        }).reportingTo(notice).executeWith(worker);
    }

    /** The VAE's bounds for the input: a coarse preview at once, then each refined grid as it is computed. */
    public void requestPosterior() {
        long generation = vaeGeneration.incrementAndGet();
        ModelShelf.Entry<Vae> entry = vae.get();
        boolean refused = entry != null && !entry.model().hasEncoder();   // a decoder alone (vae-decoder): no q(z|x), no ELBO
        vaeBusy.set(entry != null && !refused);   // before the report goes: the panel tells "computing" from "nothing"
        report.set(null);
        requestedAt = System.nanoTime();
        firstPictureSeconds.set(Double.NaN);
        finishedSeconds.set(Double.NaN);
        if (refused) {
            notice.set(Localized.error("elbo.vae.noEncoder", entry.name()));
        }
        if (!vaeBusy.get()) {
            return;
        }
        Input chosen = input.get();
        worker.submit("elbo-vae", () -> {
            float[] pixels = pixels(chosen, generation, vaeGeneration);
            NativeThreads.denseNetworks();   // as the elbo command runs: the same figures, and a diffusion job may have run
            return VaeElboReport.compute(entry.model(), pixels, K, SEED, VaeElboReport.GRID_SIZE,
                    VaeElboReport.REFINEMENTS, () -> vaeGeneration.get() != generation, partial -> worker.post(() -> {
                        if (vaeGeneration.get() == generation && vaeBusy.get()) {   // never over the finished one
                            show(partial);
                        }
                    }));
        }, finished -> {
            if (finished != null && vaeGeneration.get() == generation) {
                show(finished);
                finishedSeconds.set(secondsSinceRequest());
                vaeBusy.set(false);
                notice.set(Localized.NONE);
            }
        }, this::failed);
    }

    /** Every L_t of the input under the diffusion model, shown as they arrive. */
    public void requestChain() {
        long generation = chainGeneration.incrementAndGet();
        ModelShelf.Entry<DiffusionModel> entry = diffusion.get();
        chain.set(null);
        if (entry == null) {
            return;
        }
        Input chosen = input.get();
        chainProgress.set(0);
        worker.submit("elbo-diffusion", () -> {
            float[] pixels = pixels(chosen, generation, chainGeneration);
            DiffusionModel model = entry.model();
            model.applyThreadProfile();
            int steps = model.schedule().steps();
            double[] known = new double[steps + 1];
            Arrays.fill(known, Double.NaN);
            return DiffusionChainReport.compute(model, DigitInput.signed(pixels), SEED, (t, term) -> {
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

    private void show(VaeElboReport shown) {
        if (report.get() == null || !report.get().hasGrid()) {
            firstPictureSeconds.set(shown.hasGrid() ? secondsSinceRequest() : Double.NaN);
        }
        report.set(shown);
    }

    private double secondsSinceRequest() {
        return (System.nanoTime() - requestedAt) / 1e9;
    }

    private void cancelChain() {
        chainGeneration.incrementAndGet();
        chain.set(null);
        chainProgress.set(0);
    }

    private void failed(Exception e) {
        vaeBusy.set(false);
        notice.set(Localized.failure(e));
    }

    /** Runs on the worker: the input's pixels (a bundled digit read here), also shown as what the models see. */
    private float[] pixels(Input chosen, long generation, AtomicLong current) throws BadInputException {
        float[] pixels = chosen.pixels();
        if (pixels == null) {
            if (digits == null) {
                digits = Digits.bundled();
            }
            int index = chosen.digit();
            if (index < digits.heldOutStart() || index >= digits.count()) {
                throw new BadInputException("choose a held-out digit, " + digits.heldOutStart() + " to " + (digits.count() - 1));
            }
            pixels = digits.pixels(index);
        }
        float[] read = pixels;
        worker.post(() -> {
            if (current.get() == generation) {
                seen.set(read);
            }
        });
        return pixels;
    }
}
