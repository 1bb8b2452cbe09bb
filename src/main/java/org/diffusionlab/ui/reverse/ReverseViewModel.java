package org.diffusionlab.ui.reverse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.AnimationFrames;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.data.SamplePicture;
import org.diffusionlab.core.data.ToySet;
import org.diffusionlab.core.diffusion.ChainFrames;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.diffusion.ReverseChain;
import org.diffusionlab.core.diffusion.ReverseFrame;
import org.diffusionlab.core.diffusion.Sampler;
import org.diffusionlab.core.imported.Inspection;
import org.diffusionlab.ui.common.GifExport;
import org.diffusionlab.ui.common.GifSettings;
import org.diffusionlab.ui.common.ImportedModels;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.PlaybackModel;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.ModelDescriptions;
import org.diffusionlab.ui.common.text.Numbers;
import org.diffusionlab.ui.common.work.BackgroundTask;
import org.diffusionlab.ui.common.work.Generation;
import org.diffusionlab.ui.common.work.Worker;

/**
 * The Reverse view's state and commands: a diffusion model, where the chain starts (pure noise, or a digit noised
 * to step t), the sampler (DDPM, or DDIM with steps and η), the seed, and the chain itself, computed one step per
 * worker job while playback asks for it. Any change of settings cancels the chain at once and starts again from
 * the same seed. The playback position p shows the state after p steps and the model's prediction there.
 */
public final class ReverseViewModel {
    public static final int GRID = 16;
    public static final int CLOUD = 2000;
    public static final int FIELD = 17;
    /** Steps computed ahead of the playback position while playing. */
    static final int LOOK_AHEAD = 4;
    public static final float NOISE_RANGE = 3f;
    /** The seed of the faint data cloud drawn behind the points. */
    static final long DATA_SEED = 12345;

    public enum Start { NOISE, IMAGE }

    public enum SamplerKind { DDPM, DDIM }

    /**
     * A sample shown large: its x_t, x̂₀ and ε̂, the update equation with its numbers, and in how many pixels the
     * step clipped x̂₀.
     */
    public record Detail(int index, Raster xt, Raster x0Hat, Raster epsHat, String equation, Localized numbers, int clipped) {
    }

    /**
     * The image grid at a playback position: each sample as drawn and its numbers x_t (planar channels, row-major,
     * in the model's [−1, 1]), which the grid's tips read under the mouse.
     */
    public record ImageFrame(int position, int steps, int t, List<Raster> samples, List<float[]> values, Detail detail) {
    }

    /**
     * The 2-D cloud at a playback position: points (x, y pairs), the data set faintly behind, and the denoising
     * direction −ε̂ at a grid of points (origins and unit-scaled vectors).
     */
    public record CloudFrame(int position, int steps, int t, float[] points, float[] data, float[] fieldOrigins,
                             float[] fieldVectors, double extent) {
    }

    private final Worker worker;
    private final ModelShelf<DiffusionModel> models;
    private final List<ReverseFrame> frames = new ArrayList<>();
    private ReverseChain chain;
    private final Generation generation = new Generation();
    private final BooleanProperty computing = new SimpleBooleanProperty(this, "computing");
    /** The compute time of a step, smoothed: the status says how many steps a second the worker keeps up with. */
    private double secondsPerStep;
    private Digits digits;

    // Properties
    private final ObjectProperty<ModelShelf.Entry<DiffusionModel>> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<Start> start = new SimpleObjectProperty<>(this, "start", Start.NOISE);
    private final IntegerProperty startDigit = new SimpleIntegerProperty(this, "startDigit", 0);
    private final IntegerProperty startT = new SimpleIntegerProperty(this, "startT", 500);
    private final ObjectProperty<SamplerKind> sampler = new SimpleObjectProperty<>(this, "sampler", SamplerKind.DDIM);
    private final IntegerProperty ddimSteps = new SimpleIntegerProperty(this, "ddimSteps", 50);
    private final DoubleProperty eta = new SimpleDoubleProperty(this, "eta", 0);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", 0);
    private final BooleanProperty showField = new SimpleBooleanProperty(this, "showField", true);
    private final PlaybackModel playback = new PlaybackModel();
    private final ObjectProperty<ImageFrame> imageFrame = new SimpleObjectProperty<>(this, "imageFrame");
    private final ObjectProperty<CloudFrame> cloudFrame = new SimpleObjectProperty<>(this, "cloudFrame");
    private final ObjectProperty<Localized> status = new SimpleObjectProperty<>(this, "status", Localized.NONE);
    private final ObjectProperty<Localized> notice = new SimpleObjectProperty<>(this, "notice", Localized.NONE);

    /** Whether the user picked a replay speed; until then each chain gets one that lasts a few seconds. */
    private boolean speedChosen;
    private boolean settingSpeed;

