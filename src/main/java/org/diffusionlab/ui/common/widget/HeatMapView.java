package org.diffusionlab.ui.common.widget;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import org.diffusionlab.ui.common.Theme;
import org.diffusionlab.ui.common.chart.Charts;
import org.diffusionlab.ui.common.text.Numbers;

/**
 * A heat map of columns appended over time (e.g. the loss per t-bucket at each evaluation step): x is the
 * column's step, y the row (row 0 at the bottom), colour the value on a log scale (viridis).
 */
public final class HeatMapView extends CanvasRegion {
    private static final double LEFT = 56;
    private static final double BOTTOM = 34;
    private static final double TOP = 28;
    private static final double RIGHT = 82;

    private final List<double[]> columns = new ArrayList<>();
    private final List<Long> steps = new ArrayList<>();
    private String title = "";
    private String rowLabel = "";
    private double rowMaximum = 1;

    public HeatMapView() {
        getStyleClass().add("heat-map");
        setMinSize(160, 120);
    }

    /** Titles: the chart, the y axis and the value that the top row reaches (e.g. T). */
    public void setLabels(String title, String rowLabel, double rowMaximum) {
        this.title = title;
        this.rowLabel = rowLabel;
        this.rowMaximum = rowMaximum;
        draw();
    }

    public void setColumns(List<double[]> values, List<Long> columnSteps) {
        columns.clear();
        columns.addAll(values);
        steps.clear();
        steps.addAll(columnSteps);
        draw();
    }

    public int columnCount() {
        return columns.size();
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        Theme theme = Theme.current();
        Numbers numbers = Numbers.current();
        g.setFill(Theme.fx(theme.chartBackground()));
        g.fillRect(0, 0, width, height);
        g.setFill(Theme.fx(theme.ink()));
        g.setFont(Charts.canvasFont(14));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, width / 2, 4);
        double plotWidth = width - LEFT - RIGHT;
        double plotHeight = height - TOP - BOTTOM;
        if (plotWidth <= 10 || plotHeight <= 10) {
            return;
        }
        g.setFont(Charts.canvasFont(12));
        g.setTextBaseline(VPos.CENTER);
        g.save();
        g.translate(14, TOP + plotHeight / 2);
        g.rotate(-90);
        g.fillText(rowLabel, 0, 0);
        g.restore();
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(numbers.fixed(rowMaximum, 0), LEFT - 4, TOP + 6);
        g.fillText("1", LEFT - 4, TOP + plotHeight - 6);
        if (columns.isEmpty()) {
            g.setStroke(Theme.fx(theme.grid()));
            g.strokeRect(LEFT, TOP, plotWidth, plotHeight);
            return;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] column : columns) {
            for (double v : column) {
                if (v > 0 && Double.isFinite(v)) {
                    low = Math.min(low, Math.log(v));
                    high = Math.max(high, Math.log(v));
                }
            }
        }
        if (!(high > low)) {
            high = low + 1;
        }
        double cellWidth = plotWidth / columns.size();
        for (int c = 0; c < columns.size(); c++) {
            double[] column = columns.get(c);
            double cellHeight = plotHeight / column.length;
            for (int r = 0; r < column.length; r++) {
                double v = column[r];
                g.setFill(v > 0 && Double.isFinite(v) ? viridis((Math.log(v) - low) / (high - low)) : Theme.fx(theme.grid()));
                g.fillRect(LEFT + c * cellWidth, TOP + plotHeight - (r + 1) * cellHeight, Math.ceil(cellWidth) + 0.5,
                        Math.ceil(cellHeight) + 0.5);
            }
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFill(Theme.fx(theme.ink()));
        g.fillText(numbers.integer(steps.get(0)), LEFT + cellWidth / 2, TOP + plotHeight + 4);
        g.fillText(numbers.integer(steps.get(steps.size() - 1)), LEFT + plotWidth - cellWidth / 2, TOP + plotHeight + 4);
        // colour legend
        double legendX = LEFT + plotWidth + 14;
        for (int i = 0; i < 100; i++) {
            g.setFill(viridis(i / 99.0));
            g.fillRect(legendX, TOP + plotHeight - (i + 1) * plotHeight / 100, 14, plotHeight / 100 + 1);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(numbers.significant(Math.exp(high), 3), legendX + 17, TOP + 6);
        g.fillText(numbers.significant(Math.exp(low), 3), legendX + 17, TOP + plotHeight - 6);
    }

    /** An approximation of matplotlib's viridis colour map; fraction in [0, 1]. */
    static Color viridis(double fraction) {
        double[][] stops = {{0.267, 0.005, 0.329}, {0.229, 0.322, 0.546}, {0.128, 0.567, 0.551}, {0.369, 0.789, 0.383},
                {0.993, 0.906, 0.144}};
        double x = Math.max(0, Math.min(1, fraction)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) x);
        double f = x - i;
        return Color.color(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]), stops[i][1] + f * (stops[i + 1][1] - stops[i][1]),
                stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
    }
}
