package org.diffusionlab.ui.train;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.ui.common.chart.CurveChart;

/** The centre of the Train view for one kind of model: its charts and pictures. */
sealed interface TrainPane permits VaePane, DiffusionPane {
    /** The two charts side by side, as an exported PNG shows them. */
    List<CurveChart> charts();

    /** Redraws the charts from the run's curves. */
    default void refresh(TrainingCurves curves) {
        for (CurveChart chart : charts()) {
            chart.refresh(curves.log());
        }
    }

    /** A chart's curve of a metric on training batches (raw and smoothed) or held-out data (marked points). */
    static CurveChart.Curve curve(String prefix, Metric metric, String label, Color colour) {
        return new CurveChart.Curve(TrainingCurves.series(prefix, metric), label, colour,
                prefix.equals(TrainingCurves.TRAIN) ? CurveChart.Style.TRAIN : CurveChart.Style.HELD_OUT,
                "curve." + metric.name().toLowerCase(Locale.ROOT));
    }
}
