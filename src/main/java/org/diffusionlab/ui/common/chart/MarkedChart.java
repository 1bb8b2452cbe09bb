package org.diffusionlab.ui.common.chart;

import java.awt.geom.Rectangle2D;

import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;

/**
 * A chart with a vertical marker (e.g. the current t) drawn on an overlay, so moving the marker every frame
 * costs a line move rather than a full chart redraw.
 */
public final class MarkedChart extends StackPane {
    private final ChartViewer viewer;
    private final Line marker = new Line();
    private double markerX = Double.NaN;

    public MarkedChart(JFreeChart chart) {
        viewer = new ChartViewer(chart);
        ChartExport.localizeMenu(viewer);
        Pane overlay = new Pane(marker);
        overlay.setMouseTransparent(true);
        marker.getStyleClass().add("chart-marker");
        marker.setManaged(false);
        getChildren().addAll(viewer, overlay);
        chart.addProgressListener(event -> {
            if (event.getType() == ChartProgressEvent.DRAWING_FINISHED) {
                placeMarker();
            }
        });
        setMinSize(120, 100);
    }

    public ChartViewer viewer() {
        return viewer;
    }

    public JFreeChart chart() {
        return viewer.getChart();
    }

    /** Moves the marker to domain value x (NaN hides it). */
    public void setMarker(double x) {
        markerX = x;
        placeMarker();
    }

    public double markerX() {
        return markerX;
    }

    private void placeMarker() {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        Rectangle2D area = info == null ? null : info.getPlotInfo().getDataArea();
        if (Double.isNaN(markerX) || area == null || area.getWidth() <= 0
                || !(viewer.getChart().getPlot() instanceof XYPlot plot)) {
            marker.setVisible(false);
            return;
        }
        double screenX = plot.getDomainAxis().valueToJava2D(markerX, area, plot.getDomainAxisEdge());
        marker.setStartX(screenX);
        marker.setEndX(screenX);
        marker.setStartY(area.getMinY());
        marker.setEndY(area.getMaxY());
        marker.setVisible(true);
    }
}
