package org.diffusionlab.core.io;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;

/**
 * Turns a true-colour frame into the 256-colour indexed image a GIF holds, without banding the noise.
 * A grey frame (every digit, any greyscale picture) gets the 256 grey levels, so it is stored exactly.
 * A colour frame gets a fixed 6×7×6 colour cube (green, to which the eye is most sensitive, has the extra
 * level) and an 8×8 ordered (Bayer) dither: the error of each pixel's rounding follows a fixed pattern, so
 * smooth gradients keep their average colour and the dither does not crawl between frames the way error
 * diffusion does, and the same palette serves every frame.
 */
final class GifPalette {
    private static final int RED_LEVELS = 6;
    private static final int GREEN_LEVELS = 7;
    private static final int BLUE_LEVELS = 6;
    private static final int[] BAYER_8 = {
        0, 32, 8, 40, 2, 34, 10, 42, 48, 16, 56, 24, 50, 18, 58, 26,
        12, 44, 4, 36, 14, 46, 6, 38, 60, 28, 52, 20, 62, 30, 54, 22,
        3, 35, 11, 43, 1, 33, 9, 41, 51, 19, 59, 27, 49, 17, 57, 25,
        15, 47, 7, 39, 13, 45, 5, 37, 63, 31, 55, 23, 61, 29, 53, 21};
    private static final IndexColorModel GREYS = greys();
    private static final IndexColorModel CUBE = cube();

    private GifPalette() {
    }

    static BufferedImage toIndexed(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        boolean grey = isGrey(rgb);
        BufferedImage indexed = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, grey ? GREYS : CUBE);
        WritableRaster raster = indexed.getRaster();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = rgb[y * width + x];
                row[x] = grey ? p & 0xff : cubeIndex(p, x, y);
            }
            raster.setPixels(0, y, width, 1, row);
        }
        return indexed;
    }

    static boolean isGrey(int[] rgb) {
        for (int p : rgb) {
            int r = p >> 16 & 0xff;
            if (r != (p >> 8 & 0xff) || r != (p & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** The cube entry for a pixel: each channel rounded to its levels with the Bayer threshold at (x, y). */
    static int cubeIndex(int rgb, int x, int y) {
        double threshold = (BAYER_8[(y & 7) * 8 + (x & 7)] + 0.5) / 64.0;
        int r = level(rgb >> 16 & 0xff, RED_LEVELS, threshold);
        int g = level(rgb >> 8 & 0xff, GREEN_LEVELS, threshold);
        int b = level(rgb & 0xff, BLUE_LEVELS, threshold);
        return (r * GREEN_LEVELS + g) * BLUE_LEVELS + b;
    }

    private static int level(int value, int levels, double threshold) {
        double scaled = value * (levels - 1) / 255.0;
        int low = (int) scaled;
        return Math.min(levels - 1, scaled - low > threshold ? low + 1 : low);
    }

    private static IndexColorModel greys() {
        byte[] v = new byte[256];
        for (int i = 0; i < 256; i++) {
            v[i] = (byte) i;
        }
        return new IndexColorModel(8, 256, v, v, v);
    }

    private static IndexColorModel cube() {
        int size = RED_LEVELS * GREEN_LEVELS * BLUE_LEVELS;
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < size; i++) {
            r[i] = (byte) Math.round(i / (GREEN_LEVELS * BLUE_LEVELS) * 255.0 / (RED_LEVELS - 1));
            g[i] = (byte) Math.round(i / BLUE_LEVELS % GREEN_LEVELS * 255.0 / (GREEN_LEVELS - 1));
            b[i] = (byte) Math.round(i % BLUE_LEVELS * 255.0 / (BLUE_LEVELS - 1));
        }
        return new IndexColorModel(8, 256, r, g, b);
    }
}
