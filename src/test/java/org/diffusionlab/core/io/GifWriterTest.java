package org.diffusionlab.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.diffusionlab.core.data.AnimationFrames;
import org.diffusionlab.core.data.Raster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GifWriterTest {
    @TempDir
    Path dir;

    private static List<BufferedImage> noiseFrames(int count, boolean colour, long seed) {
        Random random = new Random(seed);
        List<BufferedImage> frames = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 30; y++) {
                for (int x = 0; x < 40; x++) {
                    int v = random.nextInt(256);
                    image.setRGB(x, y, colour ? random.nextInt(1 << 24) : v << 16 | v << 8 | v);
                }
            }
            frames.add(image);
        }
        return frames;
    }

    @Test
    void theFileHasTheFramesTheDelayAndTheLoopExtension() throws Exception {
        Path file = dir.resolve("chain.gif");
        GifWriter.write(file, noiseFrames(37, true, 1), 80, true);
        GifReadBack gif = GifReadBack.read(file);
        assertEquals(37, gif.frames());
        assertEquals(37, gif.delaysCentiseconds().size());
        assertTrue(gif.delaysCentiseconds().stream().allMatch(d -> d == 8), gif.delaysCentiseconds().toString());
        assertArrayEquals(new byte[] {1, 0, 0}, gif.loopBlock(), "NETSCAPE2.0, loop count 0 = for ever");
        assertEquals(40, gif.images().get(0).getWidth());
        assertEquals(30, gif.images().get(0).getHeight());
    }

    @Test
    void withoutLoopingThereIsNoLoopExtension() throws Exception {
        Path file = dir.resolve("once.gif");
        GifWriter.write(file, noiseFrames(3, false, 2), 250, false);
        GifReadBack gif = GifReadBack.read(file);
        assertEquals(3, gif.frames());
        assertEquals(List.of(25, 25, 25), gif.delaysCentiseconds());
        assertNull(gif.loopBlock());
    }

    @Test
    void greyFramesAreStoredExactly() throws Exception {
        Path file = dir.resolve("grey.gif");
        List<BufferedImage> frames = noiseFrames(4, false, 3);
        GifWriter.write(file, frames, 100, true);
        List<BufferedImage> back = GifReadBack.read(file).images();
        for (int f = 0; f < frames.size(); f++) {
            for (int y = 0; y < 30; y++) {
                for (int x = 0; x < 40; x++) {
                    assertEquals(frames.get(f).getRGB(x, y) & 0xffffff, back.get(f).getRGB(x, y) & 0xffffff);
                }
            }
        }
    }

    /**
     * Banding is what a nearest-colour palette does to a smooth ramp: whole runs of pixels collapse onto one
     * colour. The dithered cube keeps the average colour of every column of a ramp within a few levels.
     */
    @Test
    void aColourRampKeepsItsAverageColourThroughThePalette() throws Exception {
        BufferedImage ramp = new BufferedImage(256, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 256; x++) {
            for (int y = 0; y < 64; y++) {
                ramp.setRGB(x, y, x << 16 | (255 - x) << 8 | x / 2);
            }
        }
        Path file = dir.resolve("ramp.gif");
        GifWriter.write(file, List.of(ramp), 100, false);
        BufferedImage back = GifReadBack.read(file).images().get(0);
        double worst = 0;
        for (int x = 0; x < 256; x += 8) { // 8 columns: one Bayer tile across
            double[] sum = new double[3];
            for (int dx = 0; dx < 8; dx++) {
                for (int y = 0; y < 64; y++) {
                    int p = back.getRGB(x + dx, y);
                    sum[0] += p >> 16 & 0xff;
                    sum[1] += p >> 8 & 0xff;
                    sum[2] += p & 0xff;
                }
            }
            double centre = x + 3.5;
            worst = Math.max(worst, Math.abs(sum[0] / 512 - centre));
            worst = Math.max(worst, Math.abs(sum[1] / 512 - (255 - centre)));
            worst = Math.max(worst, Math.abs(sum[2] / 512 - centre / 2));
        }
        assertTrue(worst < 6, "largest error of a block's mean colour: " + worst + " levels (undithered: up to 25)");
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndSaysWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("old.gif"), "the old animation");
        List<BufferedImage> frames = new ArrayList<>(noiseFrames(2, true, 4));
        frames.add(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GifWriter.write(file, frames, 100, true));
        assertTrue(e.getMessage().contains("40×30"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GifWriter.write(file, frames.subList(0, 2), 5, true));
        assertEquals("the old animation", Files.readString(file));
        Path blocked = Files.writeString(dir.resolve("not-a-folder"), "a file");
        IOException io = assertThrows(IOException.class,
                () -> GifWriter.write(blocked.resolve("chain.gif"), frames.subList(0, 2), 100, true));
        assertTrue(io.getMessage() != null && !io.getMessage().isBlank());
        try (var listing = Files.list(dir)) {
            assertEquals(2, listing.count(), "no temporary file left behind");
        }
    }

    @Test
    void labelledFramesAreScaledWithNearestNeighbourAndShareOneSize() {
        int[] argb = new int[4 * 4];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = i % 2 == 0 ? 0xff000000 : 0xffffffff;
        }
        Raster checker = new Raster(4, 4, argb);
        List<BufferedImage> frames = AnimationFrames.frames(List.of(checker, checker), 50, List.of("t = 0", "t = 1000"));
        assertEquals(frames.get(0).getHeight(), frames.get(1).getHeight());
        assertEquals(200, frames.get(0).getWidth());
        assertTrue(frames.get(0).getHeight() > 200, "a band for the label");
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                assertEquals(argb[(y / 50) * 4 + x / 50], frames.get(0).getRGB(x, y), "pixel " + x + "," + y);
            }
        }
        assertEquals(List.of(0, 250, 500, 750, 1000), AnimationFrames.spread(5, 0, 1000));
        assertEquals(List.of(0, 1, 2, 3), AnimationFrames.spread(50, 0, 3));
        assertEquals(List.of(1000, 500, 0), AnimationFrames.spread(3, 1000, 0));
    }
}
