package org.diffusionlab.app.cli;

import java.nio.file.Path;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.Assets;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.data.ImageLoader;

/** Resolves an image argument: a file path, {@code digit:N} (bundled digit N) or {@code photo:NAME}. */
final class ImageArgument {
    static final int MAX_SIDE = ImageLoader.PICTURE_SIDE;

    private ImageArgument() {
    }

    static ImageLoader.Loaded load(String argument) throws BadInputException {
        if (argument.startsWith("digit:")) {
            Digits digits = Digits.bundled();
            int index;
            try {
                index = Integer.parseInt(argument.substring(6));
            } catch (NumberFormatException e) {
                throw new BadInputException("digit:N needs a number, got '" + argument + "'");
            }
            if (index < 0 || index >= digits.count()) {
                throw new BadInputException("digit index must be 0.." + (digits.count() - 1) + ", got " + index);
            }
            var picture = digits.picture(index);
            return new ImageLoader.Loaded(argument, picture, picture.width(), picture.height());
        }
        if (argument.startsWith("photo:")) {
            return ImageLoader.load(Assets.root().resolve("images").resolve(argument.substring(6) + ".png"), MAX_SIDE);
        }
        return ImageLoader.load(Path.of(argument), MAX_SIDE);
    }
}
