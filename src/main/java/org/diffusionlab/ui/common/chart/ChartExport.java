package org.diffusionlab.ui.common.chart;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;

import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;
import org.diffusionlab.ui.common.widget.FileDialogs;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.svg.SVGGraphics2D;

/**
 * Saving a chart for slides: as SVG (vector, through JFreeSVG) or PNG, from the chart's own right-click menu,
 * whose words (JFreeChart-FX writes "Export As" in English) come from the bundles.
 */
public final class ChartExport {
    private ChartExport() {
    }

    /** Writes the chart as an SVG document of this size (written to a temporary file, then moved). */
    public static void writeSvg(JFreeChart chart, int width, int height, Path file) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "chart", ".svg.part");
        Files.writeString(temporary, g.getSVGDocument());
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public static void writePng(JFreeChart chart, int width, int height, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }

    /** Replaces the viewer's English context menu by "Save chart as SVG… / PNG…" in the UI language. */
    public static void localizeMenu(ChartViewer viewer) {
        Messages messages = new Messages(Numbers.locale());
        MenuItem svg = new MenuItem(messages.get("chart.saveSvg"));
        svg.setOnAction(e -> save(viewer, messages, "svg"));
        MenuItem png = new MenuItem(messages.get("chart.savePng"));
        png.setOnAction(e -> save(viewer, messages, "png"));
        viewer.getContextMenu().getItems().setAll(svg, png);
    }

    private static void save(ChartViewer viewer, Messages messages, String extension) {
        int width = (int) Math.max(400, viewer.getWidth());
        int height = (int) Math.max(300, viewer.getHeight());
        FileDialogs.save(viewer.getScene().getWindow(), messages.get("chart.save." + extension), "chart." + extension, extension)
                .ifPresent(file -> {
                    try {
                        if (extension.equals("svg")) {
                            writeSvg(viewer.getChart(), width, height, file);
                        } else {
                            writePng(viewer.getChart(), width, height, file);
                        }
                    } catch (IOException e) {
                        Alert alert = new Alert(Alert.AlertType.ERROR, messages.format("chart.saveFailed", file.getFileName(),
                                String.valueOf(e.getMessage())), new javafx.scene.control.ButtonType(messages.get("dialog.close"),
                                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
                        alert.setHeaderText(null);
                        alert.show();
                    }
                });
    }
}
