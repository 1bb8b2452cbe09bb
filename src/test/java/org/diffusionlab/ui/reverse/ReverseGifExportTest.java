package org.diffusionlab.ui.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.diffusionlab.app.DiffusionLabApp;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.io.GifReadBack;
import org.diffusionlab.ui.common.GifSettings;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.Page;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Reverse view's "Chain as GIF…": the chain runs again and its steps become the frames. */
@ExtendWith(ApplicationExtension.class)
class ReverseGifExportTest {
    @TempDir
    Path dir;
    private ReverseViewModel model;
    private ReverseView view;
    private final ModelShelf<DiffusionModel> shelf = TinyModels.shelf();

    @Start
    void start(Stage stage) {
        DiffusionLabApp.loadFonts();
        model = new ReverseViewModel(new ImmediateWorker(), shelf);
        model.samplerProperty().set(ReverseViewModel.SamplerKind.DDPM);
        view = new ReverseView(model, new Messages(Locale.ENGLISH));
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    private void export(FxRobot robot, Path file, GifSettings settings) {
        Page.Animation animation = view.animations().get(0);
        assertEquals("menu.export.gif", animation.labelKey());
        robot.interact(() -> animation.write().accept(file, settings));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aDdpmChainOfTwentyStepsGivesTwentyOneFramesOfTheDigitGridAtDisplaySize(FxRobot robot) throws Exception {
        Path file = dir.resolve("reverse.gif");
        export(robot, file, new GifSettings(50, 60, true, true));
        GifReadBack gif = GifReadBack.read(file);
        assertEquals(21, gif.frames(), "x_T and the state after each of the 20 steps: fewer than the 50 asked for");
        assertTrue(gif.delaysCentiseconds().stream().allMatch(d -> d == 6));
        int grid = 4 * (28 + 2) + 2;
        int width = gif.images().get(0).getWidth();
        assertEquals(0, width % grid, "the 4×4 grid scaled by a whole factor: " + width);
        assertTrue(width >= 2 * grid, "at about the size the view shows each digit: " + width);
    }

    @Test
    void ddimFramesAreSpreadOverItsSteps(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.samplerProperty().set(ReverseViewModel.SamplerKind.DDIM);
            model.ddimStepsProperty().set(10);
        });
        Path file = dir.resolve("ddim.gif");
        export(robot, file, new GifSettings(6, 100, false, false));
        assertEquals(6, GifReadBack.read(file).frames());
    }

    @Test
    void aTwoDimensionalModelExportsItsPointsAsAScatter(FxRobot robot) throws Exception {
        robot.interact(() -> model.modelProperty().set(shelf.entries().get(1)));
        WaitForAsyncUtils.waitForFxEvents();
        Path file = dir.resolve("moons.gif");
        export(robot, file, new GifSettings(20, 80, true, false));
        GifReadBack gif = GifReadBack.read(file);
        assertEquals(20, gif.frames());
        assertEquals(480, gif.images().get(0).getWidth());
    }
}
