package org.diffusionlab.core.train;

import java.util.List;
import java.util.Map;

import org.diffusionlab.core.data.Picture;
import org.diffusionlab.core.metric.Metric;

/**
 * What a training run reports, in the order it happens, on the training thread. Listeners that feed a UI
 * queue these and drain the queue once per frame. Values are keyed by {@link Metric}, e.g.
 * {@link Metric#NEG_ELBO}, {@link Metric#RECON}, {@link Metric#KL}, {@link Metric#LOSS}.
 */
public sealed interface TrainingEvent {

    /** The run began; {@code totalSteps} = epochs × steps per epoch. */
    record Started(long totalSteps, int epochs, int stepsPerEpoch) implements TrainingEvent {
    }

    /** One optimisation step on a training batch. */
    record Step(int epoch, long step, long totalSteps, double elapsedSeconds, Map<Metric, Double> values)
            implements TrainingEvent {
    }

    /** An evaluation on held-out data (per epoch, or every few hundred steps). */
    record Evaluation(int epoch, long step, Map<Metric, Double> values) implements TrainingEvent {
    }

    /** Pictures to show while training, e.g. "reconstructions" or "samples", in [0, 1]. */
    record Pictures(long step, String title, List<Picture> pictures) implements TrainingEvent {
    }

    /** Points to show while training (e.g. samples of a 2-D model): {@code dimensions} numbers per point, one after another. */
    record Points(long step, String title, int dimensions, float[] coordinates) implements TrainingEvent {
    }

    /** Mean loss per bucket of t (bucket i covers t in [i·T/n + 1, (i+1)·T/n]), for the loss-by-time heat map. */
    record LossByTime(long step, double[] bucketLoss) implements TrainingEvent {
    }

    /** The run ended: every epoch done, or stopped by the user; the model holds the last good weights. */
    record Finished(long step, double seconds, boolean stoppedEarly) implements TrainingEvent {
    }

    /**
     * The run failed; the model holds the last good weights. {@code lossNotFinite} when the loss became NaN or
     * infinite (the usual cause: too high a learning rate), so a view can say it in the reader's language.
     */
    record Failed(long step, String message, boolean lossNotFinite) implements TrainingEvent {
    }
}
