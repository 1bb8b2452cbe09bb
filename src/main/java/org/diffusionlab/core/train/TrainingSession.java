package org.diffusionlab.core.train;

import java.util.Map;
import java.util.function.Consumer;

import org.diffusionlab.core.metric.Metric;

/**
 * The model-specific half of training: {@link TrainingRun} owns the thread, pause, stop, timing and the
 * NaN guard; a session owns the model, the data and the optimiser. All methods run on the training thread.
 */
public interface TrainingSession {
    int epochs();

    int stepsPerEpoch();

    /** One optimisation step; the values must include {@link Metric#LOSS} (what is minimised). */
    Map<Metric, Double> step(int epoch, long step);

    /** Called after every epoch's last step: emit evaluations and pictures. */
    void endOfEpoch(int epoch, long step, Consumer<TrainingEvent> emit);

    /** Called every step before {@link #step}: an optional periodic hook (e.g. held-out ELBO every N steps). */
    default void beforeStep(int epoch, long step, Consumer<TrainingEvent> emit) {
    }

    /** Remembers the current weights as the last good ones (called after every finite step). */
    void keepLastGood();

    /** Puts the last good weights back (called when a step produced NaN or ∞). */
    void restoreLastGood();
}
