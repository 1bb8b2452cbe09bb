package org.diffusionlab.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.application.Platform;

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

    /** On the FX thread: now. From another thread (a trainer): at the FX thread's next turn. */
    @Override
    public void post(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
