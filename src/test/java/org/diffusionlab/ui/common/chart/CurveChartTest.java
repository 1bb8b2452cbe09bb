package org.diffusionlab.ui.common.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;

import javafx.stage.Stage;

import org.diffusionlab.ui.common.Theme;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A training curve is drawn as faint raw points under a strong exponential moving average, and the chart says so:
 * "α = 1 − w" in the reader's language, in the theme's ink, updated when the smoothing changes.
 */
@ExtendWith(ApplicationExtension.class)
class CurveChartTest {
    private static final String KEY = "train/x";

    @Start
    void start(Stage stage) {
    }

    @AfterEach
    void defaults() {
        Theme.use(Theme.LIGHT);
        Numbers.use(Messages.ENGLISH);
    }

    private static CurveChart chart(Locale language, Theme theme) {
        Theme.use(theme);
        Numbers.use(language);
        return new CurveChart(new Messages(language), "title", "step", "y", List.of(
                new CurveChart.Curve(KEY, "loss, train", Theme.BLUE, CurveChart.Style.TRAIN, "curve.loss"),
                new CurveChart.Curve("heldout/x", "loss, held out", Theme.VERMILLION, CurveChart.Style.HELD_OUT, "curve.loss")));
    }

    /** 200 steps alternating 8 and 12 around a level of 10. */
    private static CurveLog zigzag() {
        CurveLog log = new CurveLog();
        for (int i = 0; i < 200; i++) {
            log.add(KEY, i, i % 2 == 0 ? 8 : 12);
        }
        log.add("heldout/x", 100, 10);
        return log;
    }

    @Test
    void theSmoothedLineRunsThroughTheMiddleOfTheFaintRawPoints(FxRobot robot) {
        robot.interact(() -> {
            CurveChart chart = chart(Messages.ENGLISH, Theme.LIGHT);
            chart.refresh(zigzag());
            XYPlot plot = chart.chart().getXYPlot();
            XYDataset data = plot.getDataset();
            XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
            assertEquals("loss, train · raw points", data.getSeriesKey(0));
            assertEquals("loss, train", data.getSeriesKey(1));
            assertEquals(200, data.getItemCount(0));
            assertEquals(200, data.getItemCount(1));
            assertEquals(1, data.getItemCount(2), "a held-out curve has no raw twin");
            double rawSpread = 0;
            double smoothSpread = 0;
            for (int i = 100; i < 200; i++) {
                rawSpread = Math.max(rawSpread, Math.abs(data.getYValue(0, i) - 10));
                smoothSpread = Math.max(smoothSpread, Math.abs(data.getYValue(1, i) - 10));
            }
            assertEquals(2, rawSpread, 1e-12);
            // an EMA of weight 0.9 of a ±2 square wave swings by 2·(1 − w)/(1 + w) ≈ 0.105 around its level
            assertEquals(2 * 0.1 / 1.9, smoothSpread, 1e-3);
            // raw: faint points, no line, out of the legend; smoothed: an opaque, thick line in the legend
            Color raw = (Color) renderer.getSeriesPaint(0);
            Color smooth = (Color) renderer.getSeriesPaint(1);
            assertTrue(raw.getAlpha() < 100 && smooth.getAlpha() == 255, raw + " / " + smooth);
            assertFalse(renderer.getSeriesLinesVisible(0));
            assertTrue(renderer.getSeriesShapesVisible(0));
            assertFalse(renderer.getSeriesVisibleInLegend(0));
            assertTrue(renderer.getSeriesLinesVisible(1));
            assertTrue(renderer.getSeriesVisibleInLegend(1));
            assertTrue(((BasicStroke) renderer.getSeriesStroke(1)).getLineWidth() >= 2);
        });
    }

    @Test
    void theChartStatesItsSmoothingInTheLanguageAndTheme(FxRobot robot) {
        robot.interact(() -> {
            for (Theme theme : Theme.all()) {
                CurveChart english = chart(Messages.ENGLISH, theme);
                assertEquals("Lines: exponential moving average, α\u00a0=\u00a00.10; dots: raw", english.smoothingNote());
                TextTitle note = note(english);
                assertEquals(theme.ink(), note.getPaint());
                assertTrue(Theme.contrast(theme.ink(), theme.chartBackground()) >= 4.5);
                english.setSmoothing(0.75);
                assertTrue(english.smoothingNote().contains("α\u00a0=\u00a00.25;"), english.smoothingNote());
                assertEquals(english.smoothingNote(), note.getText(), "the chart shows the new sentence");
                english.setSmoothing(0);
                english.refresh(zigzag());
                assertEquals("Lines: the raw points, not smoothed", english.smoothingNote());
                XYDataset data = english.chart().getXYPlot().getDataset();
                assertEquals(data.getYValue(0, 7), data.getYValue(1, 7), "weight 0 draws the raw points");

                CurveChart vietnamese = chart(Messages.VIETNAMESE, theme);
                assertTrue(vietnamese.smoothingNote().startsWith("Đường: trung bình trượt hàm mũ")
                        && vietnamese.smoothingNote().contains("α\u00a0=\u00a00,10;"), vietnamese.smoothingNote());
            }
        });
    }

    @Test
    void aSingleEvaluationAtStepZeroStillGetsAReadableStepAxis(FxRobot robot) {
        robot.interact(() -> {
            CurveChart chart = chart(Messages.ENGLISH, Theme.LIGHT);
            CurveLog log = new CurveLog();
            log.add("heldout/x", 0, 10);
            chart.refresh(log);
            org.jfree.data.Range steps = chart.chart().getXYPlot().getDomainAxis().getRange();
            assertTrue(steps.getLowerBound() >= 0 && steps.getLength() >= 10, steps.toString());
        });
    }

    @Test
    void aPointsTooltipSaysWhatTheSeriesMeansAndItsValue(FxRobot robot) {
        robot.interact(() -> {
            CurveChart chart = chart(Messages.VIETNAMESE, Theme.DARK);
            chart.refresh(zigzag());
            String tip = chart.chart().getXYPlot().getRenderer().getToolTipGenerator(0, 3)
                    .generateToolTip(chart.chart().getXYPlot().getDataset(), 0, 3);
            String meaning = new Messages(Messages.VIETNAMESE).get("tip.curve.loss");
            assertEquals("loss, train · điểm thô: " + meaning + "\nstep = 3 → 12", tip);
        });
    }

    private static TextTitle note(CurveChart chart) {
        for (int i = 0; i < chart.chart().getSubtitleCount(); i++) {
            if (chart.chart().getSubtitle(i) instanceof TextTitle title && title.getText().equals(chart.smoothingNote())) {
                return title;
            }
        }
        throw new AssertionError("no smoothing line on the chart");
    }
}
