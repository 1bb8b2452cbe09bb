package org.diffusionlab.ui.common.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.layout.StackPane;

import org.diffusionlab.core.stats.Smoothing;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Training curves from a {@link CurveLog}: each training series as faint raw points under a strong line, their
 * exponential moving average ({@link Smoothing}), which a line under the plot states; each held-out series as marked
 * points joined by a line. Every series explains itself in its tooltips ({@link SeriesTips}). Redraws only on
 * {@link #refresh}; a log-scale toggle.
 */
public final class CurveChart extends StackPane {
    /** How a series is drawn: raw + smoothed (a training curve) or marked points (held-out evaluations). */
    public enum Style { TRAIN, HELD_OUT }

    /** A series: its log key, its legend label, its colour, how it is drawn, and the tip name of its meaning. */
    public record Curve(String key, String label, Color color, Style style, String tip) {
    }

    private static final int MAX_RAW_POINTS = 2500;
    /** The weight w of the moving average s_i = w·s_{i−1} + (1−w)·x_i, so α = 1 − w = 0.1. */
    public static final double DEFAULT_SMOOTHING = 0.9;

    private final List<Curve> curves;
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    private final JFreeChart chart;
    private final String yLabel;
    private final Messages messages;
    private final TextTitle smoothingNote = new TextTitle();
    private double smoothing = DEFAULT_SMOOTHING;
    private boolean logScale;

    public CurveChart(Messages messages, String title, String xLabel, String yLabel, List<Curve> curves) {
        this.curves = curves;
        this.messages = messages;
        // a long axis label ("nats per image (sum over 784 pixels)") would run past a short plot: the part in
        // brackets becomes a line under the title instead
        int bracket = yLabel.indexOf(" (");
        boolean split = yLabel.length() > 24 && bracket > 0 && yLabel.endsWith(")");
        this.yLabel = split ? yLabel.substring(0, bracket) : yLabel;
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        // one evaluation at step 0 would give the axis no width, and ticks "−0 −0 0 0": steps are never negative,
        // and the axis spans at least ten of them
        x.setRangeType(RangeType.POSITIVE);
        x.setAutoRangeMinimumSize(10);
        XYPlot plot = new XYPlot(dataset, x, linearAxis(), renderer);
        chart = new JFreeChart(title, plot);
        if (split) {
            TextTitle note = new TextTitle(yLabel.substring(bracket + 2, yLabel.length() - 1));
            note.setFont(Charts.font(java.awt.Font.PLAIN, 12));
            chart.addSubtitle(note);
        }
        int index = 0;
        Map<String, String> tips = new HashMap<>();
        boolean smoothed = false;
        for (Curve curve : curves) {
            tips.put(curve.label(), curve.tip());
            if (curve.style() == Style.TRAIN) {
                smoothed = true;
                String raw = messages.format("chart.raw", curve.label());
                tips.put(raw, curve.tip());
                dataset.addSeries(new XYSeries(raw, false, true));
                style(index++, translucent(curve.color()), false, true, false);
                dataset.addSeries(new XYSeries(curve.label(), false, true));
                style(index++, curve.color(), true, false, true);
            } else {
                dataset.addSeries(new XYSeries(curve.label(), false, true));
                style(index++, curve.color(), true, true, true);
                renderer.setSeriesShape(index - 1, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
            }
        }
        if (smoothed) {
            smoothingNote.setFont(Charts.font(java.awt.Font.PLAIN, 12));
            smoothingNote.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(smoothingNote);
            describeSmoothing();
        }
        Charts.style(chart);
        SeriesTips.explain(chart, messages, tips);
        ChartViewer viewer = new ChartViewer(chart);
        ChartExport.localizeMenu(viewer);
        getChildren().add(viewer);
        setMinSize(200, 150);
    }

    private void style(int index, Color color, boolean lines, boolean shapes, boolean inLegend) {
        renderer.setSeriesPaint(index, color);
        renderer.setSeriesLinesVisible(index, lines);
        renderer.setSeriesShapesVisible(index, shapes);
        renderer.setSeriesShape(index, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        renderer.setSeriesStroke(index, new BasicStroke(2.5f));
        renderer.setSeriesVisibleInLegend(index, inLegend);
    }

    private static Color translucent(Color color) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), 70);
    }

    private NumberAxis linearAxis() {
        NumberAxis axis = new NumberAxis(yLabel);
        axis.setAutoRangeIncludesZero(false);
        Charts.styleAxis(axis);
        return axis;
    }

    public JFreeChart chart() {
        return chart;
    }

    /** The weight w of the moving average drawn over a training curve's raw points (0: no smoothing). */
    public void setSmoothing(double weight) {
        this.smoothing = weight;
        describeSmoothing();
    }

    public double smoothing() {
        return smoothing;
    }

    /** The line under the plot that says how the strong lines are smoothed: α = 1 − w, or that they are not. */
    private void describeSmoothing() {
        smoothingNote.setText(smoothing == 0 ? messages.get("chart.smoothing.none")
                : messages.format("chart.smoothing", Numbers.fixedArgument(1 - smoothing, 2)));
    }

    /** The sentence under the plot on smoothing (empty if the chart has no training curve). */
    public String smoothingNote() {
        return smoothingNote.getText();
    }

    public void setLogScale(boolean on) {
        logScale = on;
        ValueAxis axis;
        if (on) {
            LogAxis log = new LogAxis(yLabel + " (log)");
            log.setSmallestValue(1e-6);
            axis = log;
        } else {
            axis = linearAxis();
        }
        Charts.styleAxis(axis);
        chart.getXYPlot().setRangeAxis(axis);
    }

    public boolean isLogScale() {
        return logScale;
    }

    /** Rebuilds every series from the log: one chart change event. */
    public void refresh(CurveLog log) {
        dataset.setNotify(false);
        int index = 0;
        for (Curve curve : curves) {
            List<CurveLog.Point> points = log.points(curve.key());
            if (curve.style() == Style.TRAIN) {
                fill(dataset.getSeries(index++), points, false);
                fill(dataset.getSeries(index++), points, true);
            } else {
                fill(dataset.getSeries(index++), points, false);
            }
        }
        dataset.setNotify(true);
    }

    private void fill(XYSeries series, List<CurveLog.Point> points, boolean smoothed) {
        series.setNotify(false);
        series.clear();
        double[] values = new double[points.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = points.get(i).value();
        }
        double[] shown = smoothed ? Smoothing.ema(values, smoothing) : values;
        int stride = Math.max(1, points.size() / MAX_RAW_POINTS);
        for (int i = 0; i < points.size(); i++) {
            boolean last = i == points.size() - 1;
            if ((i % stride == 0 || last) && (!logScale || shown[i] > 0) && Double.isFinite(shown[i])) {
                series.add(points.get(i).step(), shown[i], false);
            }
        }
        series.setNotify(true);
    }

    /** Number of points drawn for a curve's main line (for tests). */
    public int plottedPoints(String key) {
        int index = 0;
        for (Curve curve : curves) {
            if (curve.style() == Style.TRAIN) {
                index++;
            }
            if (curve.key().equals(key)) {
                return dataset.getSeries(index).getItemCount();
            }
            index++;
        }
        throw new IllegalArgumentException("no curve " + key);
    }
}
