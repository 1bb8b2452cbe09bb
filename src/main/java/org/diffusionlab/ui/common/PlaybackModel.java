package org.diffusionlab.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Playback over positions 0..max (steps of a chain): play/pause, step, jump to the ends, speed in steps per
 * second, loop. {@link #advance(double)} is driven by a frame clock, so the rate is independent of frame rate.
 */
public final class PlaybackModel {
    public static final double[] SPEEDS = {5, 10, 25, 50, 100, 200, 500};
    /** How long a replay of a whole chain takes by default, whatever its length: long enough to watch. */
    public static final double REPLAY_SECONDS = 5;

    // Properties
    private final IntegerProperty position = new SimpleIntegerProperty(this, "position", 0);
    private final IntegerProperty max = new SimpleIntegerProperty(this, "max", 1);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final DoubleProperty stepsPerSecond = new SimpleDoubleProperty(this, "stepsPerSecond", 50);
    private final BooleanProperty loop = new SimpleBooleanProperty(this, "loop", false);
    private final IntegerProperty available = new SimpleIntegerProperty(this, "available", Integer.MAX_VALUE);
    private double carry;

    public PlaybackModel() {
        max.addListener((obs, old, value) -> {
            if (position.get() > value.intValue()) {
                position.set(value.intValue());
            }
        });
        playing.addListener((obs, old, value) -> carry = 0);
    }

    /**
     * The fastest speed from {@link #SPEEDS} at which {@code steps} steps still take {@code seconds} or more
     * (the slowest speed for a chain too short for that): DDIM-50 → 10 steps/s, DDPM-1000 → 200 steps/s.
     */
    public static double speedFor(int steps, double seconds) {
        double chosen = SPEEDS[0];
        for (double speed : SPEEDS) {
            if (steps / speed >= seconds) {
                chosen = speed;
            }
        }
        return chosen;
    }

    public IntegerProperty positionProperty() { return position; }
    public IntegerProperty maxProperty() { return max; }
    public BooleanProperty playingProperty() { return playing; }
    public DoubleProperty stepsPerSecondProperty() { return stepsPerSecond; }
    public BooleanProperty loopProperty() { return loop; }
    /**
     * How far playback may run on its own: positions beyond it are still being computed (e.g. reverse steps).
     * Playing waits there; seeking may go further and the view shows the latest it has.
     */
    public IntegerProperty availableProperty() { return available; }
    public int position() { return position.get(); }
    public int max() { return max.get(); }
    public boolean isPlaying() { return playing.get(); }

    // Commands

    /** Play from the start again when at the end; otherwise toggle. */
    public void togglePlay() {
        if (!playing.get() && position.get() >= max.get()) {
            position.set(0);
        }
        playing.set(!playing.get());
    }

    public void stepForward() {
        playing.set(false);
        seek(position.get() + 1);
    }

    public void stepBack() {
        playing.set(false);
        seek(position.get() - 1);
    }

    public void toStart() {
        playing.set(false);
        seek(0);
    }

    public void toEnd() {
        playing.set(false);
        seek(max.get());
    }

    public void seek(int target) {
        position.set(Math.max(0, Math.min(max.get(), target)));
    }

    /** Moves the position on by the steps due after {@code seconds} of play; stops or loops at the end. */
    public void advance(double seconds) {
        if (!playing.get()) {
            return;
        }
        carry += seconds * stepsPerSecond.get();
        int steps = (int) carry;
        if (steps == 0) {
            return;
        }
        carry -= steps;
        int limit = Math.min(max.get(), available.get());
        if (position.get() >= limit && limit < max.get()) {
            carry = 0; // waiting for the next position to be computed
            return;
        }
        int next = Math.min(position.get() + steps, limit < max.get() ? limit : Integer.MAX_VALUE);
        if (next >= max.get()) {
            if (loop.get() && position.get() >= max.get()) {
                next = 0;
            } else {
                next = max.get();
                if (!loop.get()) {
                    playing.set(false);
                }
            }
        }
        position.set(next);
    }
}
