package org.diffusionlab.core.data;

/**
 * Training and held-out samples for a diffusion model, in the space the model works in (pixels in [−1, 1],
 * points as generated), one sample after another in flat arrays. {@code discrete} marks 8-bit image data,
 * whose likelihood is measured with the 256-bin decoder.
 */
public record DiffusionData(String name, long[] sampleShape, float[] train, float[] heldOut, boolean discrete) {
    public static final int TOY_TRAIN = 8000;
    public static final int TOY_HELD_OUT = 2000;

    public DiffusionData {
        int d = dimensions(sampleShape);
        if (d == 0 || train.length % d != 0 || heldOut.length % d != 0 || train.length == 0 || heldOut.length == 0) {
            throw new IllegalArgumentException("sample arrays must hold whole samples of " + d + " numbers");
        }
    }

    /** The 9,000 training digits and the 1,000 held out, mapped to [−1, 1]. */
    public static DiffusionData digits(Digits digits) {
        int d = digits.pixelsPerImage();
        return new DiffusionData("digits", new long[] {1, digits.rows(), digits.cols()},
                signed(digits, 0, digits.trainCount(), d), signed(digits, digits.heldOutStart(), Digits.HELD_OUT, d), true);
    }

    /** 8,000 training and 2,000 held-out points of a toy set, from independent streams of the seed. */
    public static DiffusionData toy(ToySet set, long seed) {
        return new DiffusionData(set.id(), new long[] {2}, set.sample(TOY_TRAIN, seed),
                set.sample(TOY_HELD_OUT, seed ^ 0x5DEECE66DL), false);
    }

    private static float[] signed(Digits digits, int from, int count, int d) {
        float[] values = new float[count * d];
        for (int i = 0; i < count; i++) {
            float[] pixels = digits.pixels(from + i);
            for (int j = 0; j < d; j++) {
                values[i * d + j] = 2 * pixels[j] - 1;
            }
        }
        return values;
    }

    public int dimensions() {
        return dimensions(sampleShape);
    }

    public int trainCount() {
        return train.length / dimensions();
    }

    public int heldOutCount() {
        return heldOut.length / dimensions();
    }

    private static int dimensions(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return (int) n;
    }
}
