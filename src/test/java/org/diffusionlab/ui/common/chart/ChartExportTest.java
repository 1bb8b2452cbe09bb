package org.diffusionlab.ui.common.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.MenuItem;

import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class ChartExportTest {
    @TempDir
    Path dir;

    @AfterEach
    void englishAgain() {
        Numbers.use(Messages.ENGLISH);
    }

    private static JFreeChart chart() {
        XYSeries series = new XYSeries("ᾱₜ");
        for (int t = 0; t <= 10; t++) {
            series.add(t, Math.exp(-t / 3.0));
        }
        return Charts.lines("Noise schedule", "t", "coefficient", new XYSeriesCollection(series));
    }

    @Test
    void aChartSavesAsAnSvgDocumentWithItsText() throws IOException {
        Path file = dir.resolve("schedule.svg");
        ChartExport.writeSvg(chart(), 640, 400, file);
        String svg = Files.readString(file);
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg"), "an SVG document");
        assertTrue(svg.contains(">Noise schedule<") && svg.contains(">ᾱₜ<"), "its title and legend as text, not pixels");
        assertTrue(svg.contains("width='640.0' height='400.0'"), "at the size asked for");
    }

    @Test
    void theChartsMenuSpeaksTheUiLanguage(FxRobot robot) {
        Numbers.use(Messages.VIETNAMESE);
        ChartViewer[] viewer = new ChartViewer[1];
        robot.interact(() -> {
            viewer[0] = new ChartViewer(chart());
            ChartExport.localizeMenu(viewer[0]);
        });
        assertEquals(List.of("Lưu biểu đồ dạng SVG (cho trang chiếu)…", "Lưu biểu đồ dạng PNG…"),
                viewer[0].getContextMenu().getItems().stream().map(MenuItem::getText).toList());
    }
}
