package org.diffusionlab.core.data;

import java.nio.file.Path;

import org.diffusionlab.core.BadInputException;

/**
 * Labelled grey digits (MNIST layout), with the project's split: the first 9,000 train, the last 1,000
 * are held out. Pixels are kept as bytes; {@link #pixels(int)} gives one image in [0, 1].
 */
public final class Digits {
    public static final int HELD_OUT = 1000;
    public static final String IMAGES_FILE = "mnist-10k-images-idx3-ubyte.gz";
    public static final String LABELS_FILE = "mnist-10k-labels-idx1-ubyte.gz";

    private final Idx.Images images;
    private final byte[] labels;

    public Digits(Idx.Images images, byte[] labels) throws BadInputException {
        if (labels.length != images.count()) {
            throw new BadInputException("the images file holds " + images.count() + " images but the labels file "
                    + labels.length + " labels");
        }
        this.images = images;
        this.labels = labels;
    }

    public static Digits read(Path imagesFile, Path labelsFile) throws BadInputException {
        return new Digits(Idx.readImages(imagesFile), Idx.readLabels(labelsFile));
    }

    /** The 10,000 digits bundled in assets/mnist. */
    public static Digits bundled() throws BadInputException {
        Path dir = Assets.root().resolve("mnist");
        return read(dir.resolve(IMAGES_FILE), dir.resolve(LABELS_FILE));
    }

    public int count() {
        return images.count();
    }

    public int rows() {
        return images.rows();
    }

    public int cols() {
        return images.cols();
    }

    public int pixelsPerImage() {
        return images.pixelsPerImage();
    }

    public int label(int index) {
        return labels[index];
    }

    /** Index of the first held-out digit: all but the last 1,000 train. */
    public int trainCount() {
        return Math.max(0, count() - HELD_OUT);
    }

    public int heldOutStart() {
        return trainCount();
    }

    /** One digit's pixels in [0, 1], row-major. */
    public float[] pixels(int index) {
        int n = images.pixelsPerImage();
        float[] values = new float[n];
        byte[] source = images.pixels();
        int offset = index * n;
        for (int i = 0; i < n; i++) {
            values[i] = (source[offset + i] & 0xff) / 255f;
        }
        return values;
    }

    /** Pixels of digits [from, from + count) in [0, 1], one row per digit. */
    public float[][] pixels(int from, int count) {
        float[][] rows = new float[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = pixels(from + i);
        }
        return rows;
    }

    public Picture picture(int index) {
        return new Picture(cols(), rows(), 1, pixels(index));
    }
}
