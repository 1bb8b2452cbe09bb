package org.diffusionlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.diffusionlab.ui.train.TrainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the window mid-training asks; keep, close without saving, and stop-and-save each do what they say. */
@ExtendWith(ApplicationExtension.class)
class CloseGuardTest {
    @TempDir
    Path dir;
    private Stage stage;
    private TrainViewModel train;
    private final AtomicBoolean exited = new AtomicBoolean();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        train = new TrainViewModel(new ImmediateWorker(), new ModelShelf<Vae>(), new ModelShelf<DiffusionModel>());
        train.vae().hiddenProperty().set(32);
        train.vae().latentProperty().set(2);
        train.vae().epochsProperty().set(500);
        CloseGuard.install(stage, train, () -> new Messages(Locale.ENGLISH),
                owner -> Optional.of(dir.resolve("unfinished.zip")), () -> exited.set(true));
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void stopTraining() {
        train.stop();
    }

    private void trainingThenClose(FxRobot robot, String button) throws Exception {
        robot.interact(train::start);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> train.state() == TrainViewModel.State.RUNNING);
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#" + button).tryQuery()
                .filter(node -> node.getScene() != null && node.getScene().getWindow().isShowing() && node.isVisible())
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#" + button);
    }

    @Test
    void keepTrainingChangesNothing(FxRobot robot) throws Exception {
        trainingThenClose(robot, CloseGuard.KEEP_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(train.isBusy());
        assertFalse(exited.get());
    }

    @Test
    void closeWithoutSavingExitsAndWritesNothing(FxRobot robot) throws Exception {
        trainingThenClose(robot, CloseGuard.DISCARD_ID);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, exited::get);
        assertFalse(Files.exists(dir.resolve("unfinished.zip")));
    }

    @Test
    void stopAndSaveWritesTheWeightsThenExits(FxRobot robot) throws Exception {
        trainingThenClose(robot, CloseGuard.SAVE_ID);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, exited::get);
        assertEquals(TrainViewModel.State.STOPPED, train.state());
        VaeFile.Loaded saved = VaeFile.read(dir.resolve("unfinished.zip"));
        assertEquals(2, saved.vae().architecture().latent());
    }
}