    public ReverseViewModel(Worker worker, ModelShelf<DiffusionModel> models) {
        this.worker = worker;
        this.models = models;
        ChangeListener<Object> restart = (obs, old, value) -> restart();
        model.addListener(restart);
        start.addListener(restart);
        startDigit.addListener(restart);
        startT.addListener(restart);
        sampler.addListener(restart);
        ddimSteps.addListener(restart);
        eta.addListener(restart);
        seed.addListener(restart);
        playback.positionProperty().addListener((obs, old, p) -> positionChanged());
        playback.stepsPerSecondProperty().addListener((obs, old, speed) -> speedChosen |= !settingSpeed);
        playback.playingProperty().addListener((obs, old, playing) -> computeMore());
        selected.addListener((obs, old, value) -> show());
        showField.addListener((obs, old, value) -> show());
        models.onAdded(entry -> {
            if (model.get() == null) {
                model.set(entry);
            }
        });
        if (!models.entries().isEmpty()) {
            model.set(models.entries().get(0));
        }
    }

    // Properties

    public ObjectProperty<ModelShelf.Entry<DiffusionModel>> modelProperty() { return model; }
    public ObservableList<ModelShelf.Entry<DiffusionModel>> models() { return models.entries(); }
    public ObjectProperty<Start> startProperty() { return start; }
    public IntegerProperty startDigitProperty() { return startDigit; }
    public IntegerProperty startTProperty() { return startT; }
    public ObjectProperty<SamplerKind> samplerProperty() { return sampler; }
    public IntegerProperty ddimStepsProperty() { return ddimSteps; }
    public DoubleProperty etaProperty() { return eta; }
    public LongProperty seedProperty() { return seed; }
    /** The sample shown large (0..15). */
    public IntegerProperty selectedProperty() { return selected; }
    public BooleanProperty showFieldProperty() { return showField; }
    public PlaybackModel playback() { return playback; }
    public ReadOnlyObjectProperty<ImageFrame> imageFrameProperty() { return imageFrame; }
    public ReadOnlyObjectProperty<CloudFrame> cloudFrameProperty() { return cloudFrame; }
    public ReadOnlyObjectProperty<Localized> statusProperty() { return status; }
    public ReadOnlyObjectProperty<Localized> noticeProperty() { return notice; }

    public boolean isImageModel() {
        return model.get() != null && model.get().model().isImage();
    }

    /** Steps computed so far. */
    public int computedSteps() {
        return frames.size();
    }

    // Commands

    public void newSeed() {
        seed.set(new Random().nextInt(1_000_000));
    }

    /** Opens a diffusion model file; it joins the shelf and is shown. A bad file leaves everything as it was. */
    public void openModel(Path file) {
        if (ImportedModels.isImported(file)) {
            BackgroundTask.wrap("reverse-open", () -> {
                Inspection inspection = ImportedModels.open(file);
                return new Imported(inspection, inspection.require().diffusion());
            }).onSuccess(opened -> model.set(models.put(opened.inspection().file(), ModelDescriptions.diffusion(
                    opened.inspection().file(), opened.diffusion()), opened.diffusion(), opened.inspection().info())))
                    .reportingTo(notice).executeWith(worker);
            return;
        }
        BackgroundTask.wrap("reverse-open", () -> DiffusionModel.read(file)).onSuccess(loaded -> model.set(models.put(
                file.getFileName().toString(), ModelShelf.Origin.FILE, ModelDescriptions.diffusion(file.getFileName().toString(), loaded),
                loaded))).reportingTo(notice).executeWith(worker);
    }

    /** A model exported from PyTorch, checked, and the diffusion model made of it. */
    private record Imported(Inspection inspection, DiffusionModel diffusion) {
    }

    /** Starts the chain again from the same seed (also what any change of settings does). */
    public void restart() {
        generation.advance();
        frames.clear();
        chain = null;
        computing.set(false);
        playback.playingProperty().set(false);
        playback.seek(0);
        playback.availableProperty().set(0);
        imageFrame.set(null);
        cloudFrame.set(null);
        notice.set(Localized.NONE);
        ModelShelf.Entry<DiffusionModel> entry = model.get();
        if (entry == null) {
            status.set(Localized.of("reverse.noModel"));
            return;
        }
        Callable<ReverseChain> maker = chainMaker(entry.model());
        if (maker == null) {
            return;
        }
        status.set(Localized.of("reverse.status.preparing"));
        BackgroundTask.wrap("reverse-build", maker).whileCurrent(generation).onSuccess(made -> {
            chain = made;
            playback.maxProperty().set(made.steps());
            if (!speedChosen) { // a replay of DDIM-50 and of DDPM-1000 alike lasts a few seconds
                settingSpeed = true;
                playback.stepsPerSecondProperty().set(PlaybackModel.speedFor(made.steps(), PlaybackModel.REPLAY_SECONDS));
                settingSpeed = false;
            }
            computeMore();
        }).reportingTo(notice).executeWith(worker);
    }

