package org.diffusionlab.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.io.Limits;

/**
 * Reads the IDX format of the MNIST files (plain or gzip-compressed): big-endian int32 magic
 * (2051 for images, 2049 for labels), int32 count, for images int32 rows and cols, then unsigned bytes.
 * Reads the bundled 10k digits as well as the full MNIST or Fashion-MNIST files.
 */
public final class Idx {
    public static final int IMAGES_MAGIC = 2051;
    public static final int LABELS_MAGIC = 2049;
    private static final int MAX_SIDE = Limits.MAX_IDX_SIDE;
    private static final long MAX_BYTES = Limits.MAX_IDX_BYTES;

    private Idx() {
    }

    /** Images as unsigned bytes, row-major, one image after the other. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        public int pixelsPerImage() {
            return rows * cols;
        }
    }

    public static Images readImages(Path file) throws BadInputException {
        try (DataInputStream in = open(file)) {
            expectMagic(file, in.readInt(), IMAGES_MAGIC, "images");
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 0 || rows <= 0 || cols <= 0 || rows > MAX_SIDE || cols > MAX_SIDE
                    || (long) count * rows * cols > MAX_BYTES) {
                throw new BadInputException(file.getFileName() + ": implausible IDX header (" + count + " images of "
                        + rows + "×" + cols + ")");
            }
            byte[] pixels = readFully(file, in, count * rows * cols, count + " images of " + rows + "×" + cols);
            return new Images(count, rows, cols, pixels);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    public static byte[] readLabels(Path file) throws BadInputException {
        try (DataInputStream in = open(file)) {
            expectMagic(file, in.readInt(), LABELS_MAGIC, "labels");
            int count = in.readInt();
            if (count < 0 || count > MAX_BYTES) {
                throw new BadInputException(file.getFileName() + ": implausible IDX header (" + count + " labels)");
            }
            byte[] labels = readFully(file, in, count, count + " labels");
            return labels;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException, BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        if (Files.size(file) == 0) {
            throw new BadInputException(file.getFileName() + ": the file is empty");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        return new DataInputStream(new BufferedInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw));
    }

    private static void expectMagic(Path file, int magic, int expected, String what) throws BadInputException {
        if (magic != expected) {
            String found = magic == IMAGES_MAGIC ? "an IDX images file" : magic == LABELS_MAGIC ? "an IDX labels file"
                    : "not an IDX file (magic number " + magic + ")";
            throw new BadInputException(file.getFileName() + ": expected IDX " + what + " (magic " + expected
                    + "), but this is " + found);
        }
    }

    /**
     * Reads the bytes the header promises. The buffer grows with the data that actually arrives (a gzip file of a
     * few bytes whose header promises a gigabyte allocates a few bytes), and a short file is refused.
     */
    private static byte[] readFully(Path file, DataInputStream in, int length, String what) throws BadInputException,
            IOException {
        byte[] data = in.readNBytes(length);
        if (data.length < length) {
            throw new BadInputException(file.getFileName() + ": the file is truncated; its header promises " + what);
        }
        return data;
    }

    private static BadInputException unreadable(Path file, IOException e) {
        if (e instanceof EOFException) {
            return new BadInputException(file.getFileName() + ": the file is truncated (it ends inside the header)", e);
        }
        if (e instanceof ZipException) {
            return new BadInputException(file.getFileName() + ": the gzip data is damaged (" + e.getMessage() + ")", e);
        }
        return new BadInputException(file.getFileName() + ": could not be read (" + e.getMessage() + ")", e);
    }
}
