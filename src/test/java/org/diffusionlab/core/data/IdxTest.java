package org.diffusionlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.diffusionlab.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    @Test
    void readsTheBundledDigitsWithTheDocumentedClassCounts() throws Exception {
        Digits digits = Digits.bundled();
        assertEquals(10_000, digits.count());
        assertEquals(28, digits.rows());
        assertEquals(28, digits.cols());
        assertEquals(9_000, digits.trainCount());
        int[] counts = new int[10];
        for (int i = 0; i < digits.count(); i++) {
            counts[digits.label(i)]++;
        }
        assertEquals("[1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]", Arrays.toString(counts));
        float[] pixels = digits.pixels(0);
        assertTrue(Arrays.stream(box(pixels)).allMatch(v -> v >= 0 && v <= 1));
    }

    private static Float[] box(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    @Test
    void readsPlainAndGzippedFilesAlike() throws Exception {
        byte[] idx = images(3, 2, 2, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255});
        Path plain = Files.write(dir.resolve("plain-idx3-ubyte"), idx);
        Path gzipped = Files.write(dir.resolve("zipped-idx3-ubyte.gz"), gzip(idx));
        Idx.Images a = Idx.readImages(plain);
        Idx.Images b = Idx.readImages(gzipped);
        assertEquals(3, a.count());
        assertArrayEqualsBytes(a.pixels(), b.pixels());
        assertEquals((byte) 255, a.pixels()[11]);
    }

    private static void assertArrayEqualsBytes(byte[] a, byte[] b) {
        assertTrue(Arrays.equals(a, b));
    }

    @Test
    void aTruncatedFileSaysSoAndNamesTheFile() throws Exception {
        byte[] idx = images(100, 28, 28, new byte[100 * 784]);
        Path truncated = Files.write(dir.resolve("cut-idx3-ubyte"), Arrays.copyOf(idx, 5000));
        BadInputException e = assertThrows(BadInputException.class, () -> Idx.readImages(truncated));
        assertTrue(e.getMessage().contains("cut-idx3-ubyte") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aForeignFileIsNamedForWhatItIs() throws Exception {
        Path png = Files.write(dir.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        BadInputException e = assertThrows(BadInputException.class, () -> Idx.readImages(png));
        assertTrue(e.getMessage().contains("photo.png") && e.getMessage().contains("not an IDX file"), e.getMessage());

        Path labels = Files.write(dir.resolve("labels-idx1-ubyte"), labels(new byte[] {1, 2, 3}));
        e = assertThrows(BadInputException.class, () -> Idx.readImages(labels));
        assertTrue(e.getMessage().contains("IDX labels file"), e.getMessage());

        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        e = assertThrows(BadInputException.class, () -> Idx.readLabels(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());

        Path brokenGzip = Files.write(dir.resolve("broken.gz"), Arrays.copyOf(gzip(images(50, 28, 28, new byte[50 * 784])), 40));
        e = assertThrows(BadInputException.class, () -> Idx.readImages(brokenGzip));
        assertTrue(e.getMessage().contains("broken.gz"), e.getMessage());
    }

    @Test
    void mismatchedImageAndLabelCountsAreRefused() throws Exception {
        Path images = Files.write(dir.resolve("i"), images(2, 1, 1, new byte[] {1, 2}));
        Path labels = Files.write(dir.resolve("l"), labels(new byte[] {1, 2, 3}));
        assertThrows(BadInputException.class, () -> Digits.read(images, labels));
    }

    static byte[] images(int count, int rows, int cols, byte[] pixels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(Idx.IMAGES_MAGIC);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        out.write(pixels);
        return bytes.toByteArray();
    }

    static byte[] labels(byte[] labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(Idx.LABELS_MAGIC);
        out.writeInt(labels.length);
        out.write(labels);
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
