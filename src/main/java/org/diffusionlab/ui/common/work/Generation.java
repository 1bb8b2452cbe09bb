package org.diffusionlab.ui.common.work;

/**
 * Counts how often a view-model's settings changed, so a {@link BackgroundTask} started for older settings can
 * tell its result is stale ({@link BackgroundTask#whileCurrent}). FX thread only.
 */
public final class Generation {
    private long current;

    public long current() {
        return current;
    }

    /** The settings changed: every job started before now is stale. */
    public void advance() {
        current++;
    }
}
