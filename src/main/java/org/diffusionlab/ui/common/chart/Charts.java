package org.diffusionlab.ui.common.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.diffusionlab.ui.common.Theme;
import org.diffusionlab.ui.common.text.Numbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYDataset;

/**
 * One look for every chart: the current {@link Theme}'s colours for background, plot, grid, axes and all text;
 * large readable fonts (scaled in presentation mode); tick labels in the UI language's number convention
 * ({@link Numbers}); the colour-blind-safe Okabe–Ito palette for series. Every chart goes through {@link #style}.
 */
public final class Charts {
    public static final Color BLUE = Theme.BLUE;
    public static final Color ORANGE = Theme.ORANGE;
    public static final Color GREEN = Theme.GREEN;
    public static final Color VERMILLION = Theme.VERMILLION;
    public static final Color PURPLE = Theme.PURPLE;
    public static final Color SKY = Theme.SKY;
    public static final Color GREY = Theme.GREY;
    public static final Color[] PALETTE = {BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY};
    public static final String FONT = "DejaVu Sans";
    /** Font scale for charts built from now on (presentation mode enlarges them). */
    private static double fontScale = 1;

    private Charts() {
    }

    /** An XY line chart with the given series colours (the palette, in order, by default). */
    public static JFreeChart lines(String title, String xLabel, String yLabel, XYDataset dataset) {
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        JFreeChart chart = new JFreeChart(title, plot);
        style(chart);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        return chart;
    }

    public static void setFontScale(double scale) {
        fontScale = scale;
    }

    public static double fontScale() {
        return fontScale;
    }

    public static Font font(int style, int size) {
        return new Font(FONT, style, (int) Math.round(size * fontScale));
    }

    /** A canvas font of this (unscaled) size, scaled like the charts'. */
    public static javafx.scene.text.Font canvasFont(double size) {
        return javafx.scene.text.Font.font(FONT, size * fontScale);
    }

    public static void style(JFreeChart chart) {
        Theme theme = Theme.current();
        chart.setBackgroundPaint(theme.chartBackground());
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(font(Font.BOLD, 15));
            chart.getTitle().setPaint(theme.ink());
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle subtitle) {
                subtitle.setPaint(theme.ink());
                subtitle.setBackgroundPaint(theme.chartBackground());
            }
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(font(Font.PLAIN, 13));
            legend.setItemPaint(theme.ink());
            legend.setPosition(RectangleEdge.TOP);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(theme.chartBackground());
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(theme.plotBackground());
            plot.setDomainGridlinePaint(theme.grid());
            plot.setRangeGridlinePaint(theme.grid());
            plot.setOutlineVisible(false);
            plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
            for (int i = 0; i < plot.getDomainAxisCount(); i++) {
                styleAxis(plot.getDomainAxis(i));
            }
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                styleAxis(plot.getRangeAxis(i));
            }
            for (int i = 0; i < plot.getRendererCount(); i++) {
                if (plot.getRenderer(i) != null) {
                    plot.getRenderer(i).setDefaultToolTipGenerator(toolTips());
                }
            }
        }
    }

    /** A point's tooltip: its series (a formula or a name from the bundles), then x → y in the UI's numbers. */
    public static StandardXYToolTipGenerator toolTips() {
        Numbers numbers = Numbers.current();
        return new StandardXYToolTipGenerator("{0}: {1} → {2}", numbers.format("#,##0.####"), numbers.format("#,##0.####"));
    }

    /** An axis in the theme's ink, its ticks in the UI language's numbers ("0,5" in Vietnamese). */
    public static void styleAxis(ValueAxis axis) {
        if (axis == null) {
            return;
        }
        Theme theme = Theme.current();
        axis.setLabelFont(font(Font.PLAIN, 13));
        axis.setTickLabelFont(font(Font.PLAIN, 12));
        axis.setLabelPaint(theme.ink());
        axis.setTickLabelPaint(theme.ink());
        axis.setAxisLinePaint(theme.axisLine());
        axis.setTickMarkPaint(theme.axisLine());
        if (axis instanceof NumberAxis number) {
            number.setStandardTickUnits(NumberAxis.createStandardTickUnits(Numbers.locale()));
        } else if (axis instanceof LogAxis log) {
            log.setNumberFormatOverride(Numbers.current().format("#,##0.###"));
        }
    }
}
