package org.diffusionlab.ui.latent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.AnimationFrames;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.data.ImageLoader;
import org.diffusionlab.core.data.MnistStyle;
import org.diffusionlab.core.data.Picture;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.imported.Inspection;
import org.diffusionlab.core.random.Seeds;
import org.diffusionlab.core.vae.LatentPaths;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.ui.common.GifExport;
import org.diffusionlab.ui.common.GifSettings;
import org.diffusionlab.ui.common.ImportedModels;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.ModelDescriptions;
import org.diffusionlab.ui.common.work.BackgroundTask;
import org.diffusionlab.ui.common.work.Worker;

/**
 * The Latent view's state and commands: a VAE, one slider per latent dimension (in prior σ units), the image
 * decoded at the sliders, the plane of two chosen dimensions (held-out digits encoded, the decoded manifold),
 * interpolation between two digits, and q(z|x) of a drawn or loaded image. The VAE is used only in worker jobs.
 */
public final class LatentViewModel {
    public static final double RANGE = 3;
    public static final int HELD_OUT_SHOWN = 1000;

    /** The held-out digits' posterior means and labels: the scatter on the map. */
    public record Encoded(float[][] means, int[] labels) {
    }

    /**
     * q(z|x) for one image: the input as the encoder saw it, μ, σ, the ε drawn, z = μ + σ ⊙ ε, the reconstruction
     * from z and KL(q ‖ N(0, I)).
     */
    public record Posterior(Raster input, float[] mean, float[] sigma, float[] epsilon, float[] z, Raster reconstruction,
                            double klNats) {
    }

    /** Decoded steps from A to B along a line and along the sphere, with the latent paths themselves. */
    public record Interpolation(List<Raster> linear, List<Raster> spherical, float[][] linearPath, float[][] sphericalPath,
                                boolean fromDrawing, boolean toDrawing) {
    }

    private final Worker worker;
    private final ModelShelf<Vae> vaes;
    private Digits digits;
    private long priorDraws;
    private long epsilonDraws;
    private float[] drawing;
    private float[] sketch;
    /** Interpolation ends taken from the drawing (fitted like MNIST); null means the held-out digit is used. */
    private float[] drawnFrom;
    private float[] drawnTo;
    private boolean applyingPick;

    // Properties
    private final ObjectProperty<ModelShelf.Entry<Vae>> model = new SimpleObjectProperty<>(this, "model");
    private final ObservableList<DoubleProperty> latent = FXCollections.observableArrayList();
    private final ObjectProperty<Raster> decoded = new SimpleObjectProperty<>(this, "decoded");
    private final IntegerProperty xDimension = new SimpleIntegerProperty(this, "xDimension", 0);
    private final IntegerProperty yDimension = new SimpleIntegerProperty(this, "yDimension", 1);
    private final BooleanProperty manifoldVisible = new SimpleBooleanProperty(this, "manifoldVisible", true);
    private final BooleanProperty scatterVisible = new SimpleBooleanProperty(this, "scatterVisible", true);
    private final IntegerProperty gridSize = new SimpleIntegerProperty(this, "gridSize", 15);
    private final ObjectProperty<Raster[][]> manifold = new SimpleObjectProperty<>(this, "manifold");
    private final ObjectProperty<Encoded> encoded = new SimpleObjectProperty<>(this, "encoded");
    private final ObjectProperty<Posterior> posterior = new SimpleObjectProperty<>(this, "posterior");
    private final IntegerProperty interpolationFrom = new SimpleIntegerProperty(this, "interpolationFrom", 0);
    private final IntegerProperty interpolationTo = new SimpleIntegerProperty(this, "interpolationTo", 1);
    private final IntegerProperty interpolationSteps = new SimpleIntegerProperty(this, "interpolationSteps", 8);
    private final ObjectProperty<Interpolation> interpolation = new SimpleObjectProperty<>(this, "interpolation");
    private final ObjectProperty<Localized> notice = new SimpleObjectProperty<>(this, "notice", Localized.NONE);
    private final BooleanProperty encoderPresent = new SimpleBooleanProperty(this, "encoderPresent", true);

    public LatentViewModel(Worker worker, ModelShelf<Vae> vaes) {
        this.worker = worker;
        this.vaes = vaes;
        model.addListener((obs, old, entry) -> modelChanged());
        vaes.onAdded(entry -> {
            if (model.get() == null) {
                model.set(entry); // the first model to arrive (bundled z2 at start-up) is shown at once
            }
        });
        if (!vaes.entries().isEmpty()) {
            model.set(vaes.entries().get(0));
        }
        xDimension.addListener((obs, old, value) -> requestManifold());
        yDimension.addListener((obs, old, value) -> requestManifold());
        gridSize.addListener((obs, old, value) -> requestManifold());
        manifoldVisible.addListener((obs, old, value) -> requestManifold());
        interpolationFrom.addListener((obs, old, value) -> {
            drawnFrom = null;
            interpolate();
        });
        interpolationTo.addListener((obs, old, value) -> {
            drawnTo = null;
            interpolate();
        });
        interpolationSteps.addListener((obs, old, value) -> interpolate());
    }

