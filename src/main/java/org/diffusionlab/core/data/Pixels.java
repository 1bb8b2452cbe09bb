package org.diffusionlab.core.data;

import java.awt.image.BufferedImage;

/** Converts planar float images to packed ARGB pixels for display and PNG files. */
public final class Pixels {
    private Pixels() {
    }

    /**
     * Maps planar values (1 or 3 channels, CHW) from [low, high] to opaque ARGB, clamping outside the range.
     * Writes into {@code target} when it has the right length, so a frame loop allocates nothing.
     */
    public static int[] toArgb(float[] values, int width, int height, int channels, float low, float high, int[] target) {
        int plane = width * height;
        int[] argb = target != null && target.length == plane ? target : new int[plane];
        float scale = 255f / (high - low);
        if (channels == 1) {
            for (int i = 0; i < plane; i++) {
                int v = level(values[i], low, scale);
                argb[i] = 0xff000000 | v << 16 | v << 8 | v;
            }
        } else {
            for (int i = 0; i < plane; i++) {
                argb[i] = 0xff000000 | level(values[i], low, scale) << 16 | level(values[plane + i], low, scale) << 8
                        | level(values[2 * plane + i], low, scale);
            }
        }
        return argb;
    }

    public static int[] toArgb(Picture picture) {
        return toArgb(picture.values(), picture.width(), picture.height(), picture.channels(), 0f, 1f, null);
    }

    private static int level(float value, float low, float scale) {
        int v = (int) ((value - low) * scale + 0.5f);
        return v < 0 ? 0 : Math.min(v, 255);
    }

    public static BufferedImage toImage(int[] argb, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }
}
