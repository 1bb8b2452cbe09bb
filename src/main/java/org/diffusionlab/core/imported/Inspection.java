package org.diffusionlab.core.imported;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.imported.ImportedKind.GraphPart;

/**
 * What opening a model exported from PyTorch found: the sidecar and graphs as far as they could be read, every check
 * in {@link Check#ORDER}, and the model itself if all passed. The app and {@code inspect-model} both come here.
 */
public record Inspection(String file, Sidecar sidecar, Map<GraphPart, GraphSignature> signatures, List<Check> checks,
                         ImportedModel model) {
    /** Reads and checks {@code file} (a .zip, .onnx or .json); never throws: a refusal is a failed check. */
    public static Inspection of(Path file) {
        return ModelCheck.run(file);
    }

    public boolean passed() {
        return model != null;
    }

    public Optional<Check> failure() {
        return checks.stream().filter(c -> c.status() == Check.Status.FAILED).findFirst();
    }

    /** The model, or the refusal naming the check that failed (reason "imported.refused": file, check, detail). */
    public ImportedModel require() throws BadInputException {
        if (model != null) {
            return model;
        }
        Check failed = failure().orElseThrow();
        throw new BadInputException(file + ": refused, the check '" + failed.id() + "' failed: " + failed.detail(),
                "imported.refused", file, failed.id(), failed.detail());
    }

    public ModelInfo info() {
        return ModelInfo.of(this);
    }
}