    // Properties

    public ObjectProperty<ModelShelf.Entry<Vae>> modelProperty() { return model; }
    public ObservableList<ModelShelf.Entry<Vae>> models() { return vaes.entries(); }
    /** One property per latent dimension, z₁ … z_k, in prior σ units. */
    public ObservableList<DoubleProperty> latent() { return latent; }
    public ObjectProperty<Raster> decodedProperty() { return decoded; }
    public IntegerProperty xDimensionProperty() { return xDimension; }
    public IntegerProperty yDimensionProperty() { return yDimension; }
    public BooleanProperty manifoldVisibleProperty() { return manifoldVisible; }
    public BooleanProperty scatterVisibleProperty() { return scatterVisible; }
    public IntegerProperty gridSizeProperty() { return gridSize; }
    public ObjectProperty<Raster[][]> manifoldProperty() { return manifold; }
    public ObjectProperty<Encoded> encodedProperty() { return encoded; }
    public ObjectProperty<Posterior> posteriorProperty() { return posterior; }
    public IntegerProperty interpolationFromProperty() { return interpolationFrom; }
    public IntegerProperty interpolationToProperty() { return interpolationTo; }
    public IntegerProperty interpolationStepsProperty() { return interpolationSteps; }
    public ObjectProperty<Interpolation> interpolationProperty() { return interpolation; }
    public ObjectProperty<Localized> noticeProperty() { return notice; }
    /** False for a decoder alone (an exported {@code vae-decoder}): drawing to encode, and interpolating from a drawing, are off. */
    public ReadOnlyBooleanProperty encoderPresentProperty() { return encoderPresent; }

    public int latentSize() {
        return latent.size();
    }

    /** The current latent vector, read from the sliders. */
    public float[] z() {
        float[] z = new float[latent.size()];
        for (int k = 0; k < z.length; k++) {
            z[k] = (float) latent.get(k).get();
        }
        return z;
    }

    // Commands

    /** Puts the chosen map dimensions at (x, y): the point clicked or dragged on the plane. */
    public void pick(double x, double y) {
        if (latent.size() < 2) {
            return;
        }
        applyingPick = true;
        latent.get(xDimension.get()).set(clamp(x));
        latent.get(yDimension.get()).set(clamp(y));
        applyingPick = false;
        requestDecode();
    }

    public void reset() {
        setAll(new float[latent.size()]);
    }

    /** A fresh z ~ N(0, I); the n-th draw of a session is always the same, so a lesson replays. */
    public void sampleFromPrior() {
        SplittableRandom random = new SplittableRandom(Seeds.derive(1, priorDraws++));
        float[] z = new float[latent.size()];
        for (int k = 0; k < z.length; k++) {
            z[k] = (float) random.nextGaussian();
        }
        setAll(z);
    }

    private void setAll(float[] z) {
        applyingPick = true;
        for (int k = 0; k < z.length; k++) {
            latent.get(k).set(clamp(z[k]));
        }
        applyingPick = false;
        requestDecode();
        requestManifold();
    }

    /**
     * Encodes a drawn (or loaded) 28×28 image: q(z|x), a sampled z and its reconstruction. The ink is first fitted
     * to a 20×20 box and centred by mass, as MNIST's digits were.
     */
    public void encode(float[] pixels) {
        keepSketch(pixels);
        drawing = MnistStyle.normalize(pixels, MnistStyle.SIDE, MnistStyle.SIDE);
        requestPosterior();
    }

    /**
     * The drawing pad's pixels as drawn, kept here so that a rebuilt view (another language, presentation mode)
     * shows the same drawing next to the same encoding. Null when the pad is empty.
     */
    public float[] sketch() {
        return sketch == null ? null : sketch.clone();
    }

    public void keepSketch(float[] pixels) {
        sketch = pixels == null ? null : pixels.clone();
    }

    /** Draws a new ε for the same q(z|x): the reparameterisation trick at work. */
    public void resampleEpsilon() {
        epsilonDraws++;
        requestPosterior();
    }

    /** Loads an image file as the drawing (scaled to the model's size, grey). */
    public void encodeImage(Path file, Consumer<float[]> shown) {
        Vae vae = vae();
        if (vae == null) {
            return;
        }
        int side = vae.architecture().width();
        BackgroundTask.wrap("latent-load-image", () -> {
            Picture picture = ImageLoader.load(file, side).picture();
            return LatentImages.toGrey(picture, vae.architecture().width(), vae.architecture().height());
        }).onSuccess(pixels -> {
            shown.accept(pixels);
            encode(pixels);
        }).reportingTo(notice).executeWith(worker);
    }

