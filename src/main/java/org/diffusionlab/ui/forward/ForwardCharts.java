package org.diffusionlab.ui.forward;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.Map;

import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.core.stats.PixelHistogram;
import org.diffusionlab.ui.common.chart.ArrayXYDataset;
import org.diffusionlab.ui.common.chart.Charts;
import org.diffusionlab.ui.common.chart.MarkedChart;
import org.diffusionlab.ui.common.chart.SeriesTips;
import org.diffusionlab.ui.common.text.Messages;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYBarDataset;

/** The Forward view's right column: the schedule, log-SNR (both marked at t) and the pixel histogram of xₜ. */
final class ForwardCharts extends VBox {
    private final ArrayXYDataset coefficients;
    private final ArrayXYDataset beta;
    private final ArrayXYDataset logSnr;
    private final ArrayXYDataset observed;
    private final ArrayXYDataset predicted;
    private final MarkedChart scheduleChart;
    private final MarkedChart logSnrChart;
    private final MarkedChart histogramChart;

    ForwardCharts(Messages messages) {
        getStyleClass().add("chart-column");
        coefficients = new ArrayXYDataset("ᾱₜ", "√ᾱₜ", "√(1−ᾱₜ)");
        beta = new ArrayXYDataset("βₜ");
        JFreeChart schedule = Charts.lines(messages.get("forward.chart.schedule"), "t", messages.get("forward.chart.coefficient"), coefficients);
        XYPlot plot = schedule.getXYPlot();
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.02);
        NumberAxis betaAxis = new NumberAxis("βₜ");
        betaAxis.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(1, betaAxis);
        plot.setDataset(1, beta);
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer betaRenderer = new XYLineAndShapeRenderer(true, false);
        betaRenderer.setSeriesPaint(0, Charts.VERMILLION);
        betaRenderer.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        plot.setRenderer(1, betaRenderer);
        Charts.style(schedule);
        scheduleChart = new MarkedChart(schedule);
        scheduleChart.setId("forward-chart-schedule");

        logSnr = new ArrayXYDataset("log SNR(t) = log(ᾱₜ / (1−ᾱₜ))");
        JFreeChart snr = Charts.lines(messages.get("forward.chart.logSnr"), "t", "log SNR", logSnr);
        snr.getXYPlot().getRenderer().setSeriesPaint(0, Charts.PURPLE);
        logSnrChart = new MarkedChart(snr);
        logSnrChart.setId("forward-chart-logsnr");

        observed = new ArrayXYDataset(messages.get("forward.chart.observed"));
        predicted = new ArrayXYDataset(messages.get("forward.chart.predicted"), "N(0, 1)");
        JFreeChart histogram = Charts.lines(messages.get("forward.chart.histogram"), messages.get("forward.chart.pixelValue"),
                messages.get("forward.chart.density"), predicted);
        XYPlot histogramPlot = histogram.getXYPlot();
        histogramPlot.getDomainAxis().setRange(ForwardViewModel.HISTOGRAM_LOW, ForwardViewModel.HISTOGRAM_HIGH);
        ((NumberAxis) histogramPlot.getRangeAxis()).setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer lines = (XYLineAndShapeRenderer) histogramPlot.getRenderer();
        lines.setSeriesPaint(0, Charts.VERMILLION);
        lines.setSeriesPaint(1, Charts.GREY);
        lines.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 4f}, 0f));
        double binWidth = (ForwardViewModel.HISTOGRAM_HIGH - ForwardViewModel.HISTOGRAM_LOW) / ForwardViewModel.HISTOGRAM_BINS;
        XYBarRenderer bars = new XYBarRenderer(0.05);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x56B4E9));
        histogramPlot.setDataset(1, new XYBarDataset(observed, binWidth));
        histogramPlot.setRenderer(1, bars);
        Charts.style(histogram);
        histogramChart = new MarkedChart(histogram);
        histogramChart.setId("forward-chart-histogram");

        for (MarkedChart chart : new MarkedChart[] {scheduleChart, logSnrChart, histogramChart}) {
            VBox.setVgrow(chart, Priority.ALWAYS);
            chart.setPrefHeight(240);
        }
        SeriesTips.explain(schedule, messages, Map.of(coefficients.getSeriesKey(0), "forward.alphaBar",
                coefficients.getSeriesKey(1), "forward.sqrtAlphaBar", coefficients.getSeriesKey(2), "forward.sqrtOneMinusAlphaBar",
                beta.getSeriesKey(0), "forward.beta"));
        SeriesTips.explain(snr, messages, Map.of(logSnr.getSeriesKey(0), "forward.logSnr"));
        SeriesTips.explain(histogram, messages, Map.of(observed.getSeriesKey(0), "forward.observed",
                predicted.getSeriesKey(0), "forward.predicted", predicted.getSeriesKey(1), "forward.standardNormal"));
        getChildren().addAll(scheduleChart, logSnrChart, histogramChart);
        setSpacing(4);
    }

    void showSchedule(NoiseSchedule schedule) {
        double[] t = schedule.series(s -> s);
        coefficients.set(t, schedule.series(schedule::alphaBar), schedule.series(schedule::sqrtAlphaBar),
                schedule.series(schedule::sqrtOneMinusAlphaBar));
        double[] steps = Arrays.copyOfRange(t, 1, t.length);
        beta.set(steps, Arrays.copyOfRange(schedule.series(schedule::beta), 1, t.length));
        logSnr.set(steps, Arrays.copyOfRange(schedule.series(schedule::logSnr), 1, t.length));
    }

    void markStep(int t) {
        scheduleChart.setMarker(t);
        logSnrChart.setMarker(Math.max(t, 1));
    }

    void showHistogram(PixelHistogram histogram) {
        double[] centers = new double[histogram.bins()];
        for (int i = 0; i < centers.length; i++) {
            centers[i] = histogram.binCenter(i);
        }
        observed.set(centers, histogram.observed());
        predicted.set(centers, histogram.predicted(), histogram.standardNormal());
    }

    /** The ᾱₜ series as drawn (for tests and export). */
    ArrayXYDataset coefficients() {
        return coefficients;
    }
}
