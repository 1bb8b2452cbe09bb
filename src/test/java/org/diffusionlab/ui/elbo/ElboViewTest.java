package org.diffusionlab.ui.elbo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import com.fasterxml.jackson.databind.JsonNode;

import org.diffusionlab.app.Cli;
import org.diffusionlab.app.DiffusionLabApp;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.elbo.ElboKeys;
import org.diffusionlab.core.imported.Fixtures;
import org.diffusionlab.core.imported.ImportedModel;
import org.diffusionlab.core.io.Json;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the ELBO view with the bundled models (the real-VAE and diffusion panels need trained weights). */
@ExtendWith(ApplicationExtension.class)
class ElboViewTest {
    private final Messages messages = new Messages(Locale.ENGLISH);
    private final ModelShelf<Vae> vaes = new ModelShelf<>();
    private final ModelShelf<DiffusionModel> diffusions = new ModelShelf<>();
    private ElboViewModel model;
    private ElboView view;
    private RealModelsViewModel real;

    @Start
    void start(Stage stage) throws Exception {
        DiffusionLabApp.loadFonts();
        vaes.put("vae-mnist-z2.zip", ModelShelf.Origin.BUNDLED, Localized.of("message.plain", "z2"),
                VaeFile.read(Path.of("models/vae-mnist-z2.zip")).vae());
        model = new ElboViewModel();
        ImmediateWorker worker = new ImmediateWorker();
        real = new RealModelsViewModel(worker, vaes, diffusions);
        view = new ElboView(model, new JensenViewModel(worker, model), real, messages);
        stage.setScene(new Scene(view, 1280, 720));
        stage.show();
    }