    /** Opens a model file: it must be a VAE for grey images of the bundled digits' size; else the current one stays. */
    public void openModel(Path file) {
        if (ImportedModels.isImported(file)) {
            BackgroundTask.wrap("latent-open", () -> {
                Inspection inspection = ImportedModels.open(file);
                return new Imported(inspection, requireDigitSize(file, inspection.require().vae()));
            }).onSuccess(opened -> model.set(vaes.put(opened.inspection().file(), ModelDescriptions.imported(opened.inspection().file(),
                    opened.vae().describe(), opened.vae().parameterCount()), opened.vae(), opened.inspection().info())))
                    .reportingTo(notice).executeWith(worker);
            return;
        }
        BackgroundTask.wrap("latent-open", () -> {
            VaeFile.Loaded loaded = VaeFile.read(file);
            requireDigitSize(file, loaded.vae());
            return loaded;
        }).onSuccess(loaded -> model.set(vaes.put(loaded.fileName(), ModelShelf.Origin.FILE,
                ModelDescriptions.vae(loaded.fileName(), loaded.vae().architecture(),
                        loaded.heldOut() == null ? null : loaded.heldOut().negElboNats()), loaded.vae())))
                .reportingTo(notice).executeWith(worker);
    }

    /** A model exported from PyTorch, checked, and the VAE made of it. */
    private record Imported(Inspection inspection, Vae vae) {
    }

    private static Vae requireDigitSize(Path file, Vae vae) throws BadInputException {
        if (vae.architecture().width() != 28 || vae.architecture().height() != 28) {
            throw new BadInputException(file.getFileName() + ": this VAE is for " + vae.architecture().width() + "×"
                    + vae.architecture().height() + " images; the Latent view works with 28×28 digits");
        }
        return vae;
    }

    /** Makes the last encoded drawing one end of the interpolation (A when {@code start}, else B). */
    public void interpolateFromDrawing(boolean start) {
        if (drawing == null) {
            notice.set(Localized.error("latent.drawFirst"));
            return;
        }
        if (start) {
            drawnFrom = drawing.clone();
        } else {
            drawnTo = drawing.clone();
        }
        interpolate();
    }

    public void interpolate() {
        Vae vae = vae();
        if (vae == null) {
            return;
        }
        int from = interpolationFrom.get();
        int to = interpolationTo.get();
        int steps = interpolationSteps.get();
        float[] fromDrawing = drawnFrom;
        float[] toDrawing = drawnTo;
        BackgroundTask.wrap("latent-interpolate", () -> {
            float[][] means = endMeans(vae, from, to, fromDrawing, toDrawing);
            float[][] linear = LatentPaths.linear(means[0], means[1], steps);
            float[][] spherical = LatentPaths.spherical(means[0], means[1], steps);
            return new Interpolation(LatentImages.rasters(vae, vae.decode(linear)), LatentImages.rasters(vae, vae.decode(spherical)),
                    linear, spherical,
                    fromDrawing != null, toDrawing != null);
        }).onSuccess(interpolation::set).reportingTo(notice).executeWith(worker);
    }

    /**
     * Writes the walk along the sphere (slerp) from A to B as an animated GIF of {@code settings.frames()} decoded
     * images, each scaled to about {@code displaySide} pixels; computed on the worker.
     */
    public void exportInterpolationGif(Path file, GifSettings settings, double displaySide) {
        Vae vae = vae();
        if (vae == null) {
            return;
        }
        int from = interpolationFrom.get();
        int to = interpolationTo.get();
        float[] fromDrawing = drawnFrom;
        float[] toDrawing = drawnTo;
        int count = settings.frames();
        notice.set(Localized.of("message.exportingGif", file.getFileName().toString()));
        worker.submit("export-gif", () -> {
            float[][] means = endMeans(vae, from, to, fromDrawing, toDrawing);
            List<Raster> frames = LatentImages.rasters(vae, vae.decode(LatentPaths.spherical(means[0], means[1], count)));
            List<String> labels = new ArrayList<>();
            for (int k = 0; k < frames.size(); k++) {
                labels.add("slerp " + (k + 1) + "/" + frames.size());
            }
            int scale = AnimationFrames.scaleFor(frames.get(0).width(), displaySide);
            return GifExport.write(file, frames, labels, settings, scale);
        }, written -> notice.set(Localized.of("message.exported", written.toString())),
                e -> notice.set(GifExport.failure(file, e)));
    }

