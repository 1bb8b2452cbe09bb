package org.diffusionlab.ui.forward;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.AnimationFrames;
import org.diffusionlab.core.data.Assets;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.data.Filmstrip;
import org.diffusionlab.core.data.ImageLoader;
import org.diffusionlab.core.data.Picture;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.diffusion.ChainFrames;
import org.diffusionlab.core.diffusion.NoisingChain;
import org.diffusionlab.core.random.Seeds;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.core.stats.PixelHistogram;
import org.diffusionlab.ui.common.GifExport;
import org.diffusionlab.ui.common.GifSettings;
import org.diffusionlab.ui.common.PlaybackModel;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.Subscripts;
import org.diffusionlab.ui.common.work.BackgroundTask;
import org.diffusionlab.ui.common.work.Worker;

/**
 * The Forward view's state and commands: which picture, which schedule, which seed and mode, and the frame at
 * the playback position. Every ND4J call (building the chain, computing a frame) runs through the {@link Worker};
 * this class only ever sees rasters and numbers.
 */
public final class ForwardViewModel {
    public static final int MAX_SIDE = 128;
    public static final int FILMSTRIP_FRAMES = 11;
    public static final int HISTOGRAM_BINS = 64;
    public static final double HISTOGRAM_LOW = -4;
    public static final double HISTOGRAM_HIGH = 4;
    /** Pixel values of ε are shown from −3σ (black) to +3σ (white). */
    public static final float NOISE_RANGE = 3f;

    /** The picture being noised and a line that says what it is. */
    public record Source(Picture picture, Localized description) {
    }

    /** What a built chain shows regardless of t. */
    public record ChainView(Raster x0, List<Raster> filmstrip, List<Integer> filmstripSteps, double priorKl) {
    }

    /** What the frame at step t shows. */
    public record FrameView(int t, Raster xt, Raster noise, PixelHistogram histogram) {
    }

    private final Worker worker;
    private Digits digits;
    private NoisingChain chain;

