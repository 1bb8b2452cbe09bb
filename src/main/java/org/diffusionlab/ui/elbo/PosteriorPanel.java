package org.diffusionlab.ui.elbo;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.elbo.DiagonalGaussian;
import org.diffusionlab.core.elbo.VaeElboReport;
import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.chart.Charts;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.Controls;
import org.diffusionlab.ui.common.widget.NoticeLabel;

/**
 * Panel 3: a trained VAE and one held-out digit: p(z|x) ∝ p(x|z) p(z) on a refined grid as a heat map with
 * q(z|x)'s ellipses, the ELBO, IWAE-5000 ± SE, grid log p(x), and the verdict "q misses X nats".
 */
final class PosteriorPanel extends BorderPane {
    private final Messages messages;
    private final PosteriorPlot plot = new PosteriorPlot();
    private final Label figures = new Label();
    private final Label verdict = new Label();
    private final Label timing = new Label();
    private final Equations equations;
    private final Formula grid = new Formula("elbo-grid-tex");
    private final Formula split = new Formula("elbo-vae-split-tex");
    private final InputChooser input;

    PosteriorPanel(RealModelsViewModel model, Messages messages) {
        this.messages = messages;
        this.equations = new Equations(messages);
        setId("elbo-real-vae");
        ComboBox<?> vaes = chooser(model);
        GridPane form = Controls.form();
        form.addRow(0, new Label(messages.get("elbo.model")), vaes);
        input = new InputChooser("elbo", model, messages);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(28, 28);
        busy.visibleProperty().bind(model.vaeBusyProperty());
        busy.managedProperty().bind(model.vaeBusyProperty());
        figures.setId("elbo-vae-figures");
        figures.setWrapText(true);
        verdict.setId("elbo-verdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("section-title");
        Label hint = new Label(messages.get("elbo.vae.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        timing.setId("elbo-vae-timing");
        timing.getStyleClass().add("hint");
        timing.setWrapText(true);
        VBox controls = new VBox(10, Controls.section(messages.get("elbo.section.vae"), form, input),
                new NoticeLabel("elbo-vae-notice", model.noticeProperty(), messages), busy, verdict);
        controls.setPadding(new Insets(10));
        controls.setPrefWidth(360);
        Tip.of(messages, "elbo.vaeModel").on(vaes);
        Tip.of(messages, "elbo.vaeFigures").tex(Equations.GRID).on(figures);
        Tip.of(messages, "elbo.verdict").on(verdict);
        setLeft(Side.of(controls));
        VBox formulas = new VBox(6, split, grid, new Formula("elbo-reparameterise-tex", Equations.REPARAMETERISE));
        plot.setId("elbo-posterior-plot");
        Tip.of(messages, "elbo.posteriorPlot").tex(Equations.POSTERIOR).hover((x, y) -> plot.cellUnderMouse(messages, x, y)).on(plot);
        // the figures beside the square plot, in the room its shape leaves: the side column keeps the input, so a
        // drawing's longer results never push the controls out of reach
        VBox results = new VBox(10, figures, timing, hint);
        results.setId("elbo-vae-results");
        results.setPrefWidth(320 * Charts.fontScale());
        results.setMinWidth(240);
        for (Label text : new Label[] {figures, timing, hint}) {
            text.setMinHeight(Region.USE_PREF_SIZE);
        }
        HBox below = new HBox(12, plot, results);
        HBox.setHgrow(plot, Priority.ALWAYS);
        VBox centre = new VBox(8, formulas, below);
        VBox.setVgrow(below, Priority.ALWAYS);
        centre.setPadding(new Insets(10));
        setCenter(centre);
        Observe.now(model.reportProperty(), report -> show(report, model.vaeBusyProperty().get()));
        model.vaeBusyProperty().addListener(o -> show(model.reportProperty().get(), model.vaeBusyProperty().get()));
        model.firstPictureSecondsProperty().addListener(o -> showTiming(model));
        model.finishedSecondsProperty().addListener(o -> showTiming(model));
    }

    private void showTiming(RealModelsViewModel model) {
        double first = model.firstPictureSecondsProperty().get();
        double finished = model.finishedSecondsProperty().get();
        timing.setText(Double.isNaN(first) ? "" : Double.isNaN(finished) ? messages.format("elbo.vae.timing.first",
                Figures.significant(messages, first, 2)) : messages.format("elbo.vae.timing", Figures.significant(messages, first, 2),
                Figures.significant(messages, finished, 2)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ComboBox<?> chooser(RealModelsViewModel model) {
        ComboBox list = new ComboBox<>(model.vaes());
        list.setId("elbo-vae-model");
        list.valueProperty().bindBidirectional(model.vaeProperty());
        list.setMaxWidth(Double.MAX_VALUE);
        return list;
    }

    /** Nothing computed and nothing being computed (a VAE refused, or a failure): blank, the notice above says why. */
    private void show(VaeElboReport report, boolean busy) {
        if (report == null && !busy) {
            figures.setText("");
            verdict.setText("");
            split.setTex(equations.split(Double.NaN, Double.NaN, Double.NaN));
            grid.setTex(equations.grid(Double.NaN, Double.NaN));
            plot.setGrid(null, null);
            plot.set("", List.of(), List.of());
            return;
        }
        show(report);
    }

    private void show(VaeElboReport report) {
        if (report == null) {
            figures.setText(messages.get("elbo.vae.computing"));
            verdict.setText("");
            split.setTex(equations.split(Double.NaN, Double.NaN, Double.NaN));
            grid.setTex(equations.grid(Double.NaN, Double.NaN));
            return;
        }
        split.setTex(equations.split(report.expectedLogLikelihood(), report.priorKl(), report.elbo().value()));
        grid.setTex(equations.grid(report.hasGrid() ? report.gridLogEvidence() : Double.NaN, report.elbo().value()));
        DiagonalGaussian q = report.q();
        String common = messages.format("elbo.vae.bounds", Figures.six(messages, report.elbo().value()),
                Figures.six(messages, report.expectedLogLikelihood()), Figures.six(messages, report.priorKl()),
                report.k(), Figures.six(messages, report.iwae().value()),
                Figures.significant(messages, report.iwae().standardError(), 2));
        if (!report.hasGrid()) {
            plot.setGrid(null, q);
            plot.set(messages.get("elbo.vae.noGrid"), List.of(), List.of());
            figures.setText(common);
            verdict.setText(messages.format("elbo.verdict.iwae", Figures.significant(messages,
                    report.iwae().value() - report.elbo().value(), 4)));
            return;
        }
        plot.setGrid(report.grid(), q);
        double[] covariance = {q.sigma()[0] * q.sigma()[0], 0, q.sigma()[1] * q.sigma()[1]};
        plot.set(messages.format("elbo.vae.plot", report.grid().n()),
                List.of(new EllipsePlot.Ellipse(q.mean(), covariance, EllipsePlot.Q, messages.get("elbo.q"))), List.of());
        String refinements = report.isPreview() ? messages.format("elbo.vae.preview", report.grid().n())
                : messages.format("elbo.vae.refinements", report.gridEstimates().size() - 1);
        figures.setText(common + "\n" + messages.format("elbo.vae.grid", Figures.six(messages, report.gridLogEvidence()),
                refinements, Figures.six(messages, report.posteriorKl()),
                Figures.significant(messages, 100 * report.qCoverage(), 3)));
        verdict.setText(messages.format("elbo.verdict", Figures.significant(messages, report.posteriorKl(), 4)));
    }

    InputChooser input() {
        return input;
    }

    PosteriorPlot plot() {
        return plot;
    }

    String figuresText() {
        return figures.getText();
    }
}