    // Work

    /** μ of q(z|x) for the two ends: the drawings when given, else the held-out digits A and B. */
    private float[][] endMeans(Vae vae, int from, int to, float[] fromDrawing, float[] toDrawing) throws BadInputException {
        if (!vae.hasEncoder()) {   // a decoder alone: the ends are two draws from the prior, one per digit index
            return new float[][] {vae.samplePrior(1, from)[0], vae.samplePrior(1, to)[0]};
        }
        Digits all = digits();
        float[][] ends = {fromDrawing != null ? fromDrawing : all.pixels(all.heldOutStart() + from),
                toDrawing != null ? toDrawing : all.pixels(all.heldOutStart() + to)};
        return vae.encode(ends).mean();
    }

    private Vae vae() {
        return model.get() == null ? null : model.get().model();
    }

    private void modelChanged() {
        Vae vae = vae();
        latent.clear();
        decoded.set(null);
        manifold.set(null);
        encoded.set(null);
        posterior.set(null);
        interpolation.set(null);
        encoderPresent.set(vae == null || vae.hasEncoder());
        if (vae == null) {
            return;
        }
        notice.set(Localized.NONE);
        int size = vae.architecture().latent();
        List<DoubleProperty> sliders = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            DoubleProperty value = new SimpleDoubleProperty(this, "z" + (k + 1), 0);
            int dimension = k;
            value.addListener((obs, old, v) -> latentChanged(dimension));
            sliders.add(value);
        }
        latent.setAll(sliders);
        xDimension.set(0);
        yDimension.set(Math.min(1, size - 1));
        requestDecode();
        requestManifold();
        if (!vae.hasEncoder()) {
            notice.set(Localized.of("latent.noEncoder"));
            interpolate();
            return;
        }
        BackgroundTask.wrap("latent-encode-heldout", () -> {
            Digits all = digits();
            int count = Math.min(HELD_OUT_SHOWN, all.count() - all.heldOutStart());
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = all.label(all.heldOutStart() + i);
            }
            return new Encoded(vae.encode(all.pixels(all.heldOutStart(), count)).mean(), labels);
        }).onSuccess(encoded::set).reportingTo(notice).executeWith(worker);
        interpolate();
        if (drawing != null) {
            requestPosterior();
        }
    }

    private void latentChanged(int dimension) {
        if (applyingPick) {
            return;
        }
        requestDecode();
        if (dimension != xDimension.get() && dimension != yDimension.get()) {
            requestManifold(); // the plane is a slice through the other dimensions' values
        }
    }

    private void requestDecode() {
        Vae vae = vae();
        if (vae == null) {
            return;
        }
        float[] z = z();
        BackgroundTask.wrap("latent-decode", () -> vae.decodeRaster(z)).onSuccess(decoded::set)
                .reportingTo(notice).executeWith(worker);
    }

    private void requestManifold() {
        Vae vae = vae();
        if (vae == null || latent.size() < 2 || !manifoldVisible.get()) {
            return;
        }
        int n = gridSize.get();
        int x = xDimension.get();
        int y = yDimension.get();
        float[] base = z();
        BackgroundTask.wrap("latent-manifold", () -> {
            float[][] grid = new float[n * n][];
            for (int row = 0; row < n; row++) {
                for (int col = 0; col < n; col++) {
                    float[] z = base.clone();
                    z[x] = (float) (-RANGE + 2 * RANGE * (col + 0.5) / n);
                    z[y] = (float) (RANGE - 2 * RANGE * (row + 0.5) / n);
                    grid[row * n + col] = z;
                }
            }
            List<Raster> images = LatentImages.rasters(vae, vae.decode(grid));
            Raster[][] cells = new Raster[n][n];
            for (int i = 0; i < images.size(); i++) {
                cells[i / n][i % n] = images.get(i);
            }
            return cells;
        }).onSuccess(manifold::set).reportingTo(notice).executeWith(worker);
    }

    private void requestPosterior() {
        Vae vae = vae();
        if (vae == null || drawing == null || drawing.length != vae.architecture().inputSize()) {
            return;
        }
        if (!vae.hasEncoder()) {
            notice.set(Localized.error("latent.noEncoder"));
            return;
        }
        float[] image = drawing.clone();
        long seed = Seeds.derive(7, epsilonDraws);
        BackgroundTask.wrap("latent-posterior", () -> LatentImages.posterior(vae, image, seed)).onSuccess(posterior::set)
                .reportingTo(notice).executeWith(worker);
    }

    private Digits digits() throws BadInputException {
        if (digits == null) {
            digits = Digits.bundled();
        }
        return digits;
    }

    private static double clamp(double value) {
        return Math.max(-RANGE, Math.min(RANGE, value));
    }

}
