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
import org.diffusionlab.ui.common.text.Numbers;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.PointCloudView;
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

    @Test
    void aSamplesTipStatesThePixelValueUnderTheMouse(FxRobot robot) throws Exception {
        robot.interact(() -> model.playback().seek(3));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.imageFrameProperty().get() != null
                && model.imageFrameProperty().get().position() == 3);
        RasterView view = robot.lookup("#reverse-sample-2").queryAs(RasterView.class);
        int column = 20;
        int row = 6;
        // the centre of pixel (20, 6) as the view draws it: the 28 × 28 picture scaled to fit, centred
        double scale = Math.min(view.getWidth() / 28, view.getHeight() / 28);
        double left = Math.floor((view.getWidth() - 28 * scale) / 2);
        double top = Math.floor((view.getHeight() - 28 * scale) / 2);
        robot.moveTo(view.localToScreen(left + (column + 0.5) * scale, top + (row + 0.5) * scale));
        WaitForAsyncUtils.waitForFxEvents();
        ReverseViewModel.ImageFrame frame = model.imageFrameProperty().get();
        float value = frame.values().get(2)[row * 28 + column];
        int grey = frame.samples().get(2).argb()[row * 28 + column] & 0xff;
        assertEquals((Math.max(-1, Math.min(1, value)) + 1) / 2 * 255, grey, 1.0, "the value is the pixel drawn there");
        String tip = Tip.installed(view).text();
        assertTrue(tip.startsWith(new Messages(Locale.ENGLISH).get("tip.reverse.sample")), tip);
        assertTrue(tip.contains("Under the mouse: sample 3, pixel (column 21, row 7): x_t = "
                + Numbers.of(Locale.ENGLISH).fixed(value, 3)), tip);
        robot.moveTo("#reverse-t");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Tip.installed(view).text().contains("Under the mouse"), "the mouse left: the meaning alone");
    }

    @Test
    void theCloudsTipStatesTheNearestPointsCoordinates(FxRobot robot) throws Exception {
        robot.interact(() -> model.modelProperty().set(shelf.entries().get(1)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.cloudFrameProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        ReverseViewModel.CloudFrame frame = model.cloudFrameProperty().get();
        PointCloudView cloud = robot.lookup("#reverse-cloud").queryAs(PointCloudView.class);
        double side = Math.min(cloud.getWidth(), cloud.getHeight());
        double scale = side / (2 * frame.extent());
        double centreX = cloud.getWidth() / 2;
        double centreY = cloud.getHeight() / 2;
        // the point farthest from its neighbours (inside the middle of the square), so the mouse's rounding cannot
        // bring another point nearer
        float[] p = frame.points();
        int chosen = -1;
        double room = -1;
        for (int i = 0; i + 1 < p.length; i += 2) {
            if (Math.abs(p[i]) > frame.extent() * 0.8 || Math.abs(p[i + 1]) > frame.extent() * 0.8) {
                continue;
            }
            double nearest = Double.POSITIVE_INFINITY;
            for (int j = 0; j + 1 < p.length; j += 2) {
                if (j != i) {
                    nearest = Math.min(nearest, Math.hypot(p[i] - p[j], p[i + 1] - p[j + 1]));
                }
            }
            if (nearest > room) {
                room = nearest;
                chosen = i;
            }
        }
        assertTrue(room * scale > 2, "an isolated point: " + room * scale + " px");
        robot.moveTo(cloud.localToScreen(centreX + p[chosen] * scale, centreY - p[chosen + 1] * scale));
        WaitForAsyncUtils.waitForFxEvents();
        Numbers numbers = Numbers.of(Locale.ENGLISH);
        String tip = Tip.installed(cloud).text();
        assertTrue(tip.contains("Under the mouse: the nearest sample: x = " + numbers.fixed(p[chosen], 3) + ", y = "
                + numbers.fixed(p[chosen + 1], 3)), tip);
    }
}
