package org.diffusionlab.ui.reverse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.diffusionlab.app.DiffusionLabApp;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.widget.RasterView;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Plays tiny (untrained) models through the Reverse view: the chain's mechanics, not a model's quality. */
@ExtendWith(ApplicationExtension.class)
class ReverseViewTest {
    private ReverseViewModel model;
    private final ModelShelf<DiffusionModel> shelf = TinyModels.shelf();

    @Start
    void start(Stage stage) {
        DiffusionLabApp.loadFonts();
        model = new ReverseViewModel(new ImmediateWorker(), shelf);
        model.samplerProperty().set(ReverseViewModel.SamplerKind.DDPM);
        stage.setScene(new Scene(new ReverseView(model, new Messages(Locale.ENGLISH)), 1280, 800));
        stage.show();
    }

    private Raster sample(FxRobot robot, int i) {
        return robot.lookup("#reverse-sample-" + i).queryAs(RasterView.class).getRaster();
    }

    @Test
    void playingDenoisesStepByStep(FxRobot robot) throws Exception {
        assertEquals(20, model.playback().max(), "DDPM visits every t of T = 20");
        Raster start = sample(robot, 0);
        assertNotNull(start);
        robot.clickOn("#playback-play");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.imageFrameProperty().get() != null
                && model.imageFrameProperty().get().position() >= 8);
        robot.clickOn("#playback-play");
        WaitForAsyncUtils.waitForFxEvents();
        ReverseViewModel.ImageFrame frame = model.imageFrameProperty().get();
        assertEquals(20 - frame.position(), frame.t(), "after p DDPM steps the chain is at t = T − p");
        assertFalse(Arrays.equals(start.argb(), sample(robot, 0).argb()), "the sample changed");
        assertTrue(robot.lookup("#playback-position").queryAs(Label.class).getText().startsWith("step " + model.playback().position()));
    }

    @Test
    void ddimWithTenStepsFinishesInTenSteps(FxRobot robot) throws Exception {
        robot.clickOn("#reverse-sampler-ddim");
        robot.interact(() -> model.ddimStepsProperty().set(10));
        assertEquals(10, model.playback().max());
        robot.clickOn("#reverse-grid").type(KeyCode.END);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.computedSteps() == 10
                && model.imageFrameProperty().get() != null && model.imageFrameProperty().get().position() == 10);
        assertEquals(0, model.imageFrameProperty().get().t(), "ten DDIM steps reach t = 0");
        assertEquals(10, model.imageFrameProperty().get().steps());
    }

    @Test
    void eachChainGetsAWatchableSpeedUntilTheUserPicksOne(FxRobot robot) throws Exception {
        robot.clickOn("#reverse-sampler-ddim");
        robot.interact(() -> model.ddimStepsProperty().set(10));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.playback().max() == 10);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, model.playback().stepsPerSecondProperty().get(), "ten steps at the slowest speed: two seconds");
        robot.interact(() -> robot.lookup("#playback-speed").queryAs(javafx.scene.control.ComboBox.class).setValue(50.0));
        robot.interact(() -> model.ddimStepsProperty().set(20));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.playback().max() == 20);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(50, model.playback().stepsPerSecondProperty().get(), "the user's speed stays");
    }

    @Test
    void clickingASampleShowsItsPrediction(FxRobot robot) throws Exception {
        robot.interact(() -> model.playback().seek(3));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.imageFrameProperty().get() != null
                && model.imageFrameProperty().get().position() == 3);
        robot.clickOn("#reverse-sample-5");
        WaitForAsyncUtils.waitForFxEvents();
        ReverseViewModel.ImageFrame frame = model.imageFrameProperty().get();
        assertEquals(5, frame.detail().index());
        assertArrayEquals(frame.samples().get(5).argb(), frame.detail().xt().argb(), "the large x_t is sample 5's");
        Raster shown = robot.lookup("#reverse-detail-x0hat").queryAs(RasterView.class).getRaster();
        assertArrayEquals(frame.detail().x0Hat().argb(), shown.argb());
        assertTrue(robot.lookup("#reverse-equation").queryAs(Label.class).getText().contains("μθ"));
        Label clipped = robot.lookup("#reverse-clipped").queryAs(Label.class);
        assertEquals(frame.detail().clipped() > 0, clipped.isVisible(), "the clipping note shows exactly when x̂₀ was clipped");
        if (clipped.isVisible()) {
            assertTrue(clipped.getText().contains(String.valueOf(frame.detail().clipped())));
        }
    }

    @Test
    void aTwoDimensionalModelsCloudMoves(FxRobot robot) throws Exception {
        robot.interact(() -> model.modelProperty().set(shelf.entries().get(1)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.cloudFrameProperty().get() != null);
        float[] before = model.cloudFrameProperty().get().points().clone();
        assertEquals(2 * ReverseViewModel.CLOUD, before.length);
        assertTrue(model.cloudFrameProperty().get().fieldVectors().length > 0, "the denoising field is drawn");
        robot.interact(() -> model.playback().seek(15));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.cloudFrameProperty().get().position() == 15);
        assertFalse(Arrays.equals(before, model.cloudFrameProperty().get().points()), "the points moved");
        assertTrue(robot.lookup("#reverse-cloud").query().isVisible());
    }
}
