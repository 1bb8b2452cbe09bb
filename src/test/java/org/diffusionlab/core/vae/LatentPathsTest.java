package org.diffusionlab.core.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatentPathsTest {
    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void bothPathsStartAndEndAtTheEndpoints() {
        float[] a = {1, 2, -1};
        float[] b = {-2, 0.5f, 3};
        for (float[][] path : new float[][][] {LatentPaths.linear(a, b, 7), LatentPaths.spherical(a, b, 7)}) {
            assertEquals(7, path.length);
            assertArrayEquals(a, path[0], 1e-6f);
            assertArrayEquals(b, path[6], 1e-6f);
        }
        assertArrayEquals(new float[] {-0.5f, 1.25f, 1f}, LatentPaths.linear(a, b, 3)[1], 1e-6f);
    }

    @Test
    void slerpKeepsTheNormBetweenEqualNormEnds() {
        float[] a = {3, 0, 0, 0};
        float[] b = {0, 0, 3, 0};
        float[][] spherical = LatentPaths.spherical(a, b, 9);
        for (float[] z : spherical) {
            assertEquals(3, norm(z), 1e-5);
        }
        assertEquals(3 / Math.sqrt(2), norm(LatentPaths.linear(a, b, 9)[4]), 1e-5, "the line cuts the corner");
        // halfway along the arc: 45° between the axes
        assertArrayEquals(new float[] {(float) (3 / Math.sqrt(2)), 0, (float) (3 / Math.sqrt(2)), 0}, spherical[4], 1e-5f);
    }

    @Test
    void parallelEndsFallBackToTheLine() {
        float[] a = {1, 1};
        float[] b = {2, 2};
        assertArrayEquals(LatentPaths.linear(a, b, 5)[2], LatentPaths.spherical(a, b, 5)[2], 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> LatentPaths.linear(a, new float[3], 5));
        assertThrows(IllegalArgumentException.class, () -> LatentPaths.spherical(a, b, 1));
    }
}
