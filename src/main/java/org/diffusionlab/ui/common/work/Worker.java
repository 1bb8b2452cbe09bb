package org.diffusionlab.ui.common.work;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The seam between view-models and heavy work. {@link BackgroundWorker} runs jobs on one worker thread that
 * owns ND4J for the UI and hands results to the FX thread once per frame; tests use {@link ImmediateWorker}.
 */
public interface Worker {
    /**
     * Runs {@code work} off the FX thread, then {@code onResult} (or {@code onError}) on the FX thread.
     * Within one lane the latest submission wins: a job not yet started is dropped when a newer one arrives,
     * so a slider that moves faster than the work keeps only its newest value.
     */
    <T> void submit(String lane, Callable<T> work, Consumer<T> onResult, Consumer<Exception> onError);

    /** Runs an action on the FX thread at the next frame (for events produced on other threads). */
    void post(Runnable action);
}
