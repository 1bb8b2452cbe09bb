package org.diffusionlab.core.elbo;

import java.nio.file.Path;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.ImageLoader;
import org.diffusionlab.core.data.MnistStyle;
import org.diffusionlab.core.data.Picture;

/**
 * A picture as a 28 × 28 digit in [0, 1]: a grey 28 × 28 picture as it is (a bundled digit, a saved drawing),
 * anything else made grey and prepared the MNIST way (see {@link MnistStyle}).
 */
public final class DigitInput {
    private DigitInput() {
    }

    public static float[] pixels(Picture picture) {
        int side = MnistStyle.SIDE;
        if (picture.channels() == 1 && picture.width() == side && picture.height() == side) {
            return picture.values().clone();
        }
        int n = picture.width() * picture.height();
        float[] grey = new float[n];
        for (int c = 0; c < picture.channels(); c++) {
            for (int i = 0; i < n; i++) {
                grey[i] += picture.values()[c * n + i] / picture.channels();
            }
        }
        return MnistStyle.normalize(grey, picture.width(), picture.height());
    }

    /**
     * An image file as a digit, read as the {@code --image} argument reads it (its checks and refusals, scaled to
     * {@link ImageLoader#PICTURE_SIDE}), then {@link #pixels}.
     */
    public static float[] read(Path file) throws BadInputException {
        return pixels(ImageLoader.load(file, ImageLoader.PICTURE_SIDE).picture());
    }

    /** The same in [−1, 1], as a diffusion model takes it. */
    public static float[] signed(float[] pixels) {
        return new Picture(MnistStyle.SIDE, MnistStyle.SIDE, 1, pixels).signedValues();
    }
}
