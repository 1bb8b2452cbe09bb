package org.diffusionlab.ui.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;

import org.diffusionlab.app.DiffusionLabApp;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.imported.Fixtures;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.widget.RasterView;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Latent view opening a VAE exported from PyTorch: it decodes, shows its info and checks, and refuses a bad file. */
@ExtendWith(ApplicationExtension.class)
class LatentImportedModelTest {
    @TempDir
    Path dir;
    private LatentViewModel model;

    @Start
    void start(Stage stage) {
        DiffusionLabApp.loadFonts();
        ModelShelf<Vae> shelf = new ModelShelf<>();   // holding the app's own model, there before any file is opened
        shelf.put("own", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "own"), Vae.initial(VaeArchitecture.digits(List.of(16), 2), 3));
        model = new LatentViewModel(new ImmediateWorker(), shelf);
        LatentView view = new LatentView(model, new Messages(Locale.ENGLISH));
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @Test
    void anExportedVaeDrawsItsDecodingAndItsChecks(FxRobot robot) {
        Raster before = robot.lookup("#latent-decoded").queryAs(RasterView.class).getRaster();
        assertFalse(robot.lookup("#latent-model-info").queryButton().isVisible(), "no info for the app's own model");
        robot.interact(() -> model.openModel(Fixtures.path(Fixtures.VAE)));
        assertEquals(Fixtures.VAE, model.modelProperty().get().name());
        assertEquals(20, model.latent().size());
        Raster after = robot.lookup("#latent-decoded").queryAs(RasterView.class).getRaster();
        assertEquals(28, after.width());
        assertNotEquals(Arrays.hashCode(before.argb()), Arrays.hashCode(after.argb()), "the exported decoder drew z = 0");

        assertTrue(robot.lookup("#latent-model-info").queryButton().isVisible());
        robot.clickOn("#latent-model-info");
        assertEquals("VAE (encoder and decoder)", robot.lookup("#latent-model-info-kind").queryAs(Label.class).getText());
        assertEquals("652,824", robot.lookup("#latent-model-info-parameters").queryAs(Label.class).getText());
        Label vector = robot.lookup("#latent-model-info-check-test-vector").queryAs(Label.class);
        assertTrue(vector.getText().startsWith("✓ Reproduces the outputs PyTorch stored"), vector.getText());
        assertEquals(10, robot.lookup(".check-passed").queryAll().size());
        robot.interact(() -> ((Stage) vector.getScene().getWindow()).close());
    }

    /** As checked by hand in a window: z₂₀ chosen on the 20-latent VAE, then back to a 2-latent one. */
    @Test
    void theDimensionBoxesOfferZ1ToZ20ForTheExportedVaeAndValidOnesAfterSwitchingBack(FxRobot robot) {
        robot.interact(() -> model.openModel(Fixtures.path(Fixtures.VAE)));
        ComboBox<?> x = robot.lookup("#latent-x-dimension").queryComboBox();
        ComboBox<?> y = robot.lookup("#latent-y-dimension").queryComboBox();
        assertEquals(20, x.getItems().size());
        assertEquals(20, y.getItems().size());
        assertEquals(List.of("z₁", "z₂"), List.of(buttonText(robot, x), buttonText(robot, y)));
        robot.interact(() -> x.getSelectionModel().selectLast());
        assertEquals(19, model.xDimensionProperty().get());
        assertEquals("z₂₀", buttonText(robot, x));

        robot.interact(() -> model.modelProperty().set(model.models().get(0)));   // the app's own, 2 latents
        assertEquals(2, x.getItems().size());
        assertEquals(0, model.xDimensionProperty().get());
        assertEquals(1, model.yDimensionProperty().get());
        assertEquals(List.of("z₁", "z₂"), List.of(buttonText(robot, x), buttonText(robot, y)));
    }