    /** What builds (on the worker) the chain the settings describe; null, with the notice saying why, if none can. */
    private Callable<ReverseChain> chainMaker(DiffusionModel diffusion) {
        Sampler rule;
        try {
            rule = sampler.get() == SamplerKind.DDPM ? new Sampler.Ddpm(false) : new Sampler.Ddim(ddimSteps.get(), eta.get());
        } catch (IllegalArgumentException e) {
            notice.set(Localized.plainError(e.getMessage()));
            return null;
        }
        long chainSeed = seed.get();
        Start from = start.get();
        int digit = startDigit.get();
        int fromT = Math.max(1, Math.min(startT.get(), diffusion.schedule().steps()));
        return () -> {
            int count = diffusion.isImage() ? GRID : CLOUD;
            if (from == Start.NOISE) {
                return ReverseChain.fromNoise(diffusion, rule, count, chainSeed);
            }
            return ReverseChain.fromData(diffusion, rule, startData(diffusion, digit, count), count, fromT, chainSeed);
        };
    }

    /**
     * Writes the chain the settings describe as an animated GIF: it runs again from the same seed on the worker,
     * keeping {@code settings.frames()} states spread evenly over its steps (x_T first, the samples last); digits
     * scaled to about {@code displaySide} pixels each, a 2-D model's points as a scatter.
     */
    public void exportGif(Path file, GifSettings settings, double displaySide) {
        ModelShelf.Entry<DiffusionModel> entry = model.get();
        Callable<ReverseChain> maker = entry == null ? null : chainMaker(entry.model());
        if (maker == null) {
            return;
        }
        DiffusionModel diffusion = entry.model();
        long[] shape = diffusion.sampleShape();
        int side = diffusion.isImage() ? (int) shape[1] : 0;
        int scale = diffusion.isImage() ? AnimationFrames.scaleFor(side, displaySide) : 1;
        notice.set(Localized.of("message.exportingGif", file.getFileName().toString()));
        worker.submit("export-gif", () -> {
            ChainFrames.Labelled frames = ChainFrames.reverse(maker.call(), settings.frames(),
                    samples -> side > 0 ? SamplePicture.grid(samples, (int) shape[0], side, (int) shape[2]) : SamplePicture.scatter(samples),
                    file.getFileName().toString());
            return GifExport.write(file, frames.rasters(), frames.labels(), settings, scale);
        }, written -> notice.set(Localized.of("message.exported", written.toString())),
                e -> notice.set(GifExport.failure(file, e)));
    }

    /** The data a chain starts from: one held-out digit repeated (noise differs per sample), or toy-set points. */
    private float[] startData(DiffusionModel diffusion, int digit, int count) throws BadInputException {
        if (diffusion.isImage() && diffusion.dimensions() != 28 * 28) {
            long[] shape = diffusion.sampleShape();
            throw new BadInputException("this model's images are " + shape[0] + "×" + shape[1] + "×" + shape[2]
                    + "; starting from a digit needs a 28×28 grey model", "reverse.startNeedsDigits", shape[0] + "×" + shape[1] + "×"
                    + shape[2]);
        }
        if (diffusion.isImage()) {
            Digits all = digits();
            float[] one = all.pixels(all.heldOutStart() + Math.max(0, Math.min(digit, Digits.HELD_OUT - 1)));
            float[] batch = new float[count * one.length];
            for (int i = 0; i < count; i++) {
                for (int k = 0; k < one.length; k++) {
                    batch[i * one.length + k] = 2 * one[k] - 1;
                }
            }
            return batch;
        }
        return ToySet.byId(diffusion.dataSet()).sample(count, seed.get() + 1);
    }

    // Work

    private void positionChanged() {
        computeMore();
        show();
    }

    /** The furthest position whose state and prediction are known. */
    private int available() {
        if (chain != null && frames.size() == chain.steps()) {
            return chain.steps();
        }
        return frames.size() - 1;
    }

    /** One step of the chain and the seconds it took to compute. */
    private record Stepped(ReverseFrame frame, double seconds) {
    }

