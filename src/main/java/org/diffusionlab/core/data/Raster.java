package org.diffusionlab.core.data;

/** Packed opaque ARGB pixels, ready to draw: what the views and the PNG writers take. */
public record Raster(int width, int height, int[] argb) {
    public Raster {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + argb.length);
        }
    }

    /** A planar picture in [low, high] (1 or 3 channels) as a raster. */
    public static Raster of(float[] values, int width, int height, int channels, float low, float high) {
        return new Raster(width, height, Pixels.toArgb(values, width, height, channels, low, high, null));
    }

    public static Raster of(Picture picture) {
        return new Raster(picture.width(), picture.height(), Pixels.toArgb(picture));
    }
}
