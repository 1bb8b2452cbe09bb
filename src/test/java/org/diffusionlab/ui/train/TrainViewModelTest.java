package org.diffusionlab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Train view-model without a window: jobs run at once, and the trainer's events are queued for this test's
 * thread, which plays the FX thread's part by draining them.
 */
class TrainViewModelTest {
    private static final String TRAIN_ELBO = TrainingCurves.series(TrainingCurves.TRAIN, Metric.NEG_ELBO);
    private final BlockingQueue<Runnable> posted = new LinkedBlockingQueue<>();
    private final ModelShelf<Vae> vaes = new ModelShelf<>();
    private final ModelShelf<DiffusionModel> diffusions = new ModelShelf<>();
    private TrainViewModel model;

    @BeforeEach
    void smallVae() {
        model = new TrainViewModel(new ImmediateWorker(posted::add), vaes, diffusions);
        model.vae().hiddenProperty().set(32);
        model.vae().latentProperty().set(2);
        model.vae().epochsProperty().set(200);
    }

    @AfterEach
    void stopTraining() {
        model.stop();
    }

    /** Plays the FX thread: applies what the trainer posted until {@code done} (a minute of silence fails). */
    private void runUntil(BooleanSupplier done) throws InterruptedException {
        while (!done.getAsBoolean()) {
            Runnable action = posted.poll(60, TimeUnit.SECONDS);
            assertNotNull(action, "the run reported nothing for a minute");
            action.run();
        }
    }

    private int trainPoints() {
        return model.curves().log().points(TRAIN_ELBO).size();
    }

    @Test
    void startPauseResumeAndStopWalkTheStates() throws Exception {
        assertEquals(TrainViewModel.State.IDLE, model.state());
        model.start();
        assertEquals(TrainViewModel.State.RUNNING, model.state(), "the session was prepared at once");
        assertTrue(model.isBusy());
        runUntil(() -> trainPoints() >= 20);
        assertTrue(model.progressProperty().get() > 0, "progress moves");

        model.togglePause();
        assertEquals(TrainViewModel.State.PAUSED, model.state());
        assertTrue(model.isBusy(), "a paused run is still under way");
        model.start();
        assertEquals(TrainViewModel.State.PAUSED, model.state(), "start leaves a run under way alone");
        model.togglePause();
        assertEquals(TrainViewModel.State.RUNNING, model.state());
        int resumed = trainPoints();
        runUntil(() -> trainPoints() > resumed + 20);

        model.stop();
        runUntil(() -> model.state() == TrainViewModel.State.STOPPED);
        assertFalse(model.isBusy());
        runUntil(() -> model.hasModel());
        assertEquals(1, vaes.entries().size(), "the stopped run's model is offered to the other views");
        assertEquals(ModelShelf.Origin.TRAINED, vaes.entries().get(0).origin());
        assertEquals(Localized.of("train.status.trained", Localized.of("model.vae", "784-32-2")), model.modelStatusProperty().get());
        assertEquals("vae-z2.zip", model.modelFileName());
        double first = model.curves().log().points(TRAIN_ELBO).get(0).value();
        double last = model.curves().log().points(TRAIN_ELBO).get(trainPoints() - 1).value();
        assertTrue(last < first, "the −ELBO fell: " + first + " → " + last);
    }

    @Test
    void anAbsurdLearningRateFailsWithTheNanMessageAndKeepsTheLastGoodWeights() throws Exception {
        model.vae().learningRateProperty().set(100);
        model.start();
        runUntil(() -> model.state() == TrainViewModel.State.FAILED);
        Localized notice = model.noticeProperty().get();
        assertTrue(notice.error());
        assertEquals("train.failed.nonFinite", notice.key(), notice.toString()); // worded in the reader's language
        runUntil(() -> model.hasModel());
        assertEquals(1, vaes.entries().size(), "the last good weights are a model of their own");
    }

