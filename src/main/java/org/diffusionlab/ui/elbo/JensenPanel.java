package org.diffusionlab.ui.elbo;

import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.elbo.ImportanceSampling;
import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.chart.Charts;
import org.diffusionlab.ui.common.chart.SeriesTips;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.Controls;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Panel 2: Jensen's gap as chords on log w; the MC ELBO's spread over repeats shrinking with K; IWAE-K rising from
 * the ELBO to log p(x) on a log-K axis, each with a ±1 standard deviation band over repeats.
 */
final class JensenPanel extends BorderPane {
    private final Messages messages;
    private final ChordPlot chord = new ChordPlot();
    private final YIntervalSeriesCollection monteCarlo = new YIntervalSeriesCollection();
    private final YIntervalSeriesCollection iwae = new YIntervalSeriesCollection();
    private final Label figures = new Label();
    private final Formula jensen = new Formula("elbo-jensen-tex");
    private final Formula iwaeBound = new Formula("elbo-iwae-tex");

    JensenPanel(JensenViewModel model, Messages messages) {
        this.messages = messages;
        setId("elbo-jensen");
        Spinner<Integer> k = Controls.intSpinner("elbo-chord-k", 2, 50, 1, model.chordKProperty());
        GridPane form = Controls.form();
        form.addRow(0, new Label("K"), k);
        form.addRow(1, new Label(messages.get("elbo.seed")), Controls.seed("elbo-seed", model.seedProperty(), null, messages));
        Label hint = new Label(messages.get("elbo.jensen.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        figures.setId("elbo-jensen-figures");
        figures.setWrapText(true);
        VBox controls = new VBox(10, Controls.section(messages.get("elbo.section.jensen"), form), figures, hint);
        controls.setPadding(new Insets(10));
        controls.setPrefWidth(300);
        Tip.of(messages, "elbo.chordK").tex(Equations.IWAE).on(k);
        Tip.of(messages, "elbo.jensenFigures").tex(Equations.JENSEN).on(figures);
        chord.setId("elbo-chord-plot");
        Tip.of(messages, "elbo.chordPlot").tex(Equations.CHORD).value(chord.gapProperty()).on(chord);
        setLeft(Side.of(controls));

        ChartViewer spread = new ChartViewer(bandChart(messages.get("elbo.mcSpread"), messages.get("elbo.nats"), monteCarlo));
        ChartViewer bound = new ChartViewer(bandChart(messages.get("elbo.iwaeCurve"), messages.get("elbo.nats"), iwae));
        SeriesTips.explain(spread.getChart(), messages, Map.of(messages.get("elbo.mcElbo"), "elbo.mcElbo", "ELBO", "elbo.elbo",
                "log p(x)", "elbo.logEvidence"));
        SeriesTips.explain(bound.getChart(), messages, Map.of(messages.get("elbo.iwae"), "elbo.iwae", "ELBO", "elbo.elbo",
                "log p(x)", "elbo.logEvidence"));
        VBox equations = new VBox(6, jensen, iwaeBound);
        GridPane centre = new GridPane();
        centre.setHgap(10);
        centre.setVgap(10);
        centre.setPadding(new Insets(10));
        centre.add(equations, 0, 0, 2, 1);
        centre.add(chord, 0, 1);
        centre.add(spread, 1, 1);
        centre.add(bound, 0, 2, 2, 1);
        for (var node : new javafx.scene.Node[] {chord, spread, bound}) {
            GridPane.setHgrow(node, Priority.ALWAYS);
            GridPane.setVgrow(node, Priority.ALWAYS);
        }
        chord.setPrefSize(360, 240);
        spread.setPrefSize(360, 240);
        bound.setPrefSize(720, 220);
        setCenter(centre);
        Observe.present(model.resultProperty(), this::show);
    }

    private static JFreeChart bandChart(String title, String yLabel, YIntervalSeriesCollection dataset) {
        JFreeChart chart = Charts.lines(title, "K", yLabel, dataset);
        LogAxis k = new LogAxis("K (log)");
        k.setSmallestValue(1);
        chart.getXYPlot().setDomainAxis(k);
        Charts.styleAxis(k);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (int i = 0; i < 3; i++) {
            renderer.setSeriesPaint(i, Charts.PALETTE[i]);
            renderer.setSeriesFillPaint(i, Charts.PALETTE[i]);
            renderer.setSeriesStroke(i, new java.awt.BasicStroke(2.5f));
        }
        renderer.setAlpha(0.2f);
        chart.getXYPlot().setRenderer(renderer);
        return chart;
    }

    private void show(JensenViewModel.Result result) {
        double[] logWeights = result.chordLogWeights();
        double gap = ImportanceSampling.logMeanExp(logWeights, 0, logWeights.length)
                - ImportanceSampling.mean(logWeights, 0, logWeights.length);
        chord.set(messages.format("elbo.chord", result.chordLogWeights().length), result.chordLogWeights(),
                messages.format("elbo.gap", Figures.significant(messages, gap, 4)), messages.get("elbo.chord.weightAxis"));
        fill(monteCarlo, messages.get("elbo.mcElbo"), result, result.monteCarloMean(), result.monteCarloSpread());
        fill(iwae, messages.get("elbo.iwae"), result, result.iwaeMean(), result.iwaeSpread());
        int last = result.k().length - 1;
        Equations live = new Equations(messages);
        jensen.setTex(live.jensen(result.logEvidence(), result.elbo()));
        iwaeBound.setTex(live.iwae(result.elbo(), result.k()[last], result.iwaeMean()[last], result.logEvidence()));
        figures.setText(messages.format("elbo.jensen.figures", Figures.six(messages, result.elbo()),
                Figures.six(messages, result.logEvidence()), result.k()[last],
                Figures.six(messages, result.iwaeMean()[last])));
    }

    private void fill(YIntervalSeriesCollection dataset, String label, JensenViewModel.Result result, double[] mean,
            double[] spread) {
        dataset.removeAllSeries();
        YIntervalSeries estimate = new YIntervalSeries(label);
        YIntervalSeries elbo = new YIntervalSeries("ELBO");
        YIntervalSeries evidence = new YIntervalSeries("log p(x)");
        for (int i = 0; i < result.k().length; i++) {
            int k = result.k()[i];
            estimate.add(k, mean[i], mean[i] - spread[i], mean[i] + spread[i]);
            elbo.add(k, result.elbo(), result.elbo(), result.elbo());
            evidence.add(k, result.logEvidence(), result.logEvidence(), result.logEvidence());
        }
        dataset.addSeries(estimate);
        dataset.addSeries(elbo);
        dataset.addSeries(evidence);
    }
}
