package org.diffusionlab.core.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.io.Limits;

/**
 * Reads PNG, JPEG, BMP and GIF files defensively: the header is checked before any pixel is decoded,
 * huge images are refused, big ones are decoded subsampled and then scaled so the longer side is at most
 * {@code maxSide} pixels. Every failure becomes a {@link BadInputException} that names the file.
 */
public final class ImageLoader {
    /** Images with more pixels than this (e.g. 8,000 × 5,000) are refused before decoding. */
    public static final long MAX_PIXELS = Limits.MAX_IMAGE_PIXELS;
    public static final long MAX_FILE_BYTES = Limits.MAX_IMAGE_FILE_BYTES;
    /** The longer side a picture opened as a file or an {@code --image} argument is scaled to. */
    public static final int PICTURE_SIDE = 128;

    private ImageLoader() {
    }

    /** A decoded picture and the size of the file's image before it was scaled down. */
    public record Loaded(String name, Picture picture, int originalWidth, int originalHeight) {
        public boolean scaled() {
            return originalWidth != picture.width() || originalHeight != picture.height();
        }
    }

    public static Loaded load(Path file, int maxSide) throws BadInputException {
        String name = file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(name + ": no such file", "file.missing", name);
            }
            long bytes = Files.size(file);
            if (bytes == 0) {
                throw new BadInputException(name + ": the file is empty", "file.empty", name);
            }
            if (bytes > MAX_FILE_BYTES) {
                throw new BadInputException(name + ": the file is " + (bytes >> 20) + " MB; the largest accepted is "
                        + (MAX_FILE_BYTES >> 20) + " MB", "file.tooLarge", name, bytes >> 20, MAX_FILE_BYTES >> 20);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return decode(name, in, maxSide);
            }
        } catch (IOException e) {
            throw new BadInputException(name + ": could not be read (" + describe(e) + ")", e, "file.unreadable", name,
                    describe(e));
        }
    }

    /**
     * Decodes an image after checking its header (size) and structure ({@link ImageIntegrity}); a warning from the
     * decoder (e.g. "premature end of JPEG file") refuses it too, instead of showing grey where data is missing.
     */
    public static Loaded decode(String name, InputStream in, int maxSide) throws BadInputException {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new BadInputException(name + ": could not be read (" + describe(e) + ")", e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new BadInputException(name + ": the file is larger than " + (MAX_FILE_BYTES >> 20) + " MB");
        }
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = stream == null ? null : ImageIO.getImageReaders(stream);
            if (readers == null || !readers.hasNext()) {
                throw new BadInputException(name + ": not an image this app can read (PNG, JPEG, BMP or GIF)",
                        "image.unknownFormat", name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new BadInputException(name + ": the image has no pixels (" + width + "×" + height + ")",
                            "image.empty", name, String.valueOf(width), String.valueOf(height));
                }
                if ((long) width * height > MAX_PIXELS) {
                    throw new BadInputException(name + ": the image is " + width + "×" + height + " pixels ("
                            + Math.round((double) width * height / 1e6) + " megapixels); the largest accepted is "
                            + MAX_PIXELS / 1_000_000 + " megapixels", "image.tooLarge", name, String.valueOf(width),
                            String.valueOf(height), Math.round((double) width * height / 1e6), MAX_PIXELS / 1_000_000);
                }
                ImageIntegrity.check(name, bytes);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                ImageReadParam param = reader.getDefaultReadParam();
                int subsampling = Math.max(1, Math.max(width, height) / (4 * maxSide));
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (!warnings.isEmpty()) {
                    throw new BadInputException(name + ": the image data is truncated or damaged (" + warnings.get(0) + ")");
                }
                return new Loaded(name, toPicture(fit(image, maxSide)), width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(name + ": the image data is truncated or damaged (" + describe(e) + ")", e,
                    "image.damaged", name, describe(e));
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof java.io.EOFException) {
            return "it ends early";
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? "the decoder could not read it" : message;
    }

    /** Scales so the longer side is at most maxSide, keeping the aspect ratio; never scales up. */
    static BufferedImage fit(BufferedImage image, int maxSide) {
        int width = image.getWidth();
        int height = image.getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        int targetWidth = Math.max(1, (int) Math.round(width * scale));
        int targetHeight = Math.max(1, (int) Math.round(height * scale));
        BufferedImage current = image;
        // halve with bilinear filtering until within 2x, then one final step: a cheap area-like filter
        while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
            current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        if (current.getWidth() != targetWidth || current.getHeight() != targetHeight || current.getType() != BufferedImage.TYPE_INT_ARGB) {
            current = resize(current, targetWidth, targetHeight);
        }
        return current;
    }

    private static BufferedImage resize(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return target;
    }

    /** Grey when every pixel has R = G = B, RGB otherwise; transparent pixels are composed over white. */
    static Picture toPicture(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        boolean grey = true;
        for (int i = 0; i < argb.length && grey; i++) {
            int p = argb[i];
            grey = ((p >> 16) & 0xff) == ((p >> 8) & 0xff) && ((p >> 8) & 0xff) == (p & 0xff);
        }
        int plane = width * height;
        int channels = grey ? 1 : 3;
        float[] values = new float[plane * channels];
        for (int i = 0; i < plane; i++) {
            int p = argb[i];
            float alpha = ((p >>> 24) & 0xff) / 255f;
            for (int c = 0; c < channels; c++) {
                int shift = 16 - 8 * c;
                values[c * plane + i] = alpha * (((p >> shift) & 0xff) / 255f) + (1 - alpha);
            }
        }
        return new Picture(width, height, channels, values);
    }
}
