package org.diffusionlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.diffusionlab.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheBundledPhotosAsRgb() throws Exception {
        for (String name : new String[] {"astronaut", "chelsea", "coffee", "rocket", "hubble"}) {
            ImageLoader.Loaded loaded = ImageLoader.load(Assets.root().resolve("images/" + name + ".png"), 128);
            assertEquals(128, loaded.picture().width());
            assertEquals(128, loaded.picture().height());
            assertEquals(3, loaded.picture().channels(), name);
            assertFalse(loaded.scaled());
        }
    }

    @Test
    void bigImagesAreScaledToFitAndSaySo() throws Exception {
        BufferedImage wide = new BufferedImage(1000, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = wide.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 500, 500);
        g.dispose();
        Path file = dir.resolve("wide.png");
        ImageIO.write(wide, "png", file.toFile());
        ImageLoader.Loaded loaded = ImageLoader.load(file, 128);
        assertTrue(loaded.scaled());
        assertEquals(128, loaded.picture().width());
        assertEquals(64, loaded.picture().height());
        assertEquals(1000, loaded.originalWidth());
        assertEquals(1, loaded.picture().channels(), "black and white stays grey");
        assertEquals(1f, loaded.picture().values()[10 * 128 + 10], 1e-6f, "left half is white");
        assertEquals(0f, loaded.picture().values()[10 * 128 + 120], 1e-6f, "right half is black");
    }

    @Test
    void aNonImageFileIsRefusedByName() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello, not an image");
        BadInputException e = assertThrows(BadInputException.class, () -> ImageLoader.load(text, 128));
        assertTrue(e.getMessage().startsWith("notes.txt: not an image"), e.getMessage());
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        BadInputException e = assertThrows(BadInputException.class, () -> ImageLoader.load(empty, 128));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void aTruncatedPngIsRefused() throws Exception {
        byte[] whole = Files.readAllBytes(Assets.root().resolve("images/chelsea.png"));
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(whole, whole.length / 2));
        BadInputException e = assertThrows(BadInputException.class, () -> ImageLoader.load(cut, 128));
        assertTrue(e.getMessage().startsWith("cut.png: the file is truncated"), e.getMessage());
    }

    @Test
    void aHugeImageIsRefusedBeforeDecoding() throws Exception {
        Path huge = Files.write(dir.resolve("huge.png"), pngHeaderOnly(20_000, 20_000));
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        BadInputException e = assertThrows(BadInputException.class, () -> ImageLoader.load(huge, 128));
        assertTrue(e.getMessage().contains("20000×20000") && e.getMessage().contains("largest accepted"), e.getMessage());
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(after - before < 200L << 20, "no image buffer was allocated");
    }

    /** A PNG signature and IHDR chunk claiming the given size, then an empty IDAT and IEND: no pixels at all. */
    static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(width);
        header.writeInt(height);
        header.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IDAT", new byte[0]);
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
