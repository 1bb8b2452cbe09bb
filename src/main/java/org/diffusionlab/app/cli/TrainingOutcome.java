package org.diffusionlab.app.cli;

import java.nio.file.Path;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.train.TrainingEvent;

/** How a training command ends when its run did not finish: one line, exit code 2, and no model file written. */
final class TrainingOutcome {
    private TrainingOutcome() {
    }

    /** Throws unless the run finished; a diverged run's message says why and that {@code out} was left as it was. */
    static void requireFinished(TrainingEvent end, Path out) throws BadInputException {
        if (end instanceof TrainingEvent.Failed failed) {
            throw new BadInputException(failed.message() + " Nothing was written to " + out + ".");
        }
        if (!(end instanceof TrainingEvent.Finished)) {
            throw new BadInputException("training ended without finishing; nothing was written to " + out);
        }
    }
}
