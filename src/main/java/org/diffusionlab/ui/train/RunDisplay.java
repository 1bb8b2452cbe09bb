package org.diffusionlab.ui.train;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.train.TrainingEvent;

/**
 * What a run has shown so far, filled from its events on the FX thread: its curves (announced once per batch of
 * events by {@link #curvesRevisionProperty()}), its pictures, and a 2-D model's samples over its data set.
 */
final class RunDisplay {
    private final TrainingCurves curves = new TrainingCurves();
    private final ReadOnlyIntegerWrapper curvesRevision = new ReadOnlyIntegerWrapper(this, "curvesRevision");
    private final ObservableMap<String, List<Raster>> pictures = FXCollections.observableHashMap();
    private final ObjectProperty<float[]> samplePoints = new SimpleObjectProperty<>(this, "samplePoints");
    private final ObjectProperty<float[]> dataPoints = new SimpleObjectProperty<>(this, "dataPoints");
    private boolean curvesChanged;

    TrainingCurves curves() { return curves; }
    ReadOnlyIntegerProperty curvesRevisionProperty() { return curvesRevision.getReadOnlyProperty(); }
    ObservableMap<String, List<Raster>> pictures() { return pictures; }
    ObjectProperty<float[]> samplePointsProperty() { return samplePoints; }
    ObjectProperty<float[]> dataPointsProperty() { return dataPoints; }

    /** Empties everything for a new run, whose 2-D data set (or null) is {@code data}. */
    void clear(float[] data) {
        curves.clear();
        curvesRevision.set(curvesRevision.get() + 1);
        pictures.clear();
        samplePoints.set(null);
        dataPoints.set(data);
    }

    /** Shows what an event carries: values through the run's plan, loss by t, pictures, points. */
    void show(TrainingEvent event, ModelSetup.Plan plan) {
        if (event instanceof TrainingEvent.Step step) {
            plan.record(curves, TrainingCurves.TRAIN, step.step(), step.values());
            curvesChanged = true;
        } else if (event instanceof TrainingEvent.Evaluation evaluation) {
            plan.record(curves, TrainingCurves.HELD_OUT, evaluation.step(), evaluation.values());
            curvesChanged = true;
        } else if (event instanceof TrainingEvent.LossByTime buckets) {
            curves.recordLossByTime(buckets.step(), buckets.bucketLoss());
            curvesChanged = true;
        } else if (event instanceof TrainingEvent.Points points) {
            samplePoints.set(points.coordinates());
        } else if (event instanceof TrainingEvent.Pictures shown) {
            pictures.put(shown.title(), shown.pictures().stream().map(Raster::of).toList());
        }
    }

    /** Announces one curves revision for a batch of events that added points. */
    void endOfBatch() {
        if (curvesChanged) {
            curvesChanged = false;
            curvesRevision.set(curvesRevision.get() + 1);
        }
    }
}
