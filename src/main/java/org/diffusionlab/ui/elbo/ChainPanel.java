package org.diffusionlab.ui.elbo;

import java.util.Map;

import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.diffusionlab.core.elbo.DiffusionChainReport;
import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.Theme;
import org.diffusionlab.ui.common.chart.ArrayXYDataset;
import org.diffusionlab.ui.common.chart.Charts;
import org.diffusionlab.ui.common.chart.SeriesTips;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.CanvasRegion;
import org.diffusionlab.ui.common.widget.Controls;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.fx.ChartViewer;

/**
 * Panel 4: the diffusion model as a Markovian hierarchical VAE: the chain x₀ → … → x_T (q fixed, p_θ learned), its
 * ELBO (Luo eq. 58), and for one held-out digit the terms L_t over t on a log axis with the reconstruction, prior
 * and total in nats and bits/dim.
 */
final class ChainPanel extends BorderPane {
    private final Messages messages;
    private final ArrayXYDataset terms;
    private final Label figures = new Label();
    private final Equations equations;
    private final Formula elbo = new Formula("elbo-diffusion-elbo-tex");

    ChainPanel(RealModelsViewModel model, Messages messages) {
        this.messages = messages;
        this.equations = new Equations(messages);
        setId("elbo-diffusion");
        terms = new ArrayXYDataset("L_t");
        @SuppressWarnings({"unchecked", "rawtypes"})
        ComboBox models = new ComboBox<>(model.diffusions());
        models.setId("elbo-diffusion-model");
        models.valueProperty().bindBidirectional(model.diffusionProperty());
        models.setMaxWidth(Double.MAX_VALUE);
        GridPane form = Controls.form();
        form.addRow(0, new Label(messages.get("elbo.model")), models);
        Button compute = new Button(messages.get("elbo.chain.compute"));
        compute.setId("elbo-chain-compute");
        compute.setMnemonicParsing(false);
        compute.setOnAction(e -> model.requestChain());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.chainProgressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        figures.setId("elbo-chain-figures");
        figures.setWrapText(true);
        Label note = new Label(messages.get("elbo.chain.note"));
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        VBox controls = new VBox(10, Controls.section(messages.get("elbo.section.chain"), form,
                new InputChooser("elbo-chain", model, messages), compute, progress), figures,
                note);
        controls.setPadding(new Insets(10));
        controls.setPrefWidth(340);
        Tip.of(messages, "elbo.chainModel").on(models);
        Tip.of(messages, "elbo.chainCompute").tex(Equations.DIFFUSION_ELBO).on(compute);
        Tip.of(messages, "elbo.progress").on(progress);
        Tip.of(messages, "elbo.chainFigures").on(figures);
        setLeft(Side.of(controls));

        JFreeChart chart = Charts.lines(messages.get("elbo.chain.chart"), "t", messages.get("elbo.chain.axis"), terms);
        LogAxis y = new LogAxis(messages.get("elbo.chain.axis") + " (log)");
        y.setSmallestValue(1e-4);
        Charts.styleAxis(y);
        chart.getXYPlot().setRangeAxis(y);
        ChartViewer viewer = new ChartViewer(chart);
        SeriesTips.explain(chart, messages, Map.of(terms.getSeriesKey(0), "elbo.lt"));
        ChainGraph graph = new ChainGraph(messages);
        Tip.of(messages, "elbo.chainGraph").tex(Equations.HVAE).on(graph);
        graph.setPrefHeight(70);
        VBox centre = new VBox(8, new Formula("elbo-hvae-tex", Equations.HVAE), graph,
                elbo, viewer);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        centre.setPadding(new Insets(10));
        setCenter(centre);
        Observe.now(model.chainProperty(), this::show);
    }

    private void show(RealModelsViewModel.Chain chain) {
        if (chain == null || chain.report() == null) {
            elbo.setTex(equations.diffusionElbo(Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        } else {
            DiffusionChainReport done = chain.report();
            elbo.setTex(equations.diffusionElbo(done.reconstruction(), done.prior(), done.denoisingSum(), done.total()));
        }
        if (chain == null) {
            terms.set(new double[0], new double[0]);
            figures.setText(messages.get("elbo.chain.none"));
            return;
        }
        double[] denoising = chain.denoising();
        int known = 0;
        for (int t = 2; t < denoising.length; t++) {
            if (Double.isFinite(denoising[t]) && denoising[t] > 0) {
                known++;
            }
        }
        double[] t = new double[known];
        double[] values = new double[known];
        int i = 0;
        for (int step = 2; step < denoising.length; step++) {
            if (Double.isFinite(denoising[step]) && denoising[step] > 0) {
                t[i] = step;
                values[i++] = denoising[step];
            }
        }
        terms.set(t, values);
        DiffusionChainReport report = chain.report();
        if (report == null) {
            figures.setText(messages.format("elbo.chain.progress", known));
            return;
        }
        double firstTenth = 0;
        for (int step = 2; step <= Math.max(2, report.steps() / 10); step++) {
            firstTenth += denoising[step];
        }
        figures.setText(messages.format("elbo.chain.figures", Figures.six(messages, report.reconstruction()),
                Figures.six(messages, report.prior()), Figures.six(messages, report.denoisingSum()),
                Figures.six(messages, report.total()), Figures.significant(messages, report.bitsPerDimension(), 4),
                Figures.significant(messages, 100 * firstTenth / report.denoisingSum(), 3), report.steps() / 10));
    }

    /** Points drawn on the L_t chart (for tests). */
    int plottedTerms() {
        return terms.getItemCount(0);
    }

    /** x₀ → x₁ → … → x_T with q's arrows to the right and p_θ's to the left. */
    private static final class ChainGraph extends CanvasRegion {
        private final Messages messages;

        ChainGraph(Messages messages) {
            this.messages = messages;
            setMinHeight(60);
        }

        @Override
        protected void draw() {
            GraphicsContext g = blank();
            double width = canvas.getWidth();
            double height = canvas.getHeight();
            String[] names = {"x₀", "x₁", "x₂", "…", "x_{t−1}", "x_t", "…", "x_T"};
            double step = width / names.length;
            double y = height / 2;
            g.setFont(Font.font(Charts.FONT, 13));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            for (int i = 0; i < names.length; i++) {
                double x = step * (i + 0.5);
                if (!names[i].equals("…")) {
                    g.setStroke(Theme.fx(Theme.current().ink()));
                    g.setLineWidth(1.5);
                    g.strokeOval(x - 22, y - 16, 44, 32);
                }
                g.setFill(Theme.fx(Theme.current().ink()));
                g.fillText(names[i].replace("_{t−1}", "ₜ₋₁").replace("_t", "ₜ").replace("_T", "_T"), x, y);
                if (i + 1 < names.length) {
                    double from = x + 24;
                    double to = x + step - 24;
                    g.setStroke(Theme.fx(Theme.BLUE));
                    g.strokeLine(from, y - 10, to, y - 10);
                    g.strokeLine(to - 6, y - 14, to, y - 10);
                    g.setStroke(Theme.fx(Theme.VERMILLION));
                    g.strokeLine(from, y + 10, to, y + 10);
                    g.strokeLine(from + 6, y + 14, from, y + 10);
                }
            }
            g.setFont(Font.font(Charts.FONT, 11));
            g.setFill(Theme.fx(Theme.BLUE));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(messages.get("elbo.chain.q"), 4, 8);
            g.setFill(Theme.fx(Theme.VERMILLION));
            g.fillText(messages.get("elbo.chain.p"), 4, height - 8);
        }
    }
}
