package org.diffusionlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.Assets;
import org.diffusionlab.core.data.ImageLoader;
import org.junit.jupiter.api.Test;

/**
 * Images truncated at many offsets are refused (not shown with grey where data is missing), damaged ones load or
 * are refused in words, and a CMYK JPEG is refused rather than shown in wrong colours.
 */
class ImageFileFuzzTest {
    private static byte[] encode(String format) throws Exception {
        BufferedImage photo = ImageIO.read(Assets.root().resolve("images/chelsea.png").toFile());
        BufferedImage rgb = new BufferedImage(photo.getWidth(), photo.getHeight(),
                format.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(photo, 0, 0, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(rgb, format, bytes), format);
        return bytes.toByteArray();
    }

    private static void loadOrRefuse(String label, byte[] bytes, boolean mustRefuse) {
        long allocatedBefore = Mutations.allocatedByThisThread();
        try {
            ImageLoader.decode("case.img", new ByteArrayInputStream(bytes), 128);
            if (mustRefuse) {
                fail(label + ": a truncated file was accepted");
            }
        } catch (BadInputException e) {
            assertTrue(e.getMessage().startsWith("case.img: "), e.getMessage());
            assertTrue(!e.getMessage().matches(".*[A-Z]\\w*(Exception|Error)\\b.*"), e.getMessage());
        } catch (Throwable e) {
            fail(label + " threw " + e, e);
        }
        Mutations.requireWithinBudget(label, allocatedBefore, bytes.length);
    }

    @Test
    void everyTruncationOfEveryFormatIsRefused() throws Exception {
        Random random = new Random(31);
        for (String format : new String[] {"png", "jpg", "gif", "bmp"}) {
            byte[] whole = encode(format);
            loadOrRefuse(format + " whole", whole, false);
            ImageLoader.decode("whole." + format, new ByteArrayInputStream(whole), 128);
            for (int i = 0; i < 60; i++) {
                int length = i < 20 ? whole.length - 1 - i : 1 + random.nextInt(whole.length - 1);
                loadOrRefuse(format + " cut at " + length, Arrays.copyOf(whole, length), true);
            }
        }
    }

    @Test
    void damagedImagesLoadOrAreRefusedInWords() throws Exception {
        Random random = new Random(32);
        for (String format : new String[] {"png", "jpg", "gif", "bmp"}) {
            byte[] whole = encode(format);
            for (int i = 0; i < 60; i++) {
                byte[] mutant = i % 2 == 0 ? Mutations.flipBits(whole, random) : Mutations.smashBytes(whole, random, 64);
                loadOrRefuse(format + " case " + i, mutant, false);
            }
        }
    }

    @Test
    void dataAfterTheEndOfAJpegOrPngIsAccepted() throws Exception {
        for (String format : new String[] {"jpg", "png", "gif"}) {
            byte[] whole = encode(format);
            byte[] padded = Arrays.copyOf(whole, whole.length + 300);
            Arrays.fill(padded, whole.length, padded.length, (byte) 0x5A);
            ImageLoader.decode("camera." + format, new ByteArrayInputStream(padded), 128);
        }
    }

    @Test
    void aCmykJpegIsRefusedWithAMessage() throws Exception {
        WritableRaster cmyk = Raster.createBandedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 32, 32, 4, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(new IIOImage(cmyk, null, null));
        }
        BadInputException e = assertThrows(BadInputException.class,
                () -> ImageLoader.decode("print.jpg", new ByteArrayInputStream(bytes.toByteArray()), 128));
        assertTrue(e.getMessage().startsWith("print.jpg: a CMYK or YCCK JPEG"), e.getMessage());
    }

    @Test
    void aGoodJpegStillLoadsWithItsColours() throws Exception {
        byte[] jpeg = encode("jpg");
        var loaded = ImageLoader.decode("cat.jpg", new ByteArrayInputStream(jpeg), 128);
        var png = ImageLoader.load(Assets.root().resolve("images/chelsea.png"), 128);
        assertEquals(3, loaded.picture().channels());
        double difference = 0;
        float[] a = loaded.picture().values();
        float[] b = png.picture().values();
        for (int i = 0; i < a.length; i++) {
            difference += Math.abs(a[i] - b[i]);
        }
        assertTrue(difference / a.length < 0.05, "mean colour difference " + difference / a.length);
    }
}
