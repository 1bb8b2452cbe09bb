package org.diffusionlab.core.data;

/**
 * An image as planar floats in [0, 1]: channel after channel, each row-major (the layout of a CHW tensor).
 * One channel is grey, three are RGB.
 */
public record Picture(int width, int height, int channels, float[] values) {
    public Picture {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("a picture has 1 or 3 channels, not " + channels);
        }
        if (values.length != width * height * channels) {
            throw new IllegalArgumentException("expected " + width * height * channels + " values, got " + values.length);
        }
    }

    public int size() {
        return values.length;
    }

    /** The pixels mapped from [0, 1] to [−1, 1], the range the diffusion maths works in. */
    public float[] signedValues() {
        float[] signed = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            signed[i] = 2 * values[i] - 1;
        }
        return signed;
    }

    public long[] shape() {
        return new long[] {channels, height, width};
    }
}
