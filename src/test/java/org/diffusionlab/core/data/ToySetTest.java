package org.diffusionlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.diffusionlab.core.BadInputException;
import org.junit.jupiter.api.Test;

class ToySetTest {
    @Test
    void everySetIsSeededAndRoughlyUnitSpread() {
        for (ToySet set : ToySet.values()) {
            float[] a = set.sample(5000, 3);
            assertArrayEquals(a, set.sample(5000, 3), set.id());
            assertFalse(Arrays.equals(a, set.sample(5000, 4)), set.id());
            double sum = 0;
            double squares = 0;
            for (float v : a) {
                sum += v;
                squares += v * v;
            }
            double mean = sum / a.length;
            double std = Math.sqrt(squares / a.length - mean * mean);
            assertEquals(0, mean, 0.25, set.id() + " is centred");
            assertTrue(std > 0.6 && std < 1.4, set.id() + " spread " + std);
        }
    }

    @Test
    void checkerboardPointsLieOnDarkSquares() {
        float[] p = ToySet.CHECKERBOARD.sample(2000, 1);
        for (int i = 0; i < p.length; i += 2) {
            int column = (int) Math.floor(p[i] * 1.15);
            int row = (int) Math.floor(p[i + 1] * 1.15);
            assertEquals(0, Math.floorMod(column + row, 2), "point " + p[i] + ", " + p[i + 1]);
        }
    }

    @Test
    void eightGaussiansSitNearTheirCentres() {
        float[] p = ToySet.EIGHT_GAUSSIANS.sample(2000, 1);
        for (int i = 0; i < p.length; i += 2) {
            double radius = Math.hypot(p[i], p[i + 1]);
            assertEquals(Math.sqrt(2), radius, 0.4);
            double angle = Math.atan2(p[i + 1], p[i]) / (2 * Math.PI) * 8;
            assertEquals(Math.round(angle), angle, 0.35);
        }
    }

    @Test
    void namesRoundTripAndUnknownOnesAreRefused() throws BadInputException {
        for (ToySet set : ToySet.values()) {
            assertEquals(set, ToySet.byId(set.id()));
        }
        assertThrows(BadInputException.class, () -> ToySet.byId("spiral"));
    }
}
