package org.diffusionlab.ui.common.work;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.application.Platform;

/** Runs every job at once on the calling thread: deterministic view-model tests. */
public final class ImmediateWorker implements Worker {
    private final Consumer<Runnable> posts;

    /** Posts from the FX thread run now; from another thread (a trainer), at the FX thread's next turn. */
    public ImmediateWorker() {
        this(action -> {
            if (Platform.isFxApplicationThread()) {
                action.run();
            } else {
                Platform.runLater(action);
            }
        });
    }

    /**
     * Posts go to {@code posts}, e.g. a queue a test without a window drains on its own thread, which then plays
     * the FX thread's part.
     */
    public ImmediateWorker(Consumer<Runnable> posts) {
        this.posts = posts;
    }

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
        posts.accept(action);
    }
}
