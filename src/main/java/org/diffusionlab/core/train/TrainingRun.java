package org.diffusionlab.core.train;

import java.util.Map;
import java.util.function.Consumer;

import org.diffusionlab.core.metric.Metric;

/**
 * Runs a {@link TrainingSession} step by step and reports {@link TrainingEvent}s. Pause, resume and stop are
 * flags checked before every step, so each takes effect within one step. A loss that is NaN or infinite stops
 * the run with a plain message and puts back the last good weights.
 */
public final class TrainingRun {
    private final TrainingSession session;
    private final Consumer<TrainingEvent> listener;
    private final Object pauseLock = new Object();
    private volatile boolean paused;
    private volatile boolean stopRequested;
    private volatile boolean running;
    private Thread thread;

    public TrainingRun(TrainingSession session, Consumer<TrainingEvent> listener) {
        this.session = session;
        this.listener = listener;
    }

    /** Starts on a new daemon thread named "trainer". */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("a training run starts once");
        }
        running = true;
        thread = new Thread(this::run, "trainer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs on the calling thread until the end (for the CLI and tests). */
    public void run() {
        running = true;
        long totalSteps = (long) session.epochs() * session.stepsPerEpoch();
        long start = System.nanoTime();
        long step = 0;
        try {
            listener.accept(new TrainingEvent.Started(totalSteps, session.epochs(), session.stepsPerEpoch()));
            session.keepLastGood();
            for (int epoch = 1; epoch <= session.epochs(); epoch++) {
                for (int i = 0; i < session.stepsPerEpoch(); i++) {
                    if (!waitWhilePaused()) {
                        listener.accept(new TrainingEvent.Finished(step, seconds(start), true));
                        return;
                    }
                    step++;
                    session.beforeStep(epoch, step, listener);
                    Map<Metric, Double> values = session.step(epoch, step);
                    Double loss = values.get(Metric.LOSS);
                    if (loss == null || !Double.isFinite(loss)) {
                        session.restoreLastGood();
                        listener.accept(new TrainingEvent.Failed(step, "Training stopped at step " + step
                                + ": the loss became " + loss + " (not a finite number). The learning rate is probably too"
                                + " high. The model keeps the weights from the last good step.", true));
                        return;
                    }
                    session.keepLastGood();
                    listener.accept(new TrainingEvent.Step(epoch, step, totalSteps, seconds(start), values));
                }
                session.endOfEpoch(epoch, step, listener);
            }
            listener.accept(new TrainingEvent.Finished(step, seconds(start), false));
        } catch (RuntimeException | OutOfMemoryError e) {
            session.restoreLastGood();
            listener.accept(new TrainingEvent.Failed(step, "Training failed at step " + step + ": " + (e instanceof OutOfMemoryError
                    ? "not enough memory (try a smaller batch or network)" : e.getMessage() == null ? "an internal error"
                    : e.getMessage()) + ". The model keeps the weights from the last good step.", false));
        } finally {
            running = false;
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Blocks while paused; returns false if a stop was requested. */
    private boolean waitWhilePaused() {
        synchronized (pauseLock) {
            while (paused && !stopRequested) {
                try {
                    pauseLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !stopRequested;
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    public void stop() {
        synchronized (pauseLock) {
            stopRequested = true;
            pauseLock.notifyAll();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    public boolean isRunning() {
        return running;
    }

    /** Waits for the training thread to end (tests, CLI). */
    public void join() throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join();
        }
    }
}
