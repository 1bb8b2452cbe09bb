package org.diffusionlab.ui.common.work;

import java.util.function.Consumer;

import javafx.animation.AnimationTimer;

/**
 * Passes on at most one value per interval and always the latest one in the end: for redraws that cost more
 * than a frame (a chart) fed by something that changes every frame (playback). FX thread only.
 */
public final class Throttle<T> {
    private final long intervalNanos;
    private final Consumer<T> action;
    private T pending;
    private long lastApplied = Long.MIN_VALUE / 2;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (pending == null) {
                stop();
            } else if (now - lastApplied >= intervalNanos) {
                apply(now);
            }
        }
    };

    public Throttle(long intervalMillis, Consumer<T> action) {
        this.intervalNanos = intervalMillis * 1_000_000;
        this.action = action;
    }

    public void offer(T value) {
        pending = value;
        long now = System.nanoTime();
        if (intervalNanos == 0 || now - lastApplied >= intervalNanos) {
            apply(now);
        } else {
            timer.start();
        }
    }

    private void apply(long now) {
        T value = pending;
        pending = null;
        lastApplied = now;
        if (value != null) {
            action.accept(value);
        }
    }
}
