package org.diffusionlab.core.random;

import java.util.SplittableRandom;

/** A seeded Fisher–Yates shuffle of 0..n−1: the order of training examples in one epoch. */
public final class Permutation {
    private Permutation() {
    }

    public static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
