package org.diffusionlab.ui.common.work;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;

/**
 * One daemon thread ("nd4j-worker") runs every UI job, so no ND4J call ever happens on the FX thread.
 * Results are queued and applied by an {@link AnimationTimer} once per frame, never by one
 * {@code Platform.runLater} per job.
 */
public final class BackgroundWorker implements Worker, AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nd4j-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, AtomicReference<Runnable>> pending = new ConcurrentHashMap<>();
    private final Queue<Runnable> toFx = new ConcurrentLinkedQueue<>();
    private final AnimationTimer drain = new AnimationTimer() {
        @Override
        public void handle(long now) {
            for (Runnable action; (action = toFx.poll()) != null; ) {
                action.run();
            }
        }
    };

    /** Must be called on the FX thread. */
    public BackgroundWorker() {
        drain.start();
    }

    @Override
    public <T> void submit(String lane, Callable<T> work, Consumer<T> onResult, Consumer<Exception> onError) {
        AtomicReference<Runnable> slot = pending.computeIfAbsent(lane, key -> new AtomicReference<>());
        slot.set(() -> {
            try {
                T result = work.call();
                toFx.add(() -> onResult.accept(result));
            } catch (Exception e) {
                toFx.add(() -> onError.accept(e));
            } catch (OutOfMemoryError e) {
                toFx.add(() -> onError.accept(new IllegalStateException("out of memory", e)));
            }
        });
        executor.execute(() -> {
            Runnable job = slot.getAndSet(null);
            if (job != null) {
                job.run();
            }
        });
    }

    @Override
    public void post(Runnable action) {
        toFx.add(action);
    }

    @Override
    public void close() {
        drain.stop();
        executor.shutdownNow();
    }
}
