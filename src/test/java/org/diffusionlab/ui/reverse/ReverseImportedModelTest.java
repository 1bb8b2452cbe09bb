package org.diffusionlab.ui.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.diffusionlab.app.DiffusionLabApp;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.imported.Fixtures;
import org.diffusionlab.ui.common.ModelShelf;
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

/** The Reverse view sampling a U-Net exported from PyTorch with its own samplers, in grey and in colour. */
@ExtendWith(ApplicationExtension.class)
class ReverseImportedModelTest {
    private ReverseViewModel model;
    private final ModelShelf<DiffusionModel> shelf = new ModelShelf<>();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        DiffusionLabApp.loadFonts();
        model = new ReverseViewModel(new ImmediateWorker(), shelf);
        model.samplerProperty().set(ReverseViewModel.SamplerKind.DDIM);
        model.ddimStepsProperty().set(10);
        stage.setScene(new Scene(new ReverseView(model, new Messages(Locale.ENGLISH)), 1280, 800));
        stage.show();
    }

    private void playToTheEnd(FxRobot robot) throws Exception {
        // fired rather than clicked: in the full suite the side column once folded its section, and a click needs it shown
        robot.interact(() -> robot.lookup("#playback-play").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.imageFrameProperty().get() != null
                && model.imageFrameProperty().get().t() == 0);
    }

    @Test
    void anExportedDigitUNetSamplesAndShowsItsPredictions(FxRobot robot) throws Exception {
        robot.interact(() -> model.openModel(Fixtures.path(Fixtures.UNET)));
        assertEquals(Fixtures.UNET, model.modelProperty().get().name());
        assertTrue(model.modelProperty().get().model().isImported());
        playToTheEnd(robot);
        assertEquals(28, model.imageFrameProperty().get().detail().x0Hat().width());
        Raster drawn = robot.lookup(".raster-view").queryAllAs(RasterView.class).stream().map(RasterView::getRaster)
                .filter(r -> r != null).findFirst().orElseThrow();
        assertEquals(28, drawn.width(), "the view draws the exported U-Net's samples");
        robot.interact(() -> robot.lookup("#reverse-model-info").queryButton().fire());
        Label schedule = robot.lookup("#reverse-model-info-schedule").queryAs(Label.class);
        assertTrue(schedule.getText().startsWith("linear(T=1000"), schedule.getText());
        robot.interact(() -> ((Stage) schedule.getScene().getWindow()).close());
    }

    @Test
    void aColourUNetIsDrawnInColour(FxRobot robot) throws Exception {
        robot.interact(() -> model.openModel(Fixtures.path(Fixtures.UNET_RGB)));
        playToTheEnd(robot);
        Raster sample = model.imageFrameProperty().get().samples().get(0);
        assertEquals(32, sample.width());
        long colour = java.util.Arrays.stream(sample.argb()).filter(p -> ((p >> 16) & 255) != (p & 255)).count();
        assertTrue(colour > 32 * 32 / 2, "an untrained colour U-Net's samples are mostly not grey: " + colour);
        robot.interact(() -> model.startProperty().set(ReverseViewModel.Start.IMAGE));
        String notice = robot.lookup("#reverse-notice").queryAs(Label.class).getText();
        assertTrue(notice.contains("starting from a digit needs a model of 28×28 grey digits"), notice);
    }

    @Test
    void aRefusedFileLeavesTheModel(FxRobot robot) throws Exception {
        robot.interact(() -> model.openModel(Fixtures.path(Fixtures.UNET)));
        ModelShelf.Entry<DiffusionModel> before = model.modelProperty().get();
        Path wrong = Fixtures.withSidecar(dir, Fixtures.UNET, s -> s.put("prediction", "v"));
        robot.interact(() -> model.openModel(wrong));
        assertSame(before, model.modelProperty().get());
        String notice = robot.lookup("#reverse-notice").queryAs(Label.class).getText();
        assertTrue(notice.contains("the check “Sidecar complete” failed"), notice);
    }
}
