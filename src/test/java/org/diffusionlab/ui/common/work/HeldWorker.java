package org.diffusionlab.ui.common.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds every job until the test releases it, so a test can change settings while one is under way. */
public final class HeldWorker implements Worker {
    private final List<Runnable> held = new ArrayList<>();

    @Override
    public <T> void submit(String lane, Callable<T> work, Consumer<T> onResult, Consumer<Exception> onError) {
        held.add(() -> {
            try {
                onResult.accept(work.call());
            } catch (Exception e) {
                onError.accept(e);
            }
        });
    }

    @Override
    public void post(Runnable action) {
        action.run();
    }

    /** Runs the oldest held job (which may hold new ones). */
    public void releaseOne() {
        held.remove(0).run();
    }

    public void releaseAll() {
        while (!held.isEmpty()) {
            releaseOne();
        }
    }
}
