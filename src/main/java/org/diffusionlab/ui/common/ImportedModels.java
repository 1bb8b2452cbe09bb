package org.diffusionlab.ui.common;

import java.nio.file.Path;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.imported.Check;
import org.diffusionlab.core.imported.ImportedModel;
import org.diffusionlab.core.imported.Inspection;
import org.diffusionlab.ui.common.text.Localized;

/**
 * Opening a model exported from PyTorch in a view (on the worker thread): the checks of core.imported, and a refusal
 * worded in the reader's language that names the check which failed (its detail stays core's English sentence).
 */
public final class ImportedModels {
    private ImportedModels() {
    }

    /** Whether {@code file} is an exported model (.onnx, .json, or a zip holding model.json) rather than the app's own. */
    public static boolean isImported(Path file) {
        return ImportedModel.isImported(file);
    }

    /** Reads and checks {@code file}; throws, naming the failed check, if any check fails. */
    public static Inspection open(Path file) throws BadInputException {
        Inspection inspection = Inspection.of(file);
        if (!inspection.passed()) {
            Check failed = inspection.failure().orElseThrow();
            throw new BadInputException(failed.detail(), "imported.refused", inspection.file(),
                    Localized.of("imported.check." + failed.id()), failed.detail());
        }
        return inspection;
    }
}
