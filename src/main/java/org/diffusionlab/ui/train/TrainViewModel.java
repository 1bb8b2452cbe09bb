package org.diffusionlab.ui.train;

import java.nio.file.Files;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.data.Picture;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.train.TrainingEvent;
import org.diffusionlab.core.train.TrainingRun;
import org.diffusionlab.core.vae.ElboTerms;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.core.vae.VaeDataset;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.core.vae.VaeTrainingConfig;
import org.diffusionlab.core.vae.VaeTrainingSession;
import org.diffusionlab.ui.common.CurveLog;
import org.diffusionlab.ui.common.Localized;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.Worker;

/**
 * The Train view's state and commands: hyperparameters, a run in the background (start, pause, resume, stop),
 * its curves and pictures, and saving or loading the model. Training events arrive on the trainer thread, are
 * queued, and are applied once per frame on the FX thread.
 */
public final class TrainViewModel {
    public enum State { IDLE, PREPARING, RUNNING, PAUSED, FINISHED, STOPPED, FAILED }

    /** Curve keys: "train/…" for training batches, "heldout/…" for the held-out evaluations. */
    public static final String TRAIN = "train/";
    public static final String HELD_OUT = "heldout/";

    private final Worker worker;
    private final ModelShelf<Vae> vaes;
    private final Queue<TrainingEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPosted = new AtomicBoolean();
    private TrainingRun run;
    private VaeTrainingSession session;
    private VaeTrainingConfig runConfig;
    private Vae trained;
    private double trainedSeconds;

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
    private final CurveLog curves = new CurveLog();
    private final ReadOnlyIntegerWrapper curvesRevision = new ReadOnlyIntegerWrapper(this, "curvesRevision");
    private final ObservableMap<String, List<Raster>> pictures = FXCollections.observableHashMap();

    public TrainViewModel(Worker worker, ModelShelf<Vae> vaes) {
        this.worker = worker;
        this.vaes = vaes;
    }

    // Properties

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
    public CurveLog curves() { return curves; }
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
        VaeTrainingConfig config;
        try {
            config = new VaeTrainingConfig(VaeArchitecture.digits(List.of(hidden.get()), latent.get()), beta.get(),
                    learningRate.get(), batchSize.get(), epochs.get(), seed.get());
        } catch (IllegalArgumentException e) {
            notice.set(Localized.plainError(e.getMessage()));
            return;
        }
        curves.clear();
        curvesRevision.set(curvesRevision.get() + 1);
        pictures.clear();
        progress.set(0);
        notice.set(Localized.NONE);
        state.set(State.PREPARING);
        progressText.set(Localized.of("train.progress.preparing"));
        worker.submit("train-prepare", () -> new VaeTrainingSession(config, VaeDataset.digits(Digits.bundled())),
                prepared -> {
                    session = prepared;
                    runConfig = config;
                    run = new TrainingRun(prepared, this::enqueue);
                    state.set(State.RUNNING);
                    run.start();
                }, e -> {
                    state.set(State.FAILED);
                    fail(e);
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

    /** Saves the trained model; the file is written whole or not at all. */
    public void saveModel(Path file) {
        Vae model = trained;
        VaeTrainingConfig config = runConfig;
        if (model == null) {
            notice.set(Localized.error("train.noModel"));
            return;
        }
        ElboTerms heldOut = session == null ? null : session.lastHeldOut();
        double seconds = trainedSeconds;
        worker.submit("train-save", () -> {
            String command = config.command(file.getFileName().toString());
            VaeFile.write(file, model, new VaeFile.Training(config, command, "mnist-10k",
                    "train: the first 9000 digits; held out: the last 1000", seconds, heldOut));
            return file;
        }, saved -> notice.set(Localized.of("message.exported", saved.toString())), this::fail);
    }

    /** Opens a VAE file; it joins the models the other views can use. A bad file leaves everything as it was. */
    public void loadModel(Path file) {
        worker.submit("train-load", () -> VaeFile.read(file), loaded -> {
            vaes.put(loaded.fileName(), ModelShelf.Origin.FILE, Localized.of("message.plain", loaded.summary()), loaded.vae());
            modelStatus.set(Localized.of("train.status.loaded", loaded.summary()));
            notice.set(Localized.of("train.loaded", loaded.summary()));
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
            record(TRAIN, step.step(), step.values());
            progress.set((double) step.step() / step.totalSteps());
            double perStep = step.elapsedSeconds() / step.step();
            long remaining = Math.round(perStep * (step.totalSteps() - step.step()));
            progressText.set(Localized.of("train.progress", step.epoch(), runConfig.epochs(), String.valueOf(step.step()),
                    String.valueOf(step.totalSteps()), String.format("%d:%02d", remaining / 60, remaining % 60)));
            return true;
        }
        if (event instanceof TrainingEvent.Evaluation evaluation) {
            record(HELD_OUT, evaluation.step(), evaluation.values());
            return true;
        }
        if (event instanceof TrainingEvent.Pictures shown) {
            List<Raster> rasters = new ArrayList<>();
            for (Picture p : shown.pictures()) {
                rasters.add(Raster.of(p));
            }
            pictures.put(shown.title(), List.copyOf(rasters));
        } else if (event instanceof TrainingEvent.Finished finished) {
            state.set(finished.stoppedEarly() ? State.STOPPED : State.FINISHED);
            progressText.set(Localized.of(finished.stoppedEarly() ? "train.progress.stopped" : "train.progress.finished",
                    String.valueOf(finished.step()), String.format("%.1f", finished.seconds())));
            keepModel(finished.seconds());
        } else if (event instanceof TrainingEvent.Failed failed) {
            state.set(State.FAILED);
            notice.set(Localized.plainError(failed.message()));
            progressText.set(Localized.of("train.progress.failed", String.valueOf(failed.step())));
            keepModel(0);
        }
        return false;
    }

    private void record(String prefix, long step, Map<String, Double> values) {
        for (String key : List.of(ElboTerms.NEG_ELBO, ElboTerms.RECON, ElboTerms.KL)) {
            Double value = values.get(key);
            if (value != null) {
                curves.add(prefix + key, step, value);
            }
        }
    }

    /** The run's weights (the last good ones after a failure) become a model of their own for the other views. */
    private void keepModel(double seconds) {
        VaeTrainingSession finished = session;
        VaeTrainingConfig config = runConfig;
        worker.submit("train-keep", finished::model, model -> {
            trained = model;
            trainedSeconds = seconds;
            String name = "trained VAE z" + config.architecture().latent();
            vaes.put(name, ModelShelf.Origin.TRAINED, Localized.of("train.model.trained", config.architecture().describe()), model);
            modelStatus.set(Localized.of("train.status.trained", config.architecture().describe()));
        }, this::fail);
    }

    public boolean hasModel() {
        return trained != null;
    }

    /** Writes the curves as CSV (series, step, value), through a temporary file. */
    public void exportCsv(Path file) {
        String csv = curves.toCsv();
        worker.submit("train-csv", () -> {
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".curves", ".part");
            try {
                Files.writeString(temporary, csv);
                Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return file;
        }, written -> notice.set(Localized.of("message.exported", written.toString())), this::fail);
    }

    private void fail(Exception e) {
        notice.set(e instanceof BadInputException || e instanceof IllegalArgumentException
                ? Localized.plainError(e.getMessage()) : Localized.error("message.unexpected", e.toString()));
    }
}