    /** Computes the next step if the position (plus a little look-ahead while playing) needs it; one job per step. */
    private void computeMore() {
        if (chain == null || computing.get() || !chain.hasNext()) {
            return;
        }
        int wanted = playback.position() + 1 + (playback.isPlaying() ? LOOK_AHEAD : 0);
        if (frames.size() >= Math.min(wanted, chain.steps())) {
            return;
        }
        ReverseChain current = chain;
        // whileCurrent: if the settings changed meanwhile, this chain is gone and so is its step
        BackgroundTask.wrap("reverse-step", () -> {
            long started = System.nanoTime();
            ReverseFrame next = current.next();
            return new Stepped(next, (System.nanoTime() - started) / 1e9);
        }).busy(computing).whileCurrent(generation).onSuccess(stepped -> {
            frames.add(stepped.frame());
            secondsPerStep = frames.size() == 1 ? stepped.seconds() : 0.8 * secondsPerStep + 0.2 * stepped.seconds();
            playback.availableProperty().set(available());
            status.set(Localized.of("reverse.status.computed", String.valueOf(frames.size()), String.valueOf(current.steps()),
                    samplerLabel(current.sampler()), Numbers.fixedArgument(1 / secondsPerStep, 0)));
            if (frames.size() == 1 || playback.position() <= available()) {
                show();
            }
            computeMore();
        }).reportingTo(notice).executeWith(worker);
    }

    /** Converts what the position shows into rasters (or a cloud) on the worker thread. */
    private void show() {
        int position = Math.min(playback.position(), available());
        if (chain == null || position < 0) {
            return;
        }
        int steps = chain.steps();
        boolean last = position == steps;
        ReverseFrame frame = frames.get(last ? steps - 1 : position);
        float[] state = last ? frame.next() : frame.xt();
        float[] x0Hat = last ? frame.next() : frame.x0Hat();
        int t = last ? 0 : frame.t();
        DiffusionModel diffusion = model.get().model();
        if (diffusion.isImage()) {
            int index = Math.max(0, Math.min(selected.get(), frame.samples() - 1));
            UpdateEquation equation = UpdateEquation.of(diffusion.schedule(), frame);
            BackgroundTask.wrap("reverse-show", () -> {
                List<Raster> samples = new ArrayList<>();
                List<float[]> values = new ArrayList<>();
                for (int i = 0; i < frame.samples(); i++) {
                    values.add(frame.sample(state, i));
                    samples.add(imageRaster(diffusion, values.get(i), 1f));
                }
                Detail detail = new Detail(index, imageRaster(diffusion, frame.sample(state, index), 1f),
                        imageRaster(diffusion, frame.sample(x0Hat, index), 1f),
                        imageRaster(diffusion, frame.sample(frame.epsHat(), index), NOISE_RANGE),
                        equation.symbolic(), equation.numbers(), frame.clippedCount(diffusion.schedule(), index));
                return new ImageFrame(position, steps, t, List.copyOf(samples), List.copyOf(values), detail);
            }).onSuccess(imageFrame::set).reportingTo(notice).executeWith(worker);
        } else {
            boolean field = showField.get();
            BackgroundTask.wrap("reverse-show", () -> cloud(diffusion, position, steps, t, state, field)).onSuccess(cloudFrame::set)
                    .reportingTo(notice).executeWith(worker);
        }
    }

    private CloudFrame cloud(DiffusionModel diffusion, int position, int steps, int t, float[] points, boolean field)
            throws BadInputException {
        float[] toyData = ToySet.byId(diffusion.dataSet()).sample(CLOUD, DATA_SEED);
        double extent = 3;
        for (float v : toyData) {
            extent = Math.max(extent, Math.abs(v) * 1.15);
        }
        float[] origins = new float[0];
        float[] vectors = new float[0];
        if (field && t > 0) {
            origins = new float[FIELD * FIELD * 2];
            for (int row = 0; row < FIELD; row++) {
                for (int col = 0; col < FIELD; col++) {
                    int i = row * FIELD + col;
                    origins[2 * i] = (float) (-extent + 2 * extent * (col + 0.5) / FIELD);
                    origins[2 * i + 1] = (float) (extent - 2 * extent * (row + 0.5) / FIELD);
                }
            }
            float[] eps = diffusion.predictNoise(origins, FIELD * FIELD, t);
            vectors = new float[eps.length];
            for (int i = 0; i < eps.length; i++) {
                vectors[i] = -eps[i];
            }
        }
        return new CloudFrame(position, steps, t, points, toyData, origins, vectors, extent);
    }

    /** One sample as an image of the model's shape (channels × height × width: grey digits, or colour). */
    private static Raster imageRaster(DiffusionModel diffusion, float[] planar, float range) {
        long[] shape = diffusion.sampleShape();
        return Raster.of(planar, (int) shape[2], (int) shape[1], (int) shape[0], -range, range);
    }

    private Digits digits() throws BadInputException {
        if (digits == null) {
            digits = Digits.bundled();
        }
        return digits;
    }


    /** The sampler's short name, a message argument with η in the reader's numbers: "DDIM-50 (η = 0,0)" in Vietnamese. */
    static Object samplerLabel(Sampler sampler) {
        return sampler instanceof Sampler.Ddim ddim
                ? Localized.of("reverse.sampler.ddimLabel", String.valueOf(ddim.steps()), Numbers.fixedArgument(ddim.eta(), 1))
                : sampler.label();
    }
}
