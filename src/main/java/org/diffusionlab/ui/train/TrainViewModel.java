package org.diffusionlab.ui.train;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.data.Picture;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.data.ToySet;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.io.AtomicFile;
import org.diffusionlab.core.io.ModelArchive;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.core.train.TrainingEvent;
import org.diffusionlab.core.train.DiffusionRecipe;
import org.diffusionlab.core.train.DiffusionTrainingConfig;
import org.diffusionlab.core.train.DiffusionTrainingSession;
import org.diffusionlab.core.train.TrainingRun;
import org.diffusionlab.core.train.TrainingSession;
import org.diffusionlab.core.vae.ElboTerms;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.core.vae.VaeDataset;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.core.vae.VaeTrainingConfig;
import org.diffusionlab.core.vae.VaeTrainingSession;
import org.diffusionlab.ui.common.Localized;
import org.diffusionlab.ui.common.Numbers;
import org.diffusionlab.ui.common.ModelDescriptions;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.Worker;

/**
 * The Train view's state and commands: hyperparameters, a run in the background (start, pause, resume, stop),
 * its curves and pictures, and saving or loading the model. Training events arrive on the trainer thread, are
 * queued, and are applied once per frame on the FX thread.
 */
public final class TrainViewModel {
    public enum State { IDLE, PREPARING, RUNNING, PAUSED, FINISHED, STOPPED, FAILED }

    public enum Kind { VAE, DIFFUSION }

    public static final String DIGITS = DiffusionModel.DIGITS;

    /** The data sets a diffusion model trains on here: the digits, or one of the 2-D toy sets. */
    public static final List<String> DIFFUSION_DATA = List.of("two-moons", "swiss-roll", "8-gaussians", "checkerboard",
            DIGITS);


    private final Worker worker;
    private final ModelShelf<Vae> vaes;
    private final ModelShelf<DiffusionModel> diffusions;
    private final Queue<TrainingEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPosted = new AtomicBoolean();
    private TrainingRun run;
    private TrainingSession session;
    private VaeTrainingConfig runConfig;
    private DiffusionRecipe runRecipe;
    private int runEpochs;
    private int runDimensions;
    private Map<String, Double> lastEvaluation;
    private Object trained;
    private double trainedSeconds;
    private long trainedSteps;

