package org.diffusionlab.ui.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.diffusionlab.app.DiffusionLabApp;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.ui.common.chart.MarkedChart;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.widget.RasterView;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real Forward view (headless Monocle) with a synchronous worker. */
@ExtendWith(ApplicationExtension.class)
class ForwardViewTest {
    private ForwardViewModel model;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        DiffusionLabApp.loadFonts();
        model = new ForwardViewModel(new ImmediateWorker());
        model.showDigit(7);
        stage.setScene(new Scene(new ForwardView(model, new Messages(Locale.ENGLISH)), 1280, 800));
        stage.show();
    }

    @Test
    void thePhotoBoxSaysChooseAPhotoAgainAfterADigit(FxRobot robot) {
        robot.interact(() -> model.showPhoto(model.photoNames().get(0)));
        robot.interact(() -> model.showDigit(3));
        javafx.scene.control.ComboBox<?> photo = robot.lookup("#forward-photo").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals(null, photo.getValue());
        javafx.scene.control.ListCell<?> button = robot.lookup("#forward-photo .list-cell")
                .queryAllAs(javafx.scene.control.ListCell.class).stream().filter(c -> c.getParent() == photo).findFirst().orElseThrow();
        assertEquals("Choose a photo", button.getText());
    }

    private static Raster raster(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(RasterView.class).getRaster();
    }

    private static double alphaBarPlotted(FxRobot robot, int t) {
        MarkedChart chart = robot.lookup("#forward-chart-schedule").queryAs(MarkedChart.class);
        return chart.chart().getXYPlot().getDataset(0).getYValue(0, t);
    }

    @Test
    void playAdvancesTAndChangesTheNoisedImage(FxRobot robot) throws Exception {
        Raster before = raster(robot, "#forward-xt");
        assertNotNull(before);
        assertEquals(0, model.t());
        robot.clickOn("#playback-play");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.t() >= 30);
        robot.clickOn("#playback-play");
        WaitForAsyncUtils.waitForFxEvents();
        int paused = model.t();
        assertFalse(model.playback().isPlaying());
        assertTrue(paused >= 30);
        Raster after = raster(robot, "#forward-xt");
        assertFalse(Arrays.equals(before.argb(), after.argb()), "x_t must change as t advances");
        assertEquals(paused, model.frameViewProperty().get().t());
        assertTrue(robot.lookup("#playback-position").queryAs(Label.class).getText().startsWith("t = " + paused));
    }

    @Test
    void switchingToCosineRedrawsTheAlphaBarCurve(FxRobot robot) {
        assertEquals(0.0786, alphaBarPlotted(robot, 500), 1e-3);
        robot.clickOn("#forward-schedule-kind").clickOn("Cosine");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.4938, alphaBarPlotted(robot, 500), 1e-3);
        assertTrue(robot.lookup("#forward-beta-start").query().isDisabled(), "β range does not apply to cosine");
    }

    @Test
    void keysStepAndJumpAndTheSliderScrubs(FxRobot robot) {
        robot.clickOn("#forward-xt");
        robot.type(KeyCode.RIGHT, 3);
        assertEquals(3, model.t());
        robot.type(KeyCode.LEFT);
        assertEquals(2, model.t());
        robot.type(KeyCode.END);
        assertEquals(1000, model.t());
        assertEquals(1000, model.frameViewProperty().get().t());
        robot.type(KeyCode.HOME);
        assertEquals(0, model.t());
        robot.type(KeyCode.SPACE);
        assertTrue(model.playback().isPlaying());
        robot.type(KeyCode.SPACE);
        assertFalse(model.playback().isPlaying());

        Slider scrub = robot.lookup("#playback-scrub").queryAs(Slider.class);
        robot.moveTo(scrub).moveBy(scrub.getWidth() / 4, 0).press(MouseButton.PRIMARY)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.t() > 600 && model.t() < 900, "clicking three quarters along the slider scrubs there: " + model.t());
        assertEquals(model.t(), model.frameViewProperty().get().t());
    }

    @Test
    void aBadFileShowsAMessageAndKeepsThePicture(FxRobot robot) throws Exception {
        Raster before = raster(robot, "#forward-x0");
        var sourceBefore = model.sourceProperty().get();
        Path text = Files.writeString(dir.resolve("lesson-notes.png"), "this is text, not a PNG");
        robot.interact(() -> model.openFile(text));
        Label notice = robot.lookup("#forward-notice").queryAs(Label.class);
        assertTrue(notice.getText().contains("lesson-notes.png") && notice.getText().contains("not an image"), notice.getText());
        assertTrue(notice.getStyleClass().contains("notice-error"));
        assertSame(sourceBefore, model.sourceProperty().get());
        assertSame(before, raster(robot, "#forward-x0"));

        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        robot.interact(() -> model.openFile(empty));
        assertTrue(notice.getText().contains("empty"), notice.getText());

        robot.interact(() -> model.showPhoto("rocket"));
        assertTrue(robot.lookup("#forward-source-description").queryAs(Label.class).getText().contains("rocket.png: 128×128 RGB"));
        assertEquals("", notice.getText(), "a good picture clears the message");
    }

    @Test
    void iterateModeShowsTheStepEquation(FxRobot robot) {
        robot.clickOn("#forward-mode-iterate");
        robot.interact(() -> model.playback().seek(250));
        String numbers = robot.lookup("#forward-equation-numbers").queryAs(Label.class).getText();
        assertTrue(numbers.startsWith("x₂₅₀ = 0.99"), numbers);
        assertTrue(robot.lookup("#forward-equation").queryAs(Label.class).getText().contains("√β₂₅₀"));
        robot.clickOn("#forward-mode-jump");
        numbers = robot.lookup("#forward-equation-numbers").queryAs(Label.class).getText();
        assertTrue(numbers.startsWith("x₂₅₀ = 0.7239 · x₀ + 0.6899 · ε"), numbers);
    }
}
