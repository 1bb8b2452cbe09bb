package org.diffusionlab.ui.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.diffusionlab.app.DiffusionLabApp;
import org.diffusionlab.core.io.GifReadBack;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.ui.common.GifSettings;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.Page;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Latent view's "Interpolation as GIF…": the slerp walk from A to B, decoded frame by frame. */
@ExtendWith(ApplicationExtension.class)
class LatentGifExportTest {
    @TempDir
    Path dir;
    private LatentView view;

    @Start
    void start(Stage stage) {
        DiffusionLabApp.loadFonts();
        ModelShelf<Vae> shelf = new ModelShelf<>();
        shelf.put("test z2", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "test"),
                Vae.initial(VaeArchitecture.digits(List.of(64), 2), 3));
        view = new LatentView(new LatentViewModel(new ImmediateWorker(), shelf), new Messages(Locale.ENGLISH));
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @Test
    void theWalkFromAToBBecomesTheFrames(FxRobot robot) throws Exception {
        Page.Animation animation = view.animations().get(0);
        assertEquals("menu.export.gifInterpolation", animation.labelKey());
        Path file = dir.resolve("slerp.gif");
        robot.interact(() -> animation.write().accept(file, new GifSettings(30, 100, true, true)));
        WaitForAsyncUtils.waitForFxEvents();
        GifReadBack gif = GifReadBack.read(file);
        assertEquals(30, gif.frames());
        BufferedImage first = gif.images().get(0);
        BufferedImage last = gif.images().get(29);
        assertEquals(0, first.getWidth() % 28, "a decoded digit scaled by a whole factor: " + first.getWidth());
        assertTrue(first.getWidth() > 28, "at the size the decoded image is shown");
        assertFalse(sameImage(first, last), "A and B decode differently");
    }

    private static boolean sameImage(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int h = a.getHeight();
        return Arrays.equals(a.getRGB(0, 0, w, h, null, 0, w), b.getRGB(0, 0, w, h, null, 0, w));
    }
}
