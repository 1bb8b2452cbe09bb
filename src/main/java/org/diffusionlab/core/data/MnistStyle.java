package org.diffusionlab.core.data;

/**
 * Prepares a hand-drawn or loaded digit the way MNIST's digits were prepared: the ink's bounding box is scaled
 * (keeping its aspect ratio) to fit a 20×20 box, and placed on the 28×28 canvas with its centre of mass at the
 * centre. A model trained on MNIST then sees what it knows. Plain Java; pixels in [0, 1], ink bright.
 */
public final class MnistStyle {
    public static final int SIDE = 28;
    public static final int BOX = 20;
    private static final float INK = 0.05f;

    private MnistStyle() {
    }

    public static float[] normalize(float[] pixels, int width, int height) {
        int left = width;
        int right = -1;
        int top = height;
        int bottom = -1;
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                if (pixels[row * width + col] > INK) {
                    left = Math.min(left, col);
                    right = Math.max(right, col);
                    top = Math.min(top, row);
                    bottom = Math.max(bottom, row);
                }
            }
        }
        float[] out = new float[SIDE * SIDE];
        if (right < 0) {
            return out;
        }
        int boxWidth = right - left + 1;
        int boxHeight = bottom - top + 1;
        double scale = (double) BOX / Math.max(boxWidth, boxHeight);
        int targetWidth = Math.max(1, (int) Math.round(boxWidth * scale));
        int targetHeight = Math.max(1, (int) Math.round(boxHeight * scale));
        float[] scaled = new float[targetWidth * targetHeight];
        for (int row = 0; row < targetHeight; row++) {
            for (int col = 0; col < targetWidth; col++) {
                double sx = left + (col + 0.5) / scale - 0.5;
                double sy = top + (row + 0.5) / scale - 0.5;
                scaled[row * targetWidth + col] = bilinear(pixels, width, height, sx, sy);
            }
        }
        double mass = 0;
        double cx = 0;
        double cy = 0;
        for (int row = 0; row < targetHeight; row++) {
            for (int col = 0; col < targetWidth; col++) {
                double v = scaled[row * targetWidth + col];
                mass += v;
                cx += v * (col + 0.5);
                cy += v * (row + 0.5);
            }
        }
        int offsetX = clamp((int) Math.round(SIDE / 2.0 - cx / mass), 0, SIDE - targetWidth);
        int offsetY = clamp((int) Math.round(SIDE / 2.0 - cy / mass), 0, SIDE - targetHeight);
        for (int row = 0; row < targetHeight; row++) {
            System.arraycopy(scaled, row * targetWidth, out, (offsetY + row) * SIDE + offsetX, targetWidth);
        }
        return out;
    }

    private static float bilinear(float[] pixels, int width, int height, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double value = 0;
        for (int dy = 0; dy <= 1; dy++) {
            for (int dx = 0; dx <= 1; dx++) {
                int px = clamp(x0 + dx, 0, width - 1);
                int py = clamp(y0 + dy, 0, height - 1);
                value += pixels[py * width + px] * (dx == 0 ? 1 - fx : fx) * (dy == 0 ? 1 - fy : fy);
            }
        }
        return (float) Math.max(0, Math.min(1, value));
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
