package org.diffusionlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MnistStyleTest {

    private static double[] centreOfMass(float[] pixels) {
        double mass = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < pixels.length; i++) {
            mass += pixels[i];
            cx += pixels[i] * (i % 28 + 0.5);
            cy += pixels[i] * (i / 28 + 0.5);
        }
        return new double[] {cx / mass, cy / mass};
    }

    @Test
    void aDigitDrawnInACornerAcrossTheWholePadIsFittedToTwentyPixelsAndCentred() {
        float[] drawn = new float[28 * 28];
        for (int row = 2; row < 28; row++) {
            drawn[row * 28 + 3] = 1f; // a tall bar in the left part, full height
            drawn[row * 28 + 4] = 1f;
        }
        float[] fitted = MnistStyle.normalize(drawn, 28, 28);
        int top = 28;
        int bottom = -1;
        for (int i = 0; i < fitted.length; i++) {
            if (fitted[i] > 0.05f) {
                top = Math.min(top, i / 28);
                bottom = Math.max(bottom, i / 28);
            }
        }
        assertEquals(20, bottom - top + 1, "scaled to a 20-pixel box");
        double[] centre = centreOfMass(fitted);
        assertEquals(14, centre[0], 1.0);
        assertEquals(14, centre[1], 1.0);
    }

    @Test
    void bundledDigitsComeOutInTheirOwnFormat() throws Exception {
        Digits digits = Digits.bundled();
        for (int index = 0; index < 200; index++) {
            float[] again = MnistStyle.normalize(digits.pixels(index), 28, 28);
            int left = 28;
            int right = -1;
            int top = 28;
            int bottom = -1;
            for (int i = 0; i < again.length; i++) {
                if (again[i] > 0.05f) {
                    left = Math.min(left, i % 28);
                    right = Math.max(right, i % 28);
                    top = Math.min(top, i / 28);
                    bottom = Math.max(bottom, i / 28);
                }
            }
            int side = Math.max(right - left + 1, bottom - top + 1);
            assertTrue(side >= 19 && side <= 21, "digit " + index + ": box of " + side);
            double[] centre = centreOfMass(again);
            assertEquals(14, centre[0], 1.0, "digit " + index);
            assertEquals(14, centre[1], 1.0, "digit " + index);
        }
    }

    @Test
    void anEmptyPadStaysEmpty() {
        float[] out = MnistStyle.normalize(new float[28 * 28], 28, 28);
        for (float v : out) {
            assertEquals(0f, v);
        }
    }
}
