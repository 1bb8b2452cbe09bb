package org.diffusionlab.core.diffusion;

import org.diffusionlab.core.schedule.NoiseSchedule;

/**
 * One reverse step for a batch of samples, in plain numbers for the UI: at step t the model saw x_t and
 * predicted ε̂ and x̂₀; the sampler then moved to x_{t'} ({@code next}; t' = 0 means the finished samples).
 * Arrays hold {@code samples} samples of {@code dimensions} numbers each, one after another; images are planar
 * in [−1, 1] (x̂₀ as the sampler used it, i.e. clipped when clipping is on).
 *
 * @param step  1-based index of this step; {@code steps} steps in all
 * @param sigma the standard deviation of the noise added in this step
 */
public record ReverseFrame(int step, int steps, int t, int nextT, int samples, int dimensions,
                           float[] xt, float[] epsHat, float[] x0Hat, float[] next, double sigma) {

    /** Sample i of an array of this frame (e.g. {@code sample(x0Hat(), 3)}). */
    public float[] sample(float[] values, int i) {
        float[] one = new float[dimensions];
        System.arraycopy(values, i * dimensions, one, 0, dimensions);
        return one;
    }

    /**
     * How many numbers of sample i had x̂₀ = (x_t − √(1−ᾱ_t) ε̂)/√ᾱ_t outside [−1, 1] and clipped into it. For those
     * the step follows the clipped x̂₀, i.e. the noise it implies, not the network's raw ε̂.
     */
    public int clippedCount(NoiseSchedule schedule, int i) {
        double sqrtAlphaBar = schedule.sqrtAlphaBar(t);
        double sqrtOneMinusAlphaBar = schedule.sqrtOneMinusAlphaBar(t);
        int count = 0;
        for (int k = i * dimensions; k < (i + 1) * dimensions; k++) {
            double raw = (xt[k] - sqrtOneMinusAlphaBar * epsHat[k]) / sqrtAlphaBar;
            if (Math.abs(raw) > 1 && Math.abs(x0Hat[k]) <= 1 + 1e-6) {
                count++;
            }
        }
        return count;
    }

    public boolean isLast() {
        return step == steps;
    }
}
