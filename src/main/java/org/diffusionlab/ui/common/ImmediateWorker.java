package org.diffusionlab.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs every job at once on the calling thread: deterministic view-model tests. */
public final class ImmediateWorker implements Worker {
    @Override
    public <T> void submit(String lane, Callable<T> work, Consumer<T> onResult, Consumer<Exception> onError) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onError.accept(e);
            return;
        }
        onResult.accept(result);
    }

    @Override
    public void post(Runnable action) {
        action.run();
    }
}
