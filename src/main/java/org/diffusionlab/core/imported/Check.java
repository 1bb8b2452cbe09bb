package org.diffusionlab.core.imported;

import java.util.List;

/**
 * One named check a model file passes before it is used ({@link ModelCheck}); {@code detail} says what was found, in
 * English for the CLI (a UI names the check in its own language from {@link #id}).
 */
public record Check(String id, Status status, String detail) {
    public enum Status { PASSED, FAILED, NOT_RUN }

    /** The checks, in the order they run: each needs the ones before it. */
    public static final List<String> ORDER = List.of("files", "sidecar", "graph", "signature", "batch-axis", "memory", "session",
            "outputs", "test-vector", "batch-1-vs-3");

    public boolean passed() {
        return status == Status.PASSED;
    }
}
