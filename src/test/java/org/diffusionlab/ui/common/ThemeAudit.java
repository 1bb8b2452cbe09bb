package org.diffusionlab.ui.common;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;

/**
 * Checks a scene against a theme: every chart's background, plot, titles, legend and axes in the theme's colours,
 * text at 4.5:1 or more on them (WCAG AA); and every visible label's text at 4.5:1 on the surface behind it.
 */
public final class ThemeAudit {
    public static final double AA = 4.5;

    private ThemeAudit() {
    }

    public static List<String> faults(Scene scene, Theme theme) {
        List<String> faults = new ArrayList<>();
        walk(scene.getRoot(), theme, faults);
        return faults;
    }

    /** The charts found in the scene (so a test can say it looked at some). */
    public static List<JFreeChart> charts(Scene scene) {
        List<JFreeChart> charts = new ArrayList<>();
        collect(scene.getRoot(), charts);
        return charts;
    }

    private static void collect(Node node, List<JFreeChart> charts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof ChartViewer viewer) {
            charts.add(viewer.getChart());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, charts));
        }
    }

    private static void walk(Node node, Theme theme, List<String> faults) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node instanceof ChartViewer viewer) {
            chart(viewer.getChart(), theme, faults);
        }
        if (node instanceof Label label && label.getText() != null && !label.getText().isBlank()
                && label.getTextFill() instanceof javafx.scene.paint.Color ink && ink.getOpacity() > 0.99) {
            javafx.scene.paint.Color behind = background(label);
            if (behind != null && contrast(ink, behind) < AA) {
                faults.add(String.format(java.util.Locale.ROOT, "label \"%s\" at %.2f:1 (%s on %s)",
                        label.getText().lines().findFirst().orElse(""), contrast(ink, behind), ink, behind));
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> walk(child, theme, faults));
        }
    }

    private static void chart(JFreeChart chart, Theme theme, List<String> faults) {
        String name = chart.getTitle() == null ? "a chart" : "chart \"" + chart.getTitle().getText() + "\"";
        same(name + " background", chart.getBackgroundPaint(), theme.chartBackground(), faults);
        if (chart.getTitle() != null) {
            readable(name + " title", chart.getTitle().getPaint(), theme, faults);
        }
        if (chart.getLegend() != null) {
            same(name + " legend background", chart.getLegend().getBackgroundPaint(), theme.chartBackground(), faults);
            readable(name + " legend", chart.getLegend().getItemPaint(), theme, faults);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            same(name + " plot area", plot.getBackgroundPaint(), theme.plotBackground(), faults);
            same(name + " grid", plot.getRangeGridlinePaint(), theme.grid(), faults);
            List<ValueAxis> axes = new ArrayList<>();
            for (int i = 0; i < plot.getDomainAxisCount(); i++) {
                axes.add(plot.getDomainAxis(i));
            }
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                axes.add(plot.getRangeAxis(i));
            }
            for (ValueAxis axis : axes) {
                if (axis != null) {
                    readable(name + " axis label", axis.getLabelPaint(), theme, faults);
                    readable(name + " tick labels", axis.getTickLabelPaint(), theme, faults);
                }
            }
        }
    }

    private static void same(String what, Paint actual, Color expected, List<String> faults) {
        if (!expected.equals(actual)) {
            faults.add(what + " is " + actual + ", the theme's is " + expected);
        }
    }

    private static void readable(String what, Paint ink, Theme theme, List<String> faults) {
        if (!(ink instanceof Color colour)) {
            faults.add(what + " has no plain colour: " + ink);
            return;
        }
        same(what, colour, theme.ink(), faults);
        for (Color background : new Color[] {theme.chartBackground(), theme.plotBackground()}) {
            if (Theme.contrast(colour, background) < AA) {
                faults.add(String.format(java.util.Locale.ROOT, "%s at %.2f:1", what, Theme.contrast(colour, background)));
            }
        }
    }

    /** The nearest opaque plain fill behind a node, or null if it is drawn on something else (a gradient, an image). */
    private static javafx.scene.paint.Color background(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region region) {
                Background background = region.getBackground();
                if (background != null && !background.getFills().isEmpty()) {
                    BackgroundFill fill = background.getFills().get(background.getFills().size() - 1);
                    if (fill.getFill() instanceof javafx.scene.paint.Color colour && colour.getOpacity() > 0.99) {
                        return colour;
                    }
                    if (!(fill.getFill() instanceof javafx.scene.paint.Color)) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static double contrast(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        return Theme.contrast(awt(a), awt(b));
    }

    private static Color awt(javafx.scene.paint.Color c) {
        return new Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue());
    }
}