    // Properties: inputs
    private final ObjectProperty<NoiseSchedule.Kind> scheduleKind = new SimpleObjectProperty<>(this, "scheduleKind", NoiseSchedule.Kind.LINEAR);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 1000);
    private final DoubleProperty betaStart = new SimpleDoubleProperty(this, "betaStart", NoiseSchedule.DEFAULT_BETA_START);
    private final DoubleProperty betaEnd = new SimpleDoubleProperty(this, "betaEnd", NoiseSchedule.DEFAULT_BETA_END);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final ObjectProperty<NoisingChain.Mode> mode = new SimpleObjectProperty<>(this, "mode", NoisingChain.Mode.JUMP);
    private final IntegerProperty digitIndex = new SimpleIntegerProperty(this, "digitIndex", 0);
    private final StringProperty photo = new SimpleStringProperty(this, "photo");
    private final PlaybackModel playback = new PlaybackModel();

    // Properties: outputs
    private final ReadOnlyObjectWrapper<NoiseSchedule> schedule = new ReadOnlyObjectWrapper<>(this, "schedule", NoiseSchedule.linear(1000));
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source");
    private final ObjectProperty<ChainView> chainView = new SimpleObjectProperty<>(this, "chainView");
    private final ObjectProperty<FrameView> frameView = new SimpleObjectProperty<>(this, "frameView");
    private final ObjectProperty<Localized> notice = new SimpleObjectProperty<>(this, "notice", Localized.NONE);
    private final StringProperty equation = new SimpleStringProperty(this, "equation", "");
    private final ObjectProperty<Localized> equationNumbers = new SimpleObjectProperty<>(this, "equationNumbers", Localized.NONE);

    public ForwardViewModel(Worker worker) {
        this.worker = worker;
        ChangeListener<Object> scheduleChanged = (obs, old, value) -> updateSchedule();
        scheduleKind.addListener(scheduleChanged);
        steps.addListener(scheduleChanged);
        betaStart.addListener(scheduleChanged);
        betaEnd.addListener(scheduleChanged);
        seed.addListener((obs, old, value) -> rebuildChain());
        mode.addListener((obs, old, value) -> rebuildChain());
        playback.maxProperty().bind(schedule.map(NoiseSchedule::steps));
        playback.positionProperty().addListener((obs, old, value) -> requestFrame());
        digitIndex.addListener((obs, old, value) -> loadDigit(value.intValue()));
        photo.addListener((obs, old, name) -> {
            if (name != null) {
                loadPhoto(name);
            }
        });
        updateEquation();
    }

    // Properties

    public ObjectProperty<NoiseSchedule.Kind> scheduleKindProperty() { return scheduleKind; }
    public IntegerProperty stepsProperty() { return steps; }
    public DoubleProperty betaStartProperty() { return betaStart; }
    public DoubleProperty betaEndProperty() { return betaEnd; }
    public LongProperty seedProperty() { return seed; }
    public ObjectProperty<NoisingChain.Mode> modeProperty() { return mode; }
    public IntegerProperty digitIndexProperty() { return digitIndex; }
    /** The bundled photo shown, or null when the picture is a digit or a file. */
    public StringProperty photoProperty() { return photo; }
    public PlaybackModel playback() { return playback; }
    public ReadOnlyObjectProperty<NoiseSchedule> scheduleProperty() { return schedule.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Source> sourceProperty() { return source; }
    public ReadOnlyObjectProperty<ChainView> chainViewProperty() { return chainView; }
    public ReadOnlyObjectProperty<FrameView> frameViewProperty() { return frameView; }
    /** What the view should tell the user now: an error, a confirmation, or nothing. */
    public ReadOnlyObjectProperty<Localized> noticeProperty() { return notice; }
    public StringProperty equationProperty() { return equation; }
    public ObjectProperty<Localized> equationNumbersProperty() { return equationNumbers; }
    public NoiseSchedule schedule() { return schedule.get(); }
    public int t() { return playback.position(); }

    /** Names of the bundled photos (assets/images/*.png), sorted. */
    public List<String> photoNames() {
        try (Stream<Path> files = Files.list(Assets.root().resolve("images"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    // Commands

    /** Shows bundled digit number {@code index} (0..9,999). */
    public void showDigit(int index) {
        if (digitIndex.get() != index) {
            digitIndex.set(index);
        } else {
            loadDigit(index);
        }
    }

    private void loadDigit(int index) {
        load(null, () -> {
            Digits all = digits();
            if (index < 0 || index >= all.count()) {
                throw new BadInputException("digit index must be 0.." + (all.count() - 1));
            }
            return new Source(all.picture(index), Localized.of("forward.source.digit", String.valueOf(index),
                    all.label(index), all.cols(), all.rows()));
        });
    }

    /** Picks a random bundled digit with the given label; the choice follows the seed, so a lesson replays. */
    public void showRandomDigit(int label) {
        long pickSeed = Seeds.derive(seed.get(), label, digitIndex.get());
        BackgroundTask.wrap("source", () -> {
            Digits all = digits();
            List<Integer> matching = new ArrayList<>();
            for (int i = 0; i < all.count(); i++) {
                if (all.label(i) == label) {
                    matching.add(i);
                }
            }
            return matching.get(new Random(pickSeed).nextInt(matching.size()));
        }).onSuccess(this::showDigit).reportingTo(notice).executeWith(worker);
    }

    public void showPhoto(String name) {
        if (name.equals(photo.get())) {
            loadPhoto(name);
        } else {
            photo.set(name);
        }
    }

    private void loadPhoto(String name) {
        Path file = Assets.root().resolve("images").resolve(name + ".png");
        load(name, () -> describe(ImageLoader.load(file, MAX_SIDE)));
    }

    /** Opens a user's image file; on any problem the message says so and the current picture stays. */
    public void openFile(Path file) {
        load(null, () -> describe(ImageLoader.load(file, MAX_SIDE)));
    }

    public void newSeed() {
        seed.set(new Random().nextInt(1_000_000));
    }

    /** Writes x₀, x_t and ε side by side, captioned, as a PNG. */
    public void exportFrame(Path file) {
        FrameView frame = frameView.get();
        ChainView view = chainView.get();
        if (frame == null || view == null) {
            return;
        }
        String t = Subscripts.of(frame.t());
        export(file, List.of(view.x0(), frame.xt(), frame.noise()), List.of("x₀", "x" + t + "  (t = " + frame.t() + ")", "ε"));
    }

    /** Writes the filmstrip x₀ … x_T as a PNG. */
    public void exportFilmstrip(Path file) {
        ChainView view = chainView.get();
        if (view == null) {
            return;
        }
        export(file, view.filmstrip(), view.filmstripSteps().stream().map(t -> "t = " + t).toList());
    }

    /**
     * Writes the chain as an animated GIF: {@code settings.frames()} frames x_t with t spread evenly over 0 … T,
     * each scaled to about {@code displaySide} pixels. The frames are computed on the worker thread.
     */
    public void exportGif(Path file, GifSettings settings, double displaySide) {
        NoisingChain current = chain;
        if (current == null) {
            return;
        }
        notice.set(Localized.of("message.exportingGif", file.getFileName().toString()));
        worker.submit("export-gif", () -> {
            ChainFrames.Labelled frames = ChainFrames.forward(current, settings.frames());
            var picture = current.picture();
            int scale = AnimationFrames.scaleFor(Math.max(picture.width(), picture.height()), displaySide);
            return GifExport.write(file, frames.rasters(), frames.labels(), settings, scale);
        }, written -> notice.set(Localized.of("message.exported", written.toString())),
                e -> notice.set(GifExport.failure(file, e)));
    }

    private void export(Path file, List<Raster> frames, List<String> captions) {
        BackgroundTask.wrap("export:" + file, () -> {
            Filmstrip.writePng(Filmstrip.compose(frames, captions, 192), file);
            return file;
        }).onSuccess(written -> notice.set(Localized.of("message.exported", written.toString())))
                .reportingTo(notice).executeWith(worker);
    }

    // Work

    private record BuiltChain(NoisingChain chain, ChainView view) {
    }

    private interface SourceLoader {
        Source load() throws Exception;
    }

    /** Loads a picture off the FX thread; on success it replaces the current one, else the notice says why. */
    private void load(String photoName, SourceLoader loader) {
        BackgroundTask.wrap("source", loader::load).onSuccess(loaded -> {
            source.set(loaded);
            photo.set(photoName);
            notice.set(Localized.NONE);
            rebuildChain();
        }).reportingTo(notice).executeWith(worker);
    }

    private static Source describe(ImageLoader.Loaded loaded) {
        Picture p = loaded.picture();
        String key = (loaded.scaled() ? "forward.source.scaled." : "forward.source.file.") + (p.channels() == 1 ? "grey" : "rgb");
        return new Source(p, Localized.of(key, loaded.name(), String.valueOf(p.width()), String.valueOf(p.height()),
                String.valueOf(loaded.originalWidth()), String.valueOf(loaded.originalHeight())));
    }

    private Digits digits() throws BadInputException {
        if (digits == null) {
            digits = Digits.bundled();
        }
        return digits;
    }

    private void updateSchedule() {
        try {
            schedule.set(NoiseSchedule.of(scheduleKind.get(), steps.get(), betaStart.get(), betaEnd.get()));
            notice.set(Localized.NONE);
        } catch (IllegalArgumentException e) {
            notice.set(Localized.failure(e));
            return;
        }
        updateEquation();
        rebuildChain();
    }

    private void rebuildChain() {
        Source current = source.get();
        if (current == null) {
            return;
        }
        NoiseSchedule noiseSchedule = schedule.get();
        long chainSeed = seed.get();
        NoisingChain.Mode chainMode = mode.get();
        BackgroundTask.wrap("chain", () -> {
            NoisingChain built = new NoisingChain(current.picture(), noiseSchedule, chainSeed, chainMode);
            List<Raster> strip = new ArrayList<>();
            List<Integer> stripSteps = new ArrayList<>();
            for (int i = 0; i < FILMSTRIP_FRAMES; i++) {
                int t = (int) Math.round((double) i * noiseSchedule.steps() / (FILMSTRIP_FRAMES - 1));
                strip.add(signedRaster(current.picture(), built.frame(t).xt(), 1f));
                stripSteps.add(t);
            }
            Raster x0 = Raster.of(current.picture());
            return new BuiltChain(built, new ChainView(x0, List.copyOf(strip), List.copyOf(stripSteps), built.priorKl()));
        }).onSuccess(built -> {
            chain = built.chain();
            chainView.set(built.view());
            requestFrame();
        }).reportingTo(notice).executeWith(worker);
    }

    private void requestFrame() {
        updateEquation();
        NoisingChain current = chain;
        if (current == null) {
            return;
        }
        int t = Math.min(playback.position(), current.schedule().steps());
        BackgroundTask.wrap("frame", () -> {
            NoisingChain.Frame frame = current.frame(t);
            Picture p = current.picture();
            NoiseSchedule s = current.schedule();
            PixelHistogram histogram = PixelHistogram.of(frame.xt(), p.signedValues(), s.sqrtAlphaBar(t),
                    1 - s.alphaBar(t), HISTOGRAM_BINS, HISTOGRAM_LOW, HISTOGRAM_HIGH);
            return new FrameView(t, signedRaster(p, frame.xt(), 1f), signedRaster(p, frame.noise(), NOISE_RANGE), histogram);
        }).onSuccess(frameView::set).reportingTo(notice).executeWith(worker);
    }

    private static Raster signedRaster(Picture p, float[] values, float range) {
        return Raster.of(values, p.width(), p.height(), p.channels(), -range, range);
    }

    private void updateEquation() {
        ForwardEquation current = ForwardEquation.of(schedule.get(), Math.min(playback.position(), schedule.get().steps()),
                mode.get());
        equation.set(current.symbolic());
        equationNumbers.set(current.numbers());
    }

}
