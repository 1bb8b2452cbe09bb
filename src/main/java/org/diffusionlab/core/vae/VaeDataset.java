package org.diffusionlab.core.vae;

import java.util.ArrayList;
import java.util.List;

import org.diffusionlab.core.data.Digits;

/**
 * What a VAE trains on: training images (one flat row-major array), held-out images for evaluation, and the
 * indices of the held-out images shown as reconstructions while training.
 */
public record VaeDataset(String name, String split, int width, int height, float[] trainImages, float[][] heldOut,
        int[] pictureIndices) {
    public static final int PICTURES = 8;

    public VaeDataset {
        int pixels = width * height;
        if (trainImages.length == 0 || trainImages.length % pixels != 0) {
            throw new IllegalArgumentException("the training images must be whole images of " + pixels + " pixels");
        }
        if (heldOut.length == 0) {
            throw new IllegalArgumentException("evaluation needs at least one held-out image");
        }
    }

    public int trainCount() {
        return trainImages.length / (width * height);
    }

    /** The bundled digits: the first 9,000 train, the last 1,000 are held out. */
    public static VaeDataset digits(Digits digits) {
        return digits(digits, digits.trainCount(), Digits.HELD_OUT);
    }

    /** The first {@code trainCount} training digits and the first {@code heldOutCount} held-out ones (for tests). */
    public static VaeDataset digits(Digits digits, int trainCount, int heldOutCount) {
        int pixels = digits.pixelsPerImage();
        float[] train = new float[trainCount * pixels];
        for (int i = 0; i < trainCount; i++) {
            System.arraycopy(digits.pixels(i), 0, train, i * pixels, pixels);
        }
        float[][] heldOut = digits.pixels(digits.heldOutStart(), heldOutCount);
        String split = trainCount == digits.trainCount() && heldOutCount == Digits.HELD_OUT
                ? "train: the first " + trainCount + " digits; held out: the last " + heldOutCount
                : "train: digits 0.." + (trainCount - 1) + "; held out: " + heldOutCount + " from digit " + digits.heldOutStart();
        return new VaeDataset("mnist-10k", split, digits.cols(), digits.rows(), train, heldOut,
                firstOfEachLabel(digits, heldOutCount));
    }

    /** The first held-out digit of each label 0, 1, 2, … (as many as {@link #PICTURES}), else the first ones. */
    private static int[] firstOfEachLabel(Digits digits, int heldOutCount) {
        List<Integer> chosen = new ArrayList<>();
        for (int label = 0; label < PICTURES; label++) {
            for (int i = 0; i < heldOutCount; i++) {
                if (digits.label(digits.heldOutStart() + i) == label) {
                    chosen.add(i);
                    break;
                }
            }
        }
        for (int i = 0; chosen.size() < Math.min(PICTURES, heldOutCount) && i < heldOutCount; i++) {
            if (!chosen.contains(i)) {
                chosen.add(i);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }
}