    /** The number after "= " in a line the bar draws. */
    private static double number(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf("= ") + 2).replace('−', '-'));
    }

    @Test
    void movingQsSliderChangesElboAndKlWhileTheirSumStaysLogEvidence(FxRobot robot) {
        String[] before = view.exact().bar().lines();
        Slider slider = robot.lookup("#elbo-m").queryAs(Slider.class);
        robot.drag(slider, MouseButton.PRIMARY).moveBy(slider.getWidth() / 4, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        String[] after = view.exact().bar().lines();
        assertEquals(before[0], after[0], "log p(x) does not move with q");
        assertNotEquals(before[1], after[1], "the ELBO moved");
        assertNotEquals(before[2], after[2], "the KL moved");
        for (String[] lines : new String[][] {before, after}) {
            // six significant digits each (e.g. −10.1785 and 8.38435): the shown sum agrees within their rounding
            assertEquals(number(lines[0]), number(lines[1]) + number(lines[2]), 1e-4, String.join(" | ", lines));
        }
    }

    @Test
    void theFormulasCarryTheLiveNumbersAndAreTypesetAgainWhenQMoves(FxRobot robot) throws Exception {
        Formula identity = view.exact().liveFormulas().get(0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, identity::isTypeset);
        String before = identity.tex();
        var image = identity.getImage();
        Slider slider = robot.lookup("#elbo-sigma-q").queryAs(Slider.class);
        robot.drag(slider, MouseButton.PRIMARY).moveBy(slider.getWidth() / 5, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        var parts = model.partsProperty().get();
        for (Formula formula : view.exact().liveFormulas()) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, formula::isTypeset);
        }
        String after = identity.tex();
        assertNotEquals(before, after);
        assertNotEquals(image, identity.getImage(), "typeset again");
        for (double value : new double[] {parts.logEvidence(), parts.elbo(), parts.posteriorKl()}) {
            assertTrue(after.contains(Figures.texSix(messages, value)), Figures.texSix(messages, value) + " in " + after);
        }
        String gaussian = view.exact().liveFormulas().get(2).tex();
        assertTrue(gaussian.contains(Figures.texSix(messages, parts.priorKl())), gaussian);
        assertTrue(gaussian.contains(Figures.tex(messages, model.sigmaQProperty().get(), 3) + "^2"), gaussian);
    }

    @Test
    void aDrawingOnTheRealVaePanelIsWhatTheVaeIsGiven(FxRobot robot) throws Exception {
        robot.clickOn("#elbo-tab-vae");
        robot.clickOn("#elbo-input-drawing");
        var pad = view.posterior().input().pad();
        robot.drag(pad, MouseButton.PRIMARY).moveBy(0, 40).moveBy(25, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        RealModelsViewModel.Input input = real.inputProperty().get();
        assertEquals(RealModelsViewModel.Source.DRAWING, input.source());
        assertTrue(java.util.Arrays.equals(pad.pixels(), input.pixels()));
        assertTrue(view.posterior().plot().hasHeatMap());
        var report = real.reportProperty().get();
        var expected = org.diffusionlab.core.elbo.VaeElboReport.compute(vaes.entries().get(0).model(), input.pixels(),
                RealModelsViewModel.K, RealModelsViewModel.SEED, org.diffusionlab.core.elbo.VaeElboReport.GRID_SIZE,
                org.diffusionlab.core.elbo.VaeElboReport.REFINEMENTS, () -> false);
        assertEquals(expected.gridLogEvidence(), report.gridLogEvidence(), 1e-9);
        assertTrue(view.posterior().figuresText().contains(Figures.six(messages, expected.gridLogEvidence())));
        robot.clickOn("#elbo-input-digit");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RealModelsViewModel.Source.DIGIT, real.inputProperty().get().source());
    }

    @Test
    void fitQDrivesTheKlBelowOneThousandth(FxRobot robot) throws Exception {
        robot.clickOn("#elbo-fit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.fittingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.partsProperty().get().posteriorKl() < 1e-3);
        assertTrue(number(view.exact().bar().lines()[2]) < 1e-3, view.exact().bar().lines()[2]);
        assertTrue(model.fitPathProperty().get().size() > 5, "the path is kept");
    }

    @Test
    void theRealVaePanelDrawsTheHeatMapWithTheFiguresOfTheElboCommand(FxRobot robot) throws Exception {
        robot.clickOn("#elbo-tab-vae");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.posterior().plot().hasHeatMap());
        String shown = view.posterior().figuresText();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true));
        try {
            assertEquals(0, Cli.execute("elbo", "--model", "models/vae-mnist-z2.zip", "--image", "digit:9003", "--k", "5000",
                    "--seed", "1"));
        } finally {
            System.setOut(original);
        }
        JsonNode line = Json.MAPPER.readTree(out.toString().trim());
        for (String key : new String[] {ElboKeys.ELBO, ElboKeys.IWAE, ElboKeys.GRID_LOG_EVIDENCE, ElboKeys.POSTERIOR_KL}) {
            String figure = Figures.six(messages, line.get(key).asDouble());
            assertTrue(shown.contains("= " + figure + " "), key + " = " + figure + " not in: " + shown);
        }
        assertFalse(robot.lookup("#elbo-verdict").queryLabeled().getText().isEmpty());
    }

    @Test
    void theRealVaePanelRefusesADecoderAloneSayingItNeedsAnEncoder(FxRobot robot) throws Exception {
        Vae decoder = ImportedModel.open(Fixtures.path(Fixtures.VAE_DECODER)).vae();
        robot.interact(() -> vaes.put(Fixtures.VAE_DECODER, ModelShelf.Origin.FILE, Localized.of("message.plain", "decoder"), decoder));
        robot.clickOn("#elbo-tab-vae");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.posterior().plot().hasHeatMap(), "the bundled VAE first");
        ComboBox<?> chooser = robot.lookup("#elbo-vae-model").queryComboBox();
        robot.interact(() -> chooser.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(decoder, real.vaeProperty().get().model());
        Labeled notice = robot.lookup("#elbo-vae-notice").queryLabeled();
        assertTrue(notice.isVisible());
        assertTrue(notice.getStyleClass().contains("notice-error"), notice.getStyleClass().toString());
        assertEquals(messages.format("elbo.vae.noEncoder", Fixtures.VAE_DECODER), notice.getText());
        assertTrue(notice.getText().contains("needs its encoder q(z|x)"), notice.getText());
        assertNull(real.reportProperty().get());
        assertFalse(real.vaeBusyProperty().get(), "nothing is computed");
        assertFalse(view.posterior().plot().hasHeatMap(), "the bundled VAE's heat map is not left beside the refusal");
        double[] area = view.posterior().plot().area();
        assertArrayEquals(new double[] {-2.5, -2.5}, view.posterior().plot().latentAt(area[0], area[1] + area[2]), 1e-9,
                "the axes are the prior's square again, not the bundled VAE's posterior");
        assertEquals("", view.posterior().figuresText());
        assertEquals("", robot.lookup("#elbo-verdict").queryLabeled().getText());
        String vietnamese = new Messages(Messages.VIETNAMESE).format("elbo.vae.noEncoder", Fixtures.VAE_DECODER);
        assertTrue(vietnamese.contains("cần bộ mã hoá q(z|x)"), vietnamese);

        robot.interact(() -> chooser.getSelectionModel().select(0));   // a VAE with an encoder: computed again
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.posterior().plot().hasHeatMap());
        assertFalse(view.posterior().figuresText().isEmpty());
        assertTrue(notice.getText().isEmpty(), notice.getText());
    }

    @Test
    void theDiffusionPanelDrawsLtForTheBundledModel(FxRobot robot) throws Exception {
        DiffusionModel ddpm = DiffusionModel.read(Path.of("models/ddpm-mnist.zip"));
        robot.interact(() -> diffusions.put("ddpm-mnist.zip", ModelShelf.Origin.BUNDLED, Localized.of("message.plain", ""),
                ddpm));
        robot.clickOn("#elbo-tab-diffusion");
        robot.clickOn("#elbo-chain-compute");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ddpm.schedule().steps() - 1, view.chain().plottedTerms());
        assertTrue(robot.lookup("#elbo-chain-figures").queryLabeled().getText().contains("bits/dim"));
    }

    @Test
    void theHeatMapsTipStatesTheCellUnderTheMouse(FxRobot robot) {
        robot.clickOn("#elbo-tab-vae");
        WaitForAsyncUtils.waitForFxEvents();
        PosteriorPlot plot = view.posterior().plot();
        assertTrue(plot.hasHeatMap());
        var grid = plot.grid();
        int peak = 0;
        for (int cell = 1; cell < grid.logJoint().length; cell++) {
            peak = grid.logJoint()[cell] > grid.logJoint()[peak] ? cell : peak;
        }
        int row = peak / grid.n();
        int column = peak % grid.n();
        double[] area = plot.area();
        double[] z = grid.centre(row, column);
        // the cell as the plot paints it, and a whole screen pixel inside it where the mouse lands exactly
        double left = plot.screenX(z[0] - grid.cellWidth() / 2, area);
        double right = plot.screenX(z[0] + grid.cellWidth() / 2, area);
        double top = plot.screenY(z[1] + grid.cellHeight() / 2, area);
        double bottom = plot.screenY(z[1] - grid.cellHeight() / 2, area);
        Point2D near = plot.localToScreen((left + right) / 2, (top + bottom) / 2);
        Point2D screen = new Point2D(Math.round(near.getX()), Math.round(near.getY()));
        Point2D local = plot.screenToLocal(screen);
        assertTrue(local.getX() > left && local.getX() < right && local.getY() > top && local.getY() < bottom,
                "the pixel lies in the cell " + left + "–" + right + " × " + top + "–" + bottom + ": " + local);
        robot.moveTo(screen);
        WaitForAsyncUtils.waitForFxEvents();
        Numbers numbers = Numbers.of(Locale.ENGLISH);
        String expected = "Under the mouse: the cell at z₁ = " + numbers.fixed(z[0], 3) + ", z₂ = " + numbers.fixed(z[1], 3)
                + ": p(z | x) = " + numbers.significant(Math.exp(grid.logJoint()[peak] - grid.logEvidence()), 3)
                + ", log p(x, z) = " + numbers.fixed(grid.logJoint()[peak], 2) + " nats";
        String tip = Tip.installed(plot).text();
        assertTrue(tip.startsWith(messages.get("tip.elbo.posteriorPlot")), tip);
        assertTrue(tip.contains(expected), expected + " in " + tip);
    }

    @Test
    void theDrawingPadsTipStatesTheInkUnderTheMouse(FxRobot robot) {
        robot.clickOn("#elbo-tab-vae");
        robot.clickOn("#elbo-input-drawing");
        var pad = view.posterior().input().pad();
        robot.drag(pad, MouseButton.PRIMARY).moveBy(0, 40).drop();
        float[] ink = pad.pixels();
        int chosen = 0;
        for (int i = 1; i < ink.length; i++) {
            chosen = ink[i] > ink[chosen] ? i : chosen;
        }
        double side = Math.min(pad.getWidth(), pad.getHeight());
        double cell = side / 28;
        robot.moveTo(pad.localToScreen((pad.getWidth() - side) / 2 + (chosen % 28 + 0.5) * cell,
                (pad.getHeight() - side) / 2 + (chosen / 28 + 0.5) * cell));
        WaitForAsyncUtils.waitForFxEvents();
        String tip = Tip.installed(pad).text();
        String expected = "Under the mouse: pixel (column " + (chosen % 28 + 1) + ", row " + (chosen / 28 + 1) + "): ink "
                + Numbers.of(Locale.ENGLISH).fixed(ink[chosen], 2);
        assertTrue(tip.contains(expected), expected + " in " + tip);
    }

    @Test
    void theChordPlotExplainsJensensGapAndStatesIt(FxRobot robot) {
        robot.clickOn("#elbo-tab-jensen");
        WaitForAsyncUtils.waitForFxEvents();
        Tip tip = Tip.installed(robot.lookup("#elbo-chord-plot").query());
        assertEquals("elbo.chordPlot", tip.name());
        assertEquals(Equations.CHORD, tip.tex());
        assertTrue(tip.text().startsWith(messages.get("tip.elbo.chordPlot")), tip.text());
        assertTrue(tip.text().contains("Now: log(mean w) − mean(log w) = "), tip.text());
    }
}
