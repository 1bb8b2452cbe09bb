package org.diffusionlab.ui.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.train.TrainingSession;
import org.diffusionlab.ui.common.text.Localized;

/**
 * One kind of model the Train view trains: it owns its settings, and knows how a run of them is built, drawn,
 * named and saved. {@link TrainViewModel} keeps the run's lifecycle and asks the setup of the chosen kind.
 */
sealed interface ModelSetup permits VaeSetup, DiffusionSetup {

    /** Fixes the settings for one run (FX thread); a bad value is refused in words (IllegalArgumentException). */
    Plan plan(long seed) throws BadInputException;

    /**
     * Reads a model file of this kind (worker thread); what it returns, run on the FX thread, puts the model on
     * the shelf the other views use and says in a line what it is.
     */
    Supplier<Localized> load(Path file) throws BadInputException;

    /** One run's fixed settings and, once {@link #session()} has built it, its session. */
    interface Plan {
        /** Loads the data and builds a fresh model and its session (native memory: worker thread). */
        TrainingSession session() throws BadInputException;

        /** The 2-D data set drawn behind a toy model's samples (x, y pairs), or null. */
        float[] dataPoints() throws BadInputException;

        /** A step's or an evaluation's values into the curves ({@link TrainingCurves#TRAIN} or {@code HELD_OUT}). */
        void record(TrainingCurves curves, String prefix, long step, Map<Metric, Double> values);

        /** The name a save dialog suggests. */
        String fileName();

        /** The run's weights as a model of their own, once the run has ended (worker thread). */
        TrainedModel keep(double seconds, long steps, Map<Metric, Double> lastEvaluation);
    }

    /** What a run trained: a VAE or a diffusion model, with what its file records about the run. */
    sealed interface TrainedModel permits VaeSetup.TrainedVae, DiffusionSetup.TrainedDiffusion {
        /** Puts the model on the shelf the other views use (FX thread); returns what the status bar says. */
        Localized offer();

        /** Writes the model with the command that reproduces it, whole or not at all (worker thread). */
        void write(Path file) throws IOException;
    }
}
