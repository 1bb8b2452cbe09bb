package org.diffusionlab.ui.common.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;

import javafx.scene.layout.StackPane;

import org.diffusionlab.core.stats.Smoothing;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Training curves from a {@link CurveLog}: each training series as faint raw points plus a smoothed line,
 * each held-out series as marked points joined by a line. Redraws only on {@link #refresh}; a log-scale toggle.
 */
public final class CurveChart extends StackPane {
    /** How a series is drawn: raw + smoothed (a training curve) or marked points (held-out evaluations). */
    public enum Style { TRAIN, HELD_OUT }

    public record Curve(String key, String label, Color color, Style style) {
    }

    private static final int MAX_RAW_POINTS = 2500;

    private final List<Curve> curves;
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    private final JFreeChart chart;
    private final String yLabel;
    private double smoothing = 0.9;
    private boolean logScale;

    public CurveChart(String title, String xLabel, String yLabel, List<Curve> curves) {
        this.curves = curves;
        // a long axis label ("nats per image (sum over 784 pixels)") would run past a short plot: the part in
        // brackets becomes a line under the title instead
        int bracket = yLabel.indexOf(" (");
        boolean split = yLabel.length() > 24 && bracket > 0 && yLabel.endsWith(")");
        this.yLabel = split ? yLabel.substring(0, bracket) : yLabel;
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, x, linearAxis(), renderer);
        chart = new JFreeChart(title, plot);
        if (split) {
            TextTitle note = new TextTitle(yLabel.substring(bracket + 2, yLabel.length() - 1));
            note.setFont(Charts.font(java.awt.Font.PLAIN, 12));
            chart.addSubtitle(note);
        }
        int index = 0;
        for (Curve curve : curves) {
            if (curve.style() == Style.TRAIN) {
                dataset.addSeries(new XYSeries(curve.label() + " · raw", false, true));
                style(index++, translucent(curve.color()), false, true, false);
                dataset.addSeries(new XYSeries(curve.label(), false, true));
                style(index++, curve.color(), true, false, true);
            } else {
                dataset.addSeries(new XYSeries(curve.label(), false, true));
                style(index++, curve.color(), true, true, true);
                renderer.setSeriesShape(index - 1, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
            }
        }
        Charts.style(chart);
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

    public void setSmoothing(double weight) {
        this.smoothing = weight;
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
