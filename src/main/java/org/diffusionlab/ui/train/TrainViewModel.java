package org.diffusionlab.ui.train;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableMap;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.io.AtomicFile;
import org.diffusionlab.core.io.ModelArchive;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.train.TrainingEvent;
import org.diffusionlab.core.train.TrainingRun;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.Numbers;
import org.diffusionlab.ui.common.work.BackgroundTask;
import org.diffusionlab.ui.common.work.EventQueue;
import org.diffusionlab.ui.common.work.Worker;

/**
 * The Train view's run: which kind of model, the seed, a run in the background (start, pause, resume, stop), its
 * curves and pictures, and saving or loading the model. The settings of each kind, and how its run is built and
 * saved, live in its {@link ModelSetup}. Training events arrive on the trainer thread, are queued, and are applied
 * once per frame on the FX thread.
 */
public final class TrainViewModel {
    public enum State { IDLE, PREPARING, RUNNING, PAUSED, FINISHED, STOPPED, FAILED }

    public enum Kind { VAE, DIFFUSION }

    private final Worker worker;
    private final VaeSetup vae;
    private final DiffusionSetup diffusion;
    private final RunDisplay display = new RunDisplay();
    private final EventQueue<TrainingEvent> events;
    private TrainingRun run;
    private ModelSetup.Plan plan;
    private Kind runKind = Kind.VAE;
    private int runEpochs;
    private Map<Metric, Double> lastEvaluation;
    private ModelSetup.TrainedModel trained;

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.VAE);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final ObjectProperty<Localized> progressText = new SimpleObjectProperty<>(this, "progressText", Localized.NONE);
    private final ObjectProperty<Localized> notice = new SimpleObjectProperty<>(this, "notice", Localized.NONE);
    private final ObjectProperty<Localized> modelStatus = new SimpleObjectProperty<>(this, "modelStatus", Localized.NONE);

    public TrainViewModel(Worker worker, ModelShelf<Vae> vaes, ModelShelf<DiffusionModel> diffusions) {
        this.worker = worker;
        this.vae = new VaeSetup(vaes);
        this.diffusion = new DiffusionSetup(diffusions);
        this.events = new EventQueue<>(worker, this::apply, display::endOfBatch);
    }

    public VaeSetup vae() { return vae; }
    public DiffusionSetup diffusion() { return diffusion; }
    public ObjectProperty<Kind> kindProperty() { return kind; }
    /** The 2-D data set of the current diffusion run (x, y pairs) to draw samples against, or null. */
    public ObjectProperty<float[]> dataPointsProperty() { return display.dataPointsProperty(); }
    /** Points sampled from a 2-D model during training (x, y pairs), or null. */
    public ObjectProperty<float[]> samplePointsProperty() { return display.samplePointsProperty(); }
    /** The run's kind (fixed while it runs), for what the charts show. */
    public Kind runKind() { return runKind; }
    public LongProperty seedProperty() { return seed; }
    public ObjectProperty<State> stateProperty() { return state; }
    public DoubleProperty progressProperty() { return progress; }
    public ObjectProperty<Localized> progressTextProperty() { return progressText; }
    public ObjectProperty<Localized> noticeProperty() { return notice; }
    /** What model the Train view holds now (trained or loaded), for the status bar. */
    public ObjectProperty<Localized> modelStatusProperty() { return modelStatus; }
    /** The run's curves and loss-by-t columns; they change together with {@link #curvesRevisionProperty()}. */
    public TrainingCurves curves() { return display.curves(); }
    /** Increases once per frame in which curves gained points: redraw then. */
    public ReadOnlyIntegerProperty curvesRevisionProperty() { return display.curvesRevisionProperty(); }
    /** Pictures by title: "originals", "reconstructions", "samples". */
    public ObservableMap<String, List<Raster>> pictures() { return display.pictures(); }
    public State state() { return state.get(); }
    public boolean hasModel() { return trained != null; }
    /** The file name a save dialog suggests for the run's model. */
    public String modelFileName() { return plan == null ? "model.zip" : plan.fileName(); }

    public boolean isBusy() {
        return state.get() == State.PREPARING || state.get() == State.RUNNING || state.get() == State.PAUSED;
    }

    private ModelSetup setup(Kind which) {
        return which == Kind.VAE ? vae : diffusion;
    }

    /** Starts a run with the current settings of the chosen kind; a run already under way is left alone. */
    public void start() {
        if (isBusy()) {
            return;
        }
        ModelSetup.Plan next;
        float[] data;
        try {
            next = setup(kind.get()).plan(seed.get());
            data = next.dataPoints();
        } catch (IllegalArgumentException | BadInputException e) {
            notice.set(Localized.plainError(e.getMessage()));
            return;
        }
        display.clear(data);
        lastEvaluation = null;
        progress.set(0);
        notice.set(Localized.NONE);
        state.set(State.PREPARING);
        progressText.set(Localized.of("train.progress.preparing"));
        plan = next;
        runKind = kind.get();
        BackgroundTask.wrap("train-prepare", next::session).onSuccess(prepared -> {
            runEpochs = prepared.epochs();
            run = new TrainingRun(prepared, events::add);
            state.set(State.RUNNING);
            run.start();
        }).reportingTo(notice).onFailure(e -> state.set(State.FAILED)).executeWith(worker);
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
        ModelSetup.TrainedModel model = trained;
        if (model == null) {
            notice.set(Localized.error("train.noModel"));
            return;
        }
        BackgroundTask.wrap("train-save", () -> {
            model.write(file);
            return file;
        }).onSuccess(this::exported).reportingTo(notice).executeWith(worker);
    }

    /** Opens a VAE or diffusion model file; it joins the models the other views use. A bad file changes nothing. */
    public void loadModel(Path file) {
        BackgroundTask.wrap("train-load", () -> setup(DiffusionModel.KIND.equals(ModelArchive.read(file).kind())
                ? Kind.DIFFUSION : Kind.VAE).load(file)).onSuccess(shelve -> {
                    Localized summary = shelve.get();
                    modelStatus.set(Localized.of("train.status.loaded", summary));
                    notice.set(Localized.of("train.loaded", summary));
                }).reportingTo(notice).executeWith(worker);
    }

    /** Writes the curves as CSV (series, step, value), through a temporary file. */
    public void exportCsv(Path file) {
        String csv = display.curves().log().toCsv();
        BackgroundTask.wrap("train-csv", () -> {
            AtomicFile.write(file, out -> out.write(csv.getBytes(StandardCharsets.UTF_8)));
            return file;
        }).onSuccess(this::exported).reportingTo(notice).executeWith(worker);
    }

    private void exported(Path file) {
        notice.set(Localized.of("message.exported", file.toString()));
    }

    /** A trainer's event on the FX thread: what it shows, then what it means for the run's progress and state. */
    private void apply(TrainingEvent event) {
        display.show(event, plan);
        if (event instanceof TrainingEvent.Step step) {
            progress.set((double) step.step() / step.totalSteps());
            long remaining = Math.round(step.elapsedSeconds() / step.step() * (step.totalSteps() - step.step()));
            progressText.set(Localized.of("train.progress", step.epoch(), runEpochs, String.valueOf(step.step()),
                    String.valueOf(step.totalSteps()), String.format("%d:%02d", remaining / 60, remaining % 60)));
        } else if (event instanceof TrainingEvent.Evaluation evaluation) {
            lastEvaluation = evaluation.values();
        } else if (event instanceof TrainingEvent.Finished finished) {
            progressText.set(Localized.of(finished.stoppedEarly() ? "train.progress.stopped" : "train.progress.finished",
                    String.valueOf(finished.step()), Numbers.fixedArgument(finished.seconds(), 1)));
            state.set(finished.stoppedEarly() ? State.STOPPED : State.FINISHED);
            keepModel(finished.seconds(), finished.step());
        } else if (event instanceof TrainingEvent.Failed failed) {
            notice.set(failed.lossNotFinite() ? Localized.error("train.failed.nonFinite", String.valueOf(failed.step()))
                    : Localized.plainError(failed.message()));
            progressText.set(Localized.of("train.progress.failed", String.valueOf(failed.step())));
            state.set(State.FAILED);
            keepModel(0, failed.step());
        }
    }

    /** The run's weights (the last good ones after a failure) become a model of their own for the other views. */
    private void keepModel(double seconds, long steps) {
        ModelSetup.Plan finished = plan;
        Map<Metric, Double> evaluation = lastEvaluation;
        BackgroundTask.wrap("train-keep", () -> finished.keep(seconds, steps, evaluation)).onSuccess(model -> {
            trained = model;
            modelStatus.set(model.offer());
        }).reportingTo(notice).executeWith(worker);
    }
}