    @Test
    void aSettingOutOfRangeIsRefusedBeforeAnyRun() {
        model.vae().betaProperty().set(-1);
        model.start();
        assertEquals(TrainViewModel.State.IDLE, model.state());
        assertEquals(Localized.plainError("β must be between 0 and 1000, not -1.0"), model.noticeProperty().get());
        assertTrue(posted.isEmpty(), "no run started");
    }

    @Test
    void switchingToDiffusionTrainsItsOwnSetupAndCurves() throws Exception {
        model.kindProperty().set(TrainViewModel.Kind.DIFFUSION);
        DiffusionSetup setup = model.diffusion();
        setup.dataProperty().set(DiffusionSetup.DIGITS);
        assertEquals(80, setup.epochsProperty().get(), "the digits' defaults");
        assertEquals(64, setup.batchProperty().get());
        setup.dataProperty().set("two-moons");
        assertEquals(200, setup.epochsProperty().get(), "a 2-D set's defaults");
        assertEquals(256, setup.batchProperty().get());
        setup.epochsProperty().set(2);
        setup.stepsProperty().set(100);
        model.start();
        assertEquals(TrainViewModel.Kind.DIFFUSION, model.runKind());
        assertEquals(2 * DiffusionSetup.DATA_POINTS, model.dataPointsProperty().get().length, "the data set behind the samples");
        model.kindProperty().set(TrainViewModel.Kind.VAE);
        assertEquals(TrainViewModel.Kind.DIFFUSION, model.runKind(), "the run keeps its kind when the choice changes");
        runUntil(() -> model.state() == TrainViewModel.State.FINISHED);
        runUntil(() -> model.hasModel());
        var loss = model.curves().log().points(TrainingCurves.series(TrainingCurves.TRAIN, Metric.LOSS));
        assertEquals(2 * (8000 / 256), loss.size(), "one L_simple point per step");
        assertFalse(model.curves().log().points(TrainingCurves.series(TrainingCurves.HELD_OUT, Metric.NEG_ELBO_BITS))
                .isEmpty(), "the held-out −ELBO in bits per dimension");
        assertTrue(model.curves().log().points(TRAIN_ELBO).isEmpty(), "no VAE curves");
        assertNotNull(model.samplePointsProperty().get());
        assertEquals(1, diffusions.entries().size());
        assertEquals("trained diffusion, two-moons", diffusions.entries().get(0).name());
        assertTrue(vaes.entries().isEmpty());
        assertEquals("ddpm-two-moons.zip", model.modelFileName());
    }

    @Test
    void aSavedModelRecordsItsCommandAndLoadsBack(@TempDir Path dir) throws Exception {
        model.vae().epochsProperty().set(1);
        model.start();
        runUntil(() -> model.hasModel());
        Path file = dir.resolve("mine.zip");
        model.saveModel(file);
        assertEquals(Localized.of("message.exported", file.toString()), model.noticeProperty().get());
        VaeFile.Loaded saved = VaeFile.read(file);
        assertEquals("diffusion-lab train-vae --latent 2 --hidden 32 --beta 1 --lr 0.001 --batch 128 --epochs 1 --seed 1"
                + " --out mine.zip", saved.command());
        assertNotNull(saved.heldOut(), "the held-out terms of the last epoch");

        model.loadModel(file);
        assertEquals(2, vaes.entries().size());
        assertEquals(ModelShelf.Origin.FILE, vaes.entries().get(1).origin());
        assertEquals("train.status.loaded", model.modelStatusProperty().get().key());
    }

    @Test
    void aBadFileChangesNothingAndSaysWhy(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip");
        model.loadModel(junk);
        assertTrue(model.noticeProperty().get().error());
        assertTrue(vaes.entries().isEmpty() && diffusions.entries().isEmpty());
        assertTrue(model.modelStatusProperty().get().isEmpty(), "no model named in the status bar");
        model.saveModel(dir.resolve("none.zip"));
        assertEquals(Localized.error("train.noModel"), model.noticeProperty().get());
        assertFalse(Files.exists(dir.resolve("none.zip")));
    }
}
