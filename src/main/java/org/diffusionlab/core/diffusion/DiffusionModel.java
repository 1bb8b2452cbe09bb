package org.diffusionlab.core.diffusion;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.io.Json;
import org.diffusionlab.core.io.ModelArchive;
import org.diffusionlab.core.io.NpyArray;
import org.diffusionlab.core.nn.Denoiser;
import org.diffusionlab.core.nn.DenoiserSpec;
import org.diffusionlab.core.nn.NativeThreads;
import org.diffusionlab.core.nn.OnnxDenoiser;
import org.diffusionlab.core.nn.Threads;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained (or training) diffusion model: an ε-prediction {@link Denoiser}, the {@link NoiseSchedule} it was
 * trained for, and the data set it models ({@code "digits"} for 28×28 images in [−1, 1], or a 2-D toy set).
 * Stored as a {@link ModelArchive} of kind {@value #KIND}. Not thread-safe: one worker thread owns it.
 * <p>Or, {@link #imported}: a user's network read from a file ({@link ImportedNetwork}), with the schedule its sidecar
 * gives; it samples and denoises the same way but is inference only ({@link #isImported}: no denoiser to train or save).
 */
public final class DiffusionModel implements NoisePredictor {
    public static final String KIND = "ddpm";
    public static final String DIGITS = "digits";
    private static final Cleaner CLEANER = Cleaner.create();

    private final Denoiser denoiser;
    private final ImportedNetwork imported;
    private final NoiseSchedule schedule;
    private final String dataSet;
    private final ObjectNode manifest;
    /** Whether the weights are final ({@link #freeze}), so sampling may use a compiled copy of them. */
    private boolean frozen;
    /** The frozen weights compiled for fast sampling, made on the first call that samples; else ND4J samples. */
    private OnnxDenoiser compiled;
    private boolean compileTried;

    public DiffusionModel(Denoiser denoiser, NoiseSchedule schedule, String dataSet) {
        this(denoiser, schedule, dataSet, ModelArchive.newManifest(KIND));
    }

    private DiffusionModel(Denoiser denoiser, NoiseSchedule schedule, String dataSet, ObjectNode manifest) {
        this(denoiser, null, schedule, dataSet, manifest);
        manifest.set("architecture", denoiser.spec().toJson());
    }

    private DiffusionModel(Denoiser denoiser, ImportedNetwork imported, NoiseSchedule schedule, String dataSet, ObjectNode manifest) {
        this.denoiser = denoiser;
        this.imported = imported;
        this.schedule = schedule;
        this.dataSet = dataSet;
        this.manifest = manifest;
        manifest.set("schedule", scheduleJson(schedule));
        manifest.putObject("data").put("set", dataSet);
    }

    /** A user's network from a file, with its sidecar's schedule: inference only. */
    public static DiffusionModel imported(ImportedNetwork network, NoiseSchedule schedule, String dataSet) {
        ObjectNode manifest = ModelArchive.newManifest(KIND);
        manifest.putObject("architecture").put("type", "imported").put("network", network.describe());
        return new DiffusionModel(null, network, schedule, dataSet, manifest);
    }

    /** The app's own network, to train; an {@link #isImported} model has none. */
    public Denoiser denoiser() {
        if (denoiser == null) {
            throw new IllegalStateException(imported.describe() + " was read from a file for inference only; it has no network"
                    + " this app can train");
        }
        return denoiser;
    }

    /** Whether the network is a user's graph read from a file (inference only), not the app's own. */
    public boolean isImported() {
        return imported != null;
    }

    public long parameterCount() {
        return imported != null ? imported.parameterCount() : denoiser.parameterCount();
    }

    public NoiseSchedule schedule() {
        return schedule;
    }

    /** "digits", or the name of a 2-D toy set. */
    public String dataSet() {
        return dataSet;
    }

    /** True for images (pixels in [−1, 1]); false for points. */
    public boolean isImage() {
        return imported != null ? imported.sampleShape().length == 3 : denoiser.spec() instanceof DenoiserSpec.UNetSpec;
    }

    /** The shape of one sample, e.g. [1, 28, 28] or [2]. */
    public long[] sampleShape() {
        return imported != null ? imported.sampleShape() : denoiser.sampleShape();
    }

    /** Numbers per sample (784 for a digit, 2 for a point). */
    public int dimensions() {
        long n = 1;
        for (long d : sampleShape()) {
            n *= d;
        }
        return (int) n;
    }

    /**
     * Applies the native thread settings this kind of network runs best with: a U-Net's convolutions want every
     * core; an MLP's small products and element-wise ops want one thread (on a busy two-core machine two
     * OpenBLAS threads made a 2-D chain 2–6× slower). Process-wide (see {@link NativeThreads}); the chains and
     * the training session call it on the thread that will do the work.
     */
    public void applyThreadProfile() {
        if (isImage()) {
            NativeThreads.convolutions();
            Threads.set(Threads.available());
        } else {
            NativeThreads.denseNetworks();
            Threads.set(1);
        }
    }

    /** The manifest written with the model: callers add "training" and "metrics". */
    public ObjectNode manifest() {
        return manifest;
    }

    @Override
    public INDArray predictNoise(INDArray xt, int[] t) {
        if (imported != null) {
            return imported.predictNoise(xt, t);
        }
        if (frozen && !compileTried) {
            compileTried = true;   // compiled where sampling starts, so loading a model stays quick
            OnnxDenoiser.of(denoiser).ifPresent(engine -> {
                compiled = engine;
                CLEANER.register(this, engine::close);
            });
        }
        return compiled != null ? compiled.predictNoise(xt, t) : denoiser.predictNoise(xt, t);
    }

    /**
     * Declares the weights final, so sampling may compile them (ONNX Runtime for a U-Net; nothing for an MLP). A model
     * read from a file is frozen; one still training is not, since its sampler must see every update.
     */
    public DiffusionModel freeze() {
        frozen = true;
        return this;
    }

    /** Undoes {@link #freeze}: the weights are about to change (training further), so ND4J samples from them. */
    public void thaw() {
        frozen = false;
        compileTried = false;
        if (compiled != null) {
            compiled.close();   // its native memory now, not whenever the model is collected
            compiled = null;
        }
    }

    /**
     * ε̂ for {@code count} samples given as plain numbers (row after row), all at step t — e.g. the grid points
     * of the Reverse view's vector field, whose denoising direction is −ε̂. Runs on the caller's (worker) thread.
     */
    public float[] predictNoise(float[] samples, int count, int t) {
        int[] steps = new int[count];
        Arrays.fill(steps, t);
        INDArray x = Nd4j.create(samples, batchShape(count), 'c');
        return predictNoise(x, steps).data().asFloat();
    }

    /** One line for people, e.g. "U-Net, 830,625 parameters, digits, linear(T=1000, β₁=1.0E-4, β_T=0.02)". */
    public String describe() {
        return String.format(Locale.ROOT, "%s, %,d parameters, %s, %s", imported != null ? imported.describe()
                : isImage() ? "U-Net" : "MLP", parameterCount(), dataSet, schedule);
    }

    public long[] batchShape(long count) {
        long[] sample = sampleShape();
        long[] shape = new long[sample.length + 1];
        shape[0] = count;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        return shape;
    }

    public void write(Path file) throws IOException {
        if (imported != null) {
            throw new IOException(imported.describe() + " was read from a file for inference only; it is not saved as an app model");
        }
        new ModelArchive(file.getFileName().toString(), manifest, denoiser.parameters().toArrays()).write(file);
    }

    public static DiffusionModel read(Path file) throws BadInputException {
        return from(ModelArchive.read(file));
    }

    /** Validates the manifest and every weight's shape before any value reaches ND4J. */
    public static DiffusionModel from(ModelArchive archive) throws BadInputException {
        archive.requireKind(KIND);
        DenoiserSpec spec = DenoiserSpec.fromManifest(archive);
        NoiseSchedule schedule = scheduleFrom(archive);
        String dataSet = archive.field("data.set").asText();
        archive.requirePlausibleWeightCount(spec.parameterCount());
        Denoiser denoiser = spec.build(0);
        Map<String, NpyArray> weights = archive.weights(denoiser.parameters().shapes());
        denoiser.parameters().load(weights);
        return new DiffusionModel(denoiser, schedule, dataSet, archive.manifest().deepCopy()).freeze();
    }

    static ObjectNode scheduleJson(NoiseSchedule schedule) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("kind", schedule.kind().name().toLowerCase());
        node.put("steps", schedule.steps());
        if (schedule.kind() == NoiseSchedule.Kind.LINEAR) {
            node.put("betaStart", schedule.betaStart());
            node.put("betaEnd", schedule.betaEnd());
        }
        return node;
    }

    static NoiseSchedule scheduleFrom(ModelArchive archive) throws BadInputException {
        String kind = archive.field("schedule.kind").asText();
        int steps = archive.intField("schedule.steps", 1, NoiseSchedule.MAX_T);
        return switch (kind) {
            case "linear" -> NoiseSchedule.linear(steps, archive.doubleField("schedule.betaStart", 1e-8, 0.5),
                    archive.doubleField("schedule.betaEnd", 1e-8, 0.999));
            case "cosine" -> NoiseSchedule.cosine(steps);
            default -> throw new BadInputException(archive.name() + ": unknown schedule '" + kind + "' (linear or cosine)");
        };
    }
}
