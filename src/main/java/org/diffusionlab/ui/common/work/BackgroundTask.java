package org.diffusionlab.ui.common.work;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;

import org.diffusionlab.ui.common.text.Localized;

/**
 * One job for the {@link Worker}, described the way JabRef's {@code BackgroundTask} is: the work (off the FX
 * thread), then on the FX thread what happens when it starts, succeeds, fails and finishes. The view-models'
 * shared rules live here once: a busy flag up while the job runs ({@link #busy}), results dropped when the
 * settings moved on meanwhile ({@link #whileCurrent}), and failures worded for the user ({@link #reportingTo}).
 * <pre>{@code
 * BackgroundTask.wrap("reverse-step", chain::next).busy(computing).whileCurrent(generation)
 *         .onSuccess(frames::add).reportingTo(notice).executeWith(worker);
 * }</pre>
 */
public final class BackgroundTask<T> {
    private final String lane;
    private final Callable<T> work;
    private Runnable onRunning = () -> { };
    private Consumer<T> onSuccess = result -> { };
    private Consumer<Exception> onFailure = e -> { };
    private Runnable onFinished = () -> { };
    private Generation generation;
    private BooleanProperty busy;

    private BackgroundTask(String lane, Callable<T> work) {
        this.lane = lane;
        this.work = work;
    }

    /** A job in {@code lane}; within a lane the latest job not yet started replaces an older one (see {@link Worker}). */
    public static <T> BackgroundTask<T> wrap(String lane, Callable<T> work) {
        return new BackgroundTask<>(lane, work);
    }

    /** Runs on the FX thread as the job is handed to the worker. */
    public BackgroundTask<T> onRunning(Runnable action) {
        onRunning = chain(onRunning, action);
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<T> action) {
        onSuccess = onSuccess.andThen(action);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Exception> action) {
        onFailure = onFailure.andThen(action);
        return this;
    }

    /** Runs after the success or failure actions, either way. */
    public BackgroundTask<T> onFinished(Runnable action) {
        onFinished = chain(onFinished, action);
        return this;
    }

    /** {@code flag} is true while the work runs: set as the job is handed over, cleared before its outcome's actions. */
    public BackgroundTask<T> busy(BooleanProperty flag) {
        busy = flag;
        return this;
    }

    /** The outcome is dropped (no action runs) if {@code generation} has moved on since the job started. */
    public BackgroundTask<T> whileCurrent(Generation current) {
        generation = current;
        return this;
    }

    /** A failure becomes {@code notice}, worded by {@link Localized#failure}: the words of bad input, no class names. */
    public BackgroundTask<T> reportingTo(ObjectProperty<Localized> notice) {
        return onFailure(e -> notice.set(Localized.failure(e)));
    }

    public void executeWith(Worker worker) {
        long started = generation == null ? 0 : generation.current();
        if (busy != null) {
            busy.set(true);
        }
        onRunning.run();
        worker.submit(lane, work, result -> {
            if (current(started)) {
                done();
                onSuccess.accept(result);
                onFinished.run();
            }
        }, e -> {
            if (current(started)) {
                done();
                onFailure.accept(e);
                onFinished.run();
            }
        });
    }

    private void done() {
        if (busy != null) {
            busy.set(false);
        }
    }

    private boolean current(long started) {
        return generation == null || generation.current() == started;
    }

    private static Runnable chain(Runnable first, Runnable then) {
        return () -> {
            first.run();
            then.run();
        };
    }
}
