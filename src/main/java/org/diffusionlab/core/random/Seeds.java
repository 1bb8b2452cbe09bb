package org.diffusionlab.core.random;

/**
 * Derives independent, reproducible seeds from one user seed (SplitMix64), so that a lesson replays
 * exactly: the noise of step t, of sample i or of thread k each comes from {@code derive(seed, ...)}.
 */
public final class Seeds {
    private Seeds() {
    }

    public static long derive(long seed, long... streams) {
        long h = mix(seed);
        for (long stream : streams) {
            h = mix(h ^ mix(stream + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
