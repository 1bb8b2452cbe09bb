package org.diffusionlab.core.vae;

/**
 * Paths between two latent vectors: straight lines, and spherical interpolation (slerp), which keeps the norm
 * roughly constant — the typical radius of a draw from N(0, I) in many dimensions — where a line cuts
 * through the low-norm middle. Plain Java.
 */
public final class LatentPaths {
    private LatentPaths() {
    }

    /** {@code steps} points from a to b inclusive: (1 − s)·a + s·b for s = 0, 1/(steps−1), …, 1. */
    public static float[][] linear(float[] a, float[] b, int steps) {
        check(a, b, steps);
        float[][] path = new float[steps][a.length];
        for (int i = 0; i < steps; i++) {
            double s = (double) i / (steps - 1);
            for (int k = 0; k < a.length; k++) {
                path[i][k] = (float) ((1 - s) * a[k] + s * b[k]);
            }
        }
        return path;
    }

    /** slerp: sin((1 − s)Ω)/sin Ω · a + sin(sΩ)/sin Ω · b, Ω the angle between a and b; a line when they are parallel. */
    public static float[][] spherical(float[] a, float[] b, int steps) {
        check(a, b, steps);
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
            normA += a[k] * a[k];
            normB += b[k] * b[k];
        }
        double cosine = dot / Math.sqrt(normA * normB);
        double omega = Math.acos(Math.max(-1, Math.min(1, cosine)));
        if (!(Math.sin(omega) > 1e-6)) {
            return linear(a, b, steps);
        }
        float[][] path = new float[steps][a.length];
        for (int i = 0; i < steps; i++) {
            double s = (double) i / (steps - 1);
            double wa = Math.sin((1 - s) * omega) / Math.sin(omega);
            double wb = Math.sin(s * omega) / Math.sin(omega);
            for (int k = 0; k < a.length; k++) {
                path[i][k] = (float) (wa * a[k] + wb * b[k]);
            }
        }
        path[0] = a.clone();
        path[steps - 1] = b.clone();
        return path;
    }

    private static void check(float[] a, float[] b, int steps) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("both ends need the same latent size: " + a.length + " vs " + b.length);
        }
        if (steps < 2) {
            throw new IllegalArgumentException("a path needs at least 2 points, not " + steps);
        }
    }
}
