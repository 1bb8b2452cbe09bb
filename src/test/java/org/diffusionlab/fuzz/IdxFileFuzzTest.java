package org.diffusionlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.Assets;
import org.diffusionlab.core.data.Idx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files (plain and gzipped) cut, flipped and with edited headers: each loads or is refused in words. */
class IdxFileFuzzTest {
    @TempDir
    Path dir;

    private static byte[] smallImages(boolean gzip) throws Exception {
        Idx.Images all = Idx.readImages(Assets.root().resolve("mnist/mnist-10k-images-idx3-ubyte.gz"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(bytes) : bytes)) {
            out.writeInt(Idx.IMAGES_MAGIC);
            out.writeInt(40);
            out.writeInt(28);
            out.writeInt(28);
            out.write(all.pixels(), 0, 40 * 784);
        }
        return bytes.toByteArray();
    }

    @Test
    void damagedIdxFilesLoadOrAreRefused() throws Exception {
        Random random = new Random(41);
        for (boolean gzip : new boolean[] {false, true}) {
            byte[] whole = smallImages(gzip);
            for (int i = 0; i < 150; i++) {
                boolean truncated = i % 3 == 0;
                byte[] mutant = truncated ? Mutations.truncate(whole, random)
                        : i % 3 == 1 ? Mutations.flipBits(whole, random) : Mutations.smashBytes(whole, random, gzip ? whole.length : 16);
                Path file = Files.write(dir.resolve("case-" + i + ".idx"), mutant);
                long allocatedBefore = Mutations.allocatedByThisThread();
                try {
                    Idx.readImages(file);
                    if (truncated) {
                        fail("a truncated IDX file (" + mutant.length + " of " + whole.length + " bytes) was accepted");
                    }
                } catch (BadInputException e) {
                    assertTrue(e.getMessage().startsWith("case-" + i + ".idx"), e.getMessage());
                    assertTrue(!e.getMessage().matches(".*[A-Z]\\w*(Exception|Error)\\b.*"), e.getMessage());
                } catch (Throwable e) {
                    fail("case " + i + (gzip ? " (gzip)" : "") + " threw " + e, e);
                }
                Mutations.requireWithinBudget("case " + i + (gzip ? " (gzip)" : ""), allocatedBefore, mutant.length);
                Files.delete(file);
            }
            byte[] header = Arrays.copyOf(whole, whole.length);
            if (!gzip) {
                header[4] = (byte) 0x7F;
                Path file = Files.write(dir.resolve("huge-count.idx"), header);
                assertTrue(assertThrowsBadInput(file).contains("implausible"));
            }
        }
    }

    @Test
    void aTinyGzipPromisingAGigabyteAllocatesNoGigabyte() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(Idx.IMAGES_MAGIC);
            out.writeInt(1_300_000);
            out.writeInt(28);
            out.writeInt(28);
            out.write(new byte[784 * 3]);
        }
        Path file = Files.write(dir.resolve("promise.idx.gz"), bytes.toByteArray());
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(assertThrowsBadInput(file).contains("truncated"));
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(after - before < 200L << 20, "allocated " + ((after - before) >> 20) + " MB for 3 images");
    }

    private static String assertThrowsBadInput(Path file) {
        try {
            Idx.readImages(file);
        } catch (BadInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted " + file);
    }
}