    // Properties: which kind of model
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.VAE);

    // Properties: diffusion hyperparameters (defaults follow the data set)
    private final StringProperty diffusionData = new SimpleStringProperty(this, "diffusionData", DIFFUSION_DATA.get(0));
    private final IntegerProperty diffusionEpochs = new SimpleIntegerProperty(this, "diffusionEpochs");
    private final IntegerProperty diffusionBatch = new SimpleIntegerProperty(this, "diffusionBatch");
    private final DoubleProperty diffusionLearningRate = new SimpleDoubleProperty(this, "diffusionLearningRate");
    private final IntegerProperty diffusionSteps = new SimpleIntegerProperty(this, "diffusionSteps", NoiseSchedule.MAX_T);
    private final ObjectProperty<NoiseSchedule.Kind> diffusionSchedule = new SimpleObjectProperty<>(this, "diffusionSchedule",
            NoiseSchedule.Kind.LINEAR);

    // Properties: VAE hyperparameters
    private final IntegerProperty latent = new SimpleIntegerProperty(this, "latent", 16);
    private final IntegerProperty hidden = new SimpleIntegerProperty(this, "hidden", 400);
    private final DoubleProperty beta = new SimpleDoubleProperty(this, "beta", 1.0);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 1e-3);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", 128);
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", VaeTrainingConfig.defaults().epochs());
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);

    // Properties: the run
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final ObjectProperty<Localized> progressText = new SimpleObjectProperty<>(this, "progressText", Localized.NONE);
    private final ObjectProperty<Localized> notice = new SimpleObjectProperty<>(this, "notice", Localized.NONE);
    private final ObjectProperty<Localized> modelStatus = new SimpleObjectProperty<>(this, "modelStatus", Localized.NONE);
    private final TrainingCurves curves = new TrainingCurves();
    private final ReadOnlyIntegerWrapper curvesRevision = new ReadOnlyIntegerWrapper(this, "curvesRevision");
    private final ObservableMap<String, List<Raster>> pictures = FXCollections.observableHashMap();
    private final ObjectProperty<float[]> samplePoints = new SimpleObjectProperty<>(this, "samplePoints");
    private final ObjectProperty<float[]> dataPoints = new SimpleObjectProperty<>(this, "dataPoints");

    public TrainViewModel(Worker worker, ModelShelf<Vae> vaes, ModelShelf<DiffusionModel> diffusions) {
        this.worker = worker;
        this.vaes = vaes;
        this.diffusions = diffusions;
        diffusionData.addListener((obs, old, data) -> diffusionDefaults());
        diffusionDefaults();
    }

    /** Puts epochs, batch and learning rate at the chosen data set's defaults. */
    private void diffusionDefaults() {
        DiffusionTrainingConfig base = DiffusionRecipe.defaults(diffusionData.get(), seed.get()).baseConfig();
        diffusionEpochs.set(base.epochs());
        diffusionBatch.set(base.batchSize());
        diffusionLearningRate.set(base.learningRate());
    }

    // Properties

    public ObjectProperty<Kind> kindProperty() { return kind; }
    public StringProperty diffusionDataProperty() { return diffusionData; }
    public IntegerProperty diffusionEpochsProperty() { return diffusionEpochs; }
    public IntegerProperty diffusionBatchProperty() { return diffusionBatch; }
    public DoubleProperty diffusionLearningRateProperty() { return diffusionLearningRate; }
    public IntegerProperty diffusionStepsProperty() { return diffusionSteps; }
    public ObjectProperty<NoiseSchedule.Kind> diffusionScheduleProperty() { return diffusionSchedule; }
    /** The 2-D data set of the current diffusion run (x, y pairs) to draw samples against, or null. */
    public ObjectProperty<float[]> dataPointsProperty() { return dataPoints; }
    /** Points sampled from a 2-D model during training (x, y pairs), or null. */
    public ObjectProperty<float[]> samplePointsProperty() { return samplePoints; }
    /** The run's kind (fixed while it runs), for what the charts show. */
    public Kind runKind() { return runRecipe != null ? Kind.DIFFUSION : Kind.VAE; }
    public IntegerProperty latentProperty() { return latent; }
    public IntegerProperty hiddenProperty() { return hidden; }
    public DoubleProperty betaProperty() { return beta; }
    public DoubleProperty learningRateProperty() { return learningRate; }
    public IntegerProperty batchSizeProperty() { return batchSize; }
    public IntegerProperty epochsProperty() { return epochs; }
    public LongProperty seedProperty() { return seed; }
    public ObjectProperty<State> stateProperty() { return state; }
    public DoubleProperty progressProperty() { return progress; }
    public ObjectProperty<Localized> progressTextProperty() { return progressText; }
    public ObjectProperty<Localized> noticeProperty() { return notice; }
    /** What model the Train view holds now (trained or loaded), for the status bar. */
    public ObjectProperty<Localized> modelStatusProperty() { return modelStatus; }
    /** The run's curves and loss-by-t columns; they change together with {@link #curvesRevisionProperty()}. */
    public TrainingCurves curves() { return curves; }
    /** Increases once per frame in which curves gained points: redraw then. */
    public ReadOnlyIntegerProperty curvesRevisionProperty() { return curvesRevision.getReadOnlyProperty(); }
    /** Pictures by title: "originals", "reconstructions", "samples". */
    public ObservableMap<String, List<Raster>> pictures() { return pictures; }
    public State state() { return state.get(); }

    public boolean isBusy() {
        return state.get() == State.PREPARING || state.get() == State.RUNNING || state.get() == State.PAUSED;
    }

    // Commands

    /** Starts a run with the current hyperparameters; a run already under way is left alone. */
    public void start() {
        if (isBusy()) {
            return;
        }
        VaeTrainingConfig vaeConfig = null;
        DiffusionRecipe recipe = null;
        try {
            if (kind.get() == Kind.VAE) {
                vaeConfig = new VaeTrainingConfig(VaeArchitecture.digits(List.of(hidden.get()), latent.get()), beta.get(),
                        learningRate.get(), batchSize.get(), epochs.get(), seed.get());
            } else {
                recipe = new DiffusionRecipe(diffusionData.get(), diffusionEpochs.get(), diffusionBatch.get(),
                        diffusionLearningRate.get(), null, 0, DiffusionRecipe.DEFAULT_CHANNELS, true,
                        DiffusionRecipe.DEFAULT_HIDDEN, DiffusionRecipe.DEFAULT_LAYERS, diffusionSteps.get(), diffusionSchedule.get(),
                        seed.get(), 0, null);
                recipe.config();
            }
        } catch (IllegalArgumentException e) {
            notice.set(Localized.plainError(e.getMessage()));
            return;
        }
        curves.clear();
        curvesRevision.set(curvesRevision.get() + 1);
        pictures.clear();
        samplePoints.set(null);
        dataPoints.set(null);
        if (recipe != null && !recipe.isDigits()) {
            try {
                dataPoints.set(ToySet.byId(recipe.data()).sample(2000, recipe.seed()));
            } catch (BadInputException e) {
                notice.set(Localized.plainError(e.getMessage()));
                return;
            }
        }
        lastEvaluation = null;
        progress.set(0);
        notice.set(Localized.NONE);
        state.set(State.PREPARING);
        progressText.set(Localized.of("train.progress.preparing"));
        runConfig = vaeConfig;
        runRecipe = recipe;
        VaeTrainingConfig config = vaeConfig;
        DiffusionRecipe diffusion = recipe;
        worker.submit("train-prepare", () -> config != null
                ? new VaeTrainingSession(config, VaeDataset.digits(Digits.bundled())) : diffusion.session(), prepared -> {
                    session = prepared;
                    runEpochs = prepared.epochs();
                    runDimensions = prepared instanceof DiffusionTrainingSession d ? d.model().dimensions() : 0;
                    run = new TrainingRun(prepared, this::enqueue);
                    state.set(State.RUNNING);
                    run.start();
                }, e -> {
                    fail(e);
                    state.set(State.FAILED);
                });
    }

    public void togglePause() {
        if (run == null) {
            return;
        }
        if (state.get() == State.RUNNING) {
            run.pause();
            state.set(State.PAUSED);
        } else if (state.get() == State.PAUSED) {
            run.resume();
            state.set(State.RUNNING);
        }
    }

    public void stop() {
        if (run != null && isBusy()) {
            run.stop();
        }
    }

    /** Saves the trained model with the command that reproduces it; the file is written whole or not at all. */
    public void saveModel(Path file) {
        Object model = trained;
        if (model == null) {
            notice.set(Localized.error("train.noModel"));
            return;
        }
        VaeTrainingConfig config = runConfig;
        DiffusionRecipe recipe = runRecipe;
        ElboTerms heldOut = session instanceof VaeTrainingSession v ? v.lastHeldOut() : null;
        Map<String, Double> evaluation = lastEvaluation;
        double seconds = trainedSeconds;
        long steps = trainedSteps;
        worker.submit("train-save", () -> {
            String name = file.getFileName().toString();
            if (model instanceof Vae vae) {
                VaeFile.write(file, vae, new VaeFile.Training(config, config.command(name), "mnist-10k",
                        "train: the first 9000 digits; held out: the last 1000", seconds, heldOut));
            } else {
                DiffusionModel diffusion = (DiffusionModel) model;
                DiffusionRecipe.stamp(diffusion, recipe.config(), recipe.command(name), steps, seconds, evaluation);
                diffusion.write(file);
            }
            return file;
        }, saved -> notice.set(Localized.of("message.exported", saved.toString())), this::fail);
    }

    /** Opens a VAE or diffusion model file; it joins the models the other views use. A bad file changes nothing. */
    public void loadModel(Path file) {
        worker.submit("train-load", () -> {
            String kindOfFile = ModelArchive.read(file).kind();
            return DiffusionModel.KIND.equals(kindOfFile) ? (Object) DiffusionModel.read(file) : VaeFile.read(file);
        }, loaded -> {
            Localized summary;
            if (loaded instanceof VaeFile.Loaded vae) {
                summary = ModelDescriptions.vae(vae.fileName(), vae.vae().architecture(),
                        vae.heldOut() == null ? null : vae.heldOut().negElboNats());
                vaes.put(vae.fileName(), ModelShelf.Origin.FILE, summary, vae.vae());
            } else {
                DiffusionModel diffusion = (DiffusionModel) loaded;
                summary = ModelDescriptions.diffusion(file.getFileName().toString(), diffusion);
                diffusions.put(file.getFileName().toString(), ModelShelf.Origin.FILE, summary, diffusion);
            }
            modelStatus.set(Localized.of("train.status.loaded", summary));
            notice.set(Localized.of("train.loaded", summary));
        }, this::fail);
    }

    // Events: trainer thread → queue → one drain per frame on the FX thread

    private void enqueue(TrainingEvent event) {
        events.add(event);
        if (drainPosted.compareAndSet(false, true)) {
            worker.post(this::drain);
        }
    }

    /** Applies every queued event; curves announce one revision for the whole batch. */
    void drain() {
        drainPosted.set(false);
        boolean curvesChanged = false;
        for (TrainingEvent event; (event = events.poll()) != null; ) {
            curvesChanged |= apply(event);
        }
        if (curvesChanged) {
            curvesRevision.set(curvesRevision.get() + 1);
        }
    }

    private boolean apply(TrainingEvent event) {
        if (event instanceof TrainingEvent.Step step) {
            record(TrainingCurves.TRAIN, step.step(), step.values());
            progress.set((double) step.step() / step.totalSteps());
            double perStep = step.elapsedSeconds() / step.step();
            long remaining = Math.round(perStep * (step.totalSteps() - step.step()));
            progressText.set(Localized.of("train.progress", step.epoch(), runEpochs, String.valueOf(step.step()),
                    String.valueOf(step.totalSteps()), String.format("%d:%02d", remaining / 60, remaining % 60)));
            return true;
        }
        if (event instanceof TrainingEvent.Evaluation evaluation) {
            lastEvaluation = evaluation.values();
            record(TrainingCurves.HELD_OUT, evaluation.step(), evaluation.values());
            return true;
        }
        if (event instanceof TrainingEvent.LossByTime buckets) {
            curves.recordLossByTime(buckets.step(), buckets.bucketLoss());
            return true;
        }
        if (event instanceof TrainingEvent.Points points) {
            samplePoints.set(points.coordinates());
            return false;
        }
        if (event instanceof TrainingEvent.Pictures shown) {
            List<Raster> rasters = new ArrayList<>();
            for (Picture p : shown.pictures()) {
                rasters.add(Raster.of(p));
            }
            pictures.put(shown.title(), List.copyOf(rasters));
        } else if (event instanceof TrainingEvent.Finished finished) {
            progressText.set(Localized.of(finished.stoppedEarly() ? "train.progress.stopped" : "train.progress.finished",
                    String.valueOf(finished.step()), Numbers.fixedArgument(finished.seconds(), 1)));
            state.set(finished.stoppedEarly() ? State.STOPPED : State.FINISHED);
            keepModel(finished.seconds(), finished.step());
        } else if (event instanceof TrainingEvent.Failed failed) {
            notice.set(Localized.plainError(failed.message()));
            progressText.set(Localized.of("train.progress.failed", String.valueOf(failed.step())));
            state.set(State.FAILED);
            keepModel(0, failed.step());
        }
        return false;
    }

    private void record(String prefix, long step, Map<String, Double> values) {
        if (runRecipe == null) {
            curves.recordVae(prefix, step, values);
        } else {
            curves.recordDiffusion(prefix, step, values, runDimensions);
        }
    }

    /** The run's weights (the last good ones after a failure) become a model of their own for the other views. */
    private void keepModel(double seconds, long steps) {
        TrainingSession finished = session;
        VaeTrainingConfig config = runConfig;
        DiffusionRecipe recipe = runRecipe;
        worker.submit("train-keep", () -> finished instanceof VaeTrainingSession v ? (Object) v.model()
                : ((DiffusionTrainingSession) finished).model(), model -> {
            trained = model;
            trainedSeconds = seconds;
            trainedSteps = steps;
            if (model instanceof Vae vae) {
                String name = "trained VAE z" + config.architecture().latent();
                Localized description = ModelDescriptions.vae(null, config.architecture(), null);
                vaes.put(name, ModelDescriptions.trainedVae(config.architecture().latent()), ModelShelf.Origin.TRAINED,
                        Localized.of("train.model.trained", description), vae);
                modelStatus.set(Localized.of("train.status.trained", description));
            } else {
                DiffusionModel diffusion = (DiffusionModel) model;
                Localized description = ModelDescriptions.diffusion(null, diffusion);
                diffusions.put("trained diffusion, " + recipe.data(), ModelDescriptions.trainedDiffusion(recipe.data()),
                        ModelShelf.Origin.TRAINED, Localized.of("train.model.trained", description), diffusion);
                modelStatus.set(Localized.of("train.status.trained", description));
            }
        }, this::fail);
    }

    public boolean hasModel() {
        return trained != null;
    }

    /** Writes the curves as CSV (series, step, value), through a temporary file. */
    public void exportCsv(Path file) {
        String csv = curves.log().toCsv();
        worker.submit("train-csv", () -> {
            AtomicFile.write(file, out -> out.write(csv.getBytes(StandardCharsets.UTF_8)));
            return file;
        }, written -> notice.set(Localized.of("message.exported", written.toString())), this::fail);
    }

    private void fail(Exception e) {
        notice.set(Localized.failure(e));
    }
}
