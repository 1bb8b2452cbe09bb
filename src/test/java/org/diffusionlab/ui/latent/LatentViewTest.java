package org.diffusionlab.ui.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.diffusionlab.app.DiffusionLabApp;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.data.MnistStyle;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.io.ModelArchive;
import org.diffusionlab.core.io.NpyArray;
import org.diffusionlab.core.vae.MlpVae;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.core.vae.VaeTrainingConfig;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.RasterView;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the Latent view with a small VAE (random weights: the view's wiring, not the model's quality, is tested). */
@ExtendWith(ApplicationExtension.class)
class LatentViewTest {
    private LatentViewModel model;
    private LatentView view;
    private Vae vae;
    private final ModelShelf<Vae> shelf = new ModelShelf<>();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        DiffusionLabApp.loadFonts();
        vae = Vae.initial(VaeArchitecture.digits(List.of(64), 2), 3);
        shelf.put("test z2", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "test"), vae);
        model = new LatentViewModel(new ImmediateWorker(), shelf);
        view = new LatentView(model, new Messages(Locale.ENGLISH));
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    private Raster direct(float[] z) {
        return Raster.of(vae.decode(z), 28, 28, 1, 0f, 1f);
    }

    private Raster shown(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(RasterView.class).getRaster();
    }

    @Test
    void theDimensionBoxesKeepShowingTheirDimensionsAfterAModelSwitch(FxRobot robot) {
        Vae wider = Vae.initial(VaeArchitecture.digits(List.of(32), 4), 5);
        robot.interact(() -> model.modelProperty().set(shelf.put("test z4", ModelShelf.Origin.TRAINED,
                Localized.of("message.plain", "test"), wider)));
        robot.interact(() -> model.modelProperty().set(shelf.entries().get(0)));
        robot.interact(() -> model.modelProperty().set(shelf.entries().get(1)));
        for (String id : List.of("#latent-x-dimension", "#latent-y-dimension")) {
            javafx.scene.control.ComboBox<?> box = robot.lookup(id).queryAs(javafx.scene.control.ComboBox.class);
            assertNotNull(box.getValue(), id + " has a value");
            javafx.scene.control.ListCell<?> cell = robot.lookup(id + " .list-cell").queryAllAs(javafx.scene.control.ListCell.class)
                    .stream().filter(c -> c.getParent() == box).findFirst().orElseThrow(); // the box's button, not its list
            assertTrue(cell.getText() != null && cell.getText().startsWith("z"), id + " shows " + cell.getText());
        }
        assertEquals(4, robot.lookup("#latent-x-dimension").queryAs(javafx.scene.control.ComboBox.class).getItems().size());
    }

    @Test
    void movingASliderRedrawsWhatTheDecoderGivesForThatZ(FxRobot robot) {
        Raster before = shown(robot, "#latent-decoded");
        Slider slider = robot.lookup("#latent-slider-1").queryAs(Slider.class);
        robot.drag(slider, MouseButton.PRIMARY).moveBy(slider.getWidth() / 3, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        float[] z = model.z();
        assertTrue(z[0] > 0.5, "the slider moved z₁: " + z[0]);
        Raster after = shown(robot, "#latent-decoded");
        assertNotEquals(Arrays.toString(before.argb()), Arrays.toString(after.argb()));
        assertArrayEquals(direct(z).argb(), after.argb(), "pixel for pixel what the decoder gives");
    }

    @Test
    void clickingTheMapDecodesTheClickedPoint(FxRobot robot) {
        LatentMapView map = view.map();
        Point2D target = map.localToScreen(map.toCanvasX(1.0), map.toCanvasY(-2.0));
        robot.clickOn(target, MouseButton.PRIMARY);
        float[] z = model.z();
        double tolerance = 2 * LatentMapView.EXTENT / map.getWidth() * 2;
        assertEquals(1.0, z[0], tolerance);
        assertEquals(-2.0, z[1], tolerance);
        assertArrayEquals(direct(z).argb(), shown(robot, "#latent-decoded").argb());
        Slider slider = robot.lookup("#latent-slider-2").queryAs(Slider.class);
        assertEquals(z[1], slider.getValue(), 1e-6, "the sliders follow the map");
    }

    @Test
    void interpolationEndsAreTheTwoReconstructions(FxRobot robot) throws Exception {
        robot.lookup("#latent-tabs").queryAs(TabPane.class);
        robot.clickOn("Interpolate");
        robot.interact(() -> {
            model.interpolationFromProperty().set(3);
            model.interpolationToProperty().set(10);
        });
        Digits digits = Digits.bundled();
        float[][] reconstructions = vae.reconstruct(new float[][] {digits.pixels(digits.heldOutStart() + 3),
                digits.pixels(digits.heldOutStart() + 10)});
        LatentViewModel.Interpolation path = model.interpolationProperty().get();
        for (List<Raster> row : List.of(path.linear(), path.spherical())) {
            assertEquals(8, row.size());
            assertArrayEquals(Raster.of(reconstructions[0], 28, 28, 1, 0f, 1f).argb(), row.get(0).argb());
            assertArrayEquals(Raster.of(reconstructions[1], 28, 28, 1, 0f, 1f).argb(), row.get(7).argb());
        }
    }

    @Test
    void aRebuiltViewInVietnameseKeepsTheDrawingAndItsEncodingTogether(FxRobot robot) {
        var pad = robot.lookup("#latent-drawing").query();
        robot.drag(pad, MouseButton.PRIMARY).moveBy(0, 40).moveBy(10, 20).drop();
        robot.clickOn("#latent-encode");
        float[] drawn = view.encodePanel().pad().pixels();
        LatentViewModel.Posterior q = model.posteriorProperty().get();
        robot.interact(() -> {
            view = new LatentView(model, new Messages(Messages.VIETNAMESE)); // what a language switch does
            pad.getScene().setRoot(view);
        });
        assertArrayEquals(drawn, view.encodePanel().pad().pixels(), "the same drawing");
        assertSame(q, model.posteriorProperty().get(), "next to the same encoding");
        String numbers = robot.lookup("#latent-posterior-numbers").queryAs(Label.class).getText();
        assertTrue(numbers.startsWith("z₁ = ") && numbers.contains(","), "shown in Vietnamese numbers: " + numbers);
    }

    @Test
    void aDrawnStrokeThenEncodeShowsThePosterior(FxRobot robot) {
        var pad = robot.lookup("#latent-drawing").query();
        assertFalse(robot.lookup("#latent-input").query().getParent().isVisible(), "no caption over an empty picture");
        robot.drag(pad, MouseButton.PRIMARY).moveBy(0, 40).moveBy(10, 20).drop();
        robot.clickOn("#latent-encode");
        LatentViewModel.Posterior q = model.posteriorProperty().get();
        assertNotNull(q);
        assertTrue(robot.lookup("#latent-input").query().getParent().isVisible(), "the encoded picture, captioned");
        float[][] expected = vae.encode(new float[][] {MnistStyle.normalize(view.encodePanel().pad().pixels(), 28, 28)}).mean();
        assertArrayEquals(expected[0], q.mean(), 1e-5f);
        assertTrue(q.sigma()[0] > 0);
        for (int k = 0; k < q.z().length; k++) {
            assertEquals(q.mean()[k] + q.sigma()[k] * q.epsilon()[k], q.z()[k], 1e-5, "z = μ + σ ⊙ ε");
        }
        assertTrue(robot.lookup("#latent-posterior-numbers").queryAs(Label.class).getText().startsWith("z₁ = "));
        float[] firstEpsilon = q.epsilon();
        robot.clickOn("#latent-resample");
        assertArrayEquals(q.mean(), model.posteriorProperty().get().mean(), "the same q(z|x)");
        assertNotEquals(firstEpsilon[0], model.posteriorProperty().get().epsilon()[0], "a new ε");
    }

    @Test
    void theDrawingCanBeAnInterpolationEnd(FxRobot robot) {
        var pad = robot.lookup("#latent-drawing").query();
        robot.drag(pad, MouseButton.PRIMARY).moveBy(30, 10).moveBy(-10, 50).drop();
        robot.clickOn("#latent-encode");
        robot.clickOn("Interpolate");
        robot.clickOn("#latent-to-drawing");
        LatentViewModel.Interpolation path = model.interpolationProperty().get();
        assertTrue(path.toDrawing());
        float[][] drawn = vae.reconstruct(new float[][] {MnistStyle.normalize(view.encodePanel().pad().pixels(), 28, 28)});
        assertArrayEquals(Raster.of(drawn[0], 28, 28, 1, 0f, 1f).argb(), path.linear().get(path.linear().size() - 1).argb(),
                "B is the drawing's reconstruction");
    }

    @Test
    void aModelThatIsNotAVaeShowsTheMessageAndTheCurrentOneStays(FxRobot robot) throws Exception {
        var before = model.modelProperty().get();
        Path ddpm = dir.resolve("ddpm.zip");
        new ModelArchive("ddpm.zip", ModelArchive.newManifest("ddpm"), Map.of("w", new NpyArray(new long[] {1}, new float[1])))
                .write(ddpm);
        robot.interact(() -> model.openModel(ddpm));
        Label notice = robot.lookup("#latent-notice").queryAs(Label.class);
        assertTrue(notice.getText().contains("'ddpm' model, not a 'vae'"), notice.getText());
        assertSame(before, model.modelProperty().get());

        Path small = dir.resolve("small.zip");
        MlpVae fourteen = Vae.initial(new VaeArchitecture(14, 14, List.of(16), 2), 1);
        VaeTrainingConfig config = new VaeTrainingConfig(fourteen.architecture(), 1, 1e-3, 16, 1, 1);
        VaeFile.write(small, fourteen, new VaeFile.Training(config, "test", "test", "test", 0, null));
        robot.interact(() -> model.openModel(small));
        assertTrue(notice.getText().contains("14×14"), notice.getText());
        assertSame(before, model.modelProperty().get());
    }

    @Test
    void theMapsTipStatesTheLatentPointUnderTheMouse(FxRobot robot) {
        LatentMapView map = view.map();
        float[] before = model.z();
        // a whole screen pixel near z = (1.5, −0.75), where the mouse lands exactly
        Point2D near = map.localToScreen(map.toCanvasX(1.5), map.toCanvasY(-0.75));
        Point2D screen = new Point2D(Math.round(near.getX()), Math.round(near.getY()));
        robot.moveTo(screen);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D local = map.screenToLocal(screen);
        Numbers numbers = Numbers.of(Locale.ENGLISH);
        String expected = "Under the mouse: the latent point z₁ = " + numbers.fixed(map.toLatentX(local.getX()), 2) + ", z₂ = "
                + numbers.fixed(map.toLatentY(local.getY()), 2);
        String tip = Tip.installed(map).text();
        assertTrue(tip.startsWith(new Messages(Locale.ENGLISH).get("tip.latent.map")), tip);
        assertTrue(tip.contains(expected), expected + " in " + tip);
        assertEquals(1.5, map.toLatentX(local.getX()), 0.02);
        assertArrayEquals(before, model.z(), "moving the mouse only reads: nothing is decoded");
    }

    @Test
    void thePadsTipStatesTheInkUnderTheMouseInTheReadersNumbers(FxRobot robot) {
        robot.interact(() -> {
            LatentView vietnamese = new LatentView(model, new Messages(Messages.VIETNAMESE));
            view.getScene().setRoot(vietnamese);
            view = vietnamese;
        });
        var pad = view.encodePanel().pad();
        robot.drag(pad, MouseButton.PRIMARY).moveBy(0, 40).moveBy(10, 20).drop();
        float[] ink = pad.pixels();
        int chosen = -1;
        for (int i = 0; i < ink.length && chosen < 0; i++) {
            if (ink[i] > 0.2 && ink[i] < 0.8) {
                chosen = i; // a soft edge of the stroke: a value with decimals
            }
        }
        assertTrue(chosen >= 0, "the brush leaves soft edges");
        int column = chosen % 28;
        int row = chosen / 28;
        double side = Math.min(pad.getWidth(), pad.getHeight());
        double cell = side / 28;
        robot.moveTo(pad.localToScreen((pad.getWidth() - side) / 2 + (column + 0.5) * cell,
                (pad.getHeight() - side) / 2 + (row + 0.5) * cell));
        WaitForAsyncUtils.waitForFxEvents();
        String tip = Tip.installed(pad).text();
        String expected = "Dưới con trỏ chuột: điểm ảnh (cột " + (column + 1) + ", hàng " + (row + 1) + "): mực "
                + Numbers.of(Messages.VIETNAMESE).fixed(ink[chosen], 2);
        assertTrue(expected.contains(","), "a decimal comma: " + expected);
        assertTrue(tip.contains(expected), expected + " in " + tip);
    }
}