    private static String buttonText(FxRobot robot, ComboBox<?> box) {
        return robot.lookup("#" + box.getId() + " .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getParent() == box).findFirst().orElseThrow().getText();   // the box's button, not its list
    }

    @Test
    void aDecoderAloneDrawsItsDecodingAndTurnsDrawToEncodeOffSayingWhy(FxRobot robot) {
        Raster before = robot.lookup("#latent-decoded").queryAs(RasterView.class).getRaster();
        Label noEncoder = robot.lookup("#latent-no-encoder").queryAs(Label.class);
        assertFalse(noEncoder.isVisible(), "the app's own VAE has an encoder");
        assertFalse(robot.lookup("#latent-encode").queryButton().isDisabled());

        robot.interact(() -> model.openModel(Fixtures.path(Fixtures.VAE_DECODER)));
        assertEquals(Fixtures.VAE_DECODER, model.modelProperty().get().name());
        assertEquals(2, model.latent().size());
        Raster after = robot.lookup("#latent-decoded").queryAs(RasterView.class).getRaster();
        assertEquals(28, after.width());
        assertNotEquals(Arrays.hashCode(before.argb()), Arrays.hashCode(after.argb()), "the exported decoder drew z = 0");
        assertNotNull(model.manifoldProperty().get(), "the map is decoded too");
        assertNotNull(model.interpolationProperty().get(), "interpolation between two prior draws");

        for (String id : List.of("#latent-drawing", "#latent-encode", "#latent-from-drawing", "#latent-to-drawing",
                "#latent-show-scatter")) {
            assertTrue(robot.lookup(id).query().isDisabled(), id + " needs an encoder");
        }
        assertTrue(robot.lookup(".hint").queryAll().stream().map(n -> n instanceof Label l ? l.getText() : "").anyMatch(
                new Messages(Locale.ENGLISH).get("latent.map.hintNoEncoder")::equals), "the map's hint promises no digits");
        assertTrue(noEncoder.isVisible());
        assertFalse(robot.lookup("#latent-posterior-numbers").query().isVisible(), "no hint to draw and press Encode");
        assertEquals(new Messages(Locale.ENGLISH).get("latent.encodeNeedsEncoder"), noEncoder.getText());
        assertTrue(noEncoder.getText().contains("no encoder"), noEncoder.getText());
        String vietnamese = new Messages(Messages.VIETNAMESE).get("latent.encodeNeedsEncoder");
        assertTrue(vietnamese.contains("không có bộ mã hoá"), vietnamese);
        robot.drag("#latent-drawing").moveBy(30, 30).drop();   // the pad takes no stroke, so nothing is encoded
        assertNull(model.posteriorProperty().get());

        robot.clickOn("#latent-model-info");
        Label kind = robot.lookup("#latent-model-info-kind").queryAs(Label.class);
        assertEquals("VAE decoder alone", kind.getText());
        assertEquals("51,152", robot.lookup("#latent-model-info-parameters").queryAs(Label.class).getText());
        assertEquals(10, robot.lookup(".check-passed").queryAll().size());
        robot.interact(() -> ((Stage) kind.getScene().getWindow()).close());

        robot.interact(() -> model.modelProperty().set(model.models().get(0)));   // back to the app's own: drawing is on again
        assertFalse(noEncoder.isVisible());
        assertTrue(robot.lookup("#latent-posterior-numbers").query().isVisible());
        assertFalse(robot.lookup("#latent-encode").queryButton().isDisabled());
        assertFalse(robot.lookup("#latent-drawing").query().isDisabled());
        assertFalse(robot.lookup("#latent-show-scatter").query().isDisabled());
    }

    @Test
    void aRefusedFileLeavesTheModelAndSaysWhichCheckFailed(FxRobot robot) throws Exception {
        ModelShelf.Entry<Vae> before = model.modelProperty().get();
        Path frozen = Fixtures.decoder(dir, "Sigmoid", 3);
        robot.interact(() -> model.openModel(frozen));
        assertSame(before, model.modelProperty().get());
        String notice = robot.lookup("#latent-notice").queryAs(Label.class).getText();
        assertTrue(notice.contains("the check “Batch dimension is free” failed"), notice);
        assertTrue(notice.contains("batch size is frozen"), notice);
    }
}
