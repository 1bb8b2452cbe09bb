package org.diffusionlab.core.stats;

/** Exponential moving average with bias correction (as TensorBoard draws it): the curve starts at the data. */
public final class Smoothing {
    private Smoothing() {
    }

    /** s_i = w·s_{i−1} + (1−w)·x_i, divided by (1 − w^i); weight 0 returns the values unchanged. */
    public static double[] ema(double[] values, double weight) {
        if (weight < 0 || weight >= 1) {
            throw new IllegalArgumentException("smoothing weight must be in [0, 1), got " + weight);
        }
        double[] smoothed = new double[values.length];
        double running = 0;
        double correction = 1;
        for (int i = 0; i < values.length; i++) {
            running = weight * running + (1 - weight) * values[i];
            correction *= weight;
            smoothed[i] = running / (1 - correction);
        }
        return smoothed;
    }
}
