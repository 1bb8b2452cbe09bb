package org.diffusionlab.core.io;

import java.util.Arrays;

/** A float32 array with a shape, as stored in one {@code .npy} file; plain Java, safe to validate before ND4J sees it. */
public record NpyArray(long[] shape, float[] data) {
    public NpyArray {
        if (count(shape) != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + count(shape)
                    + " values, got " + data.length);
        }
    }

    public static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                return -1;
            }
            n *= d;
        }
        return n;
    }

    public boolean hasShape(long... expected) {
        return Arrays.equals(shape, expected);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyArray a && Arrays.equals(a.shape, shape) && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray" + Arrays.toString(shape);
    }
}
