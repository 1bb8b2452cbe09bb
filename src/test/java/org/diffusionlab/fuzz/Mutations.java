package org.diffusionlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.sun.management.ThreadMXBean;

/** Seeded ways to damage a file: truncations, bit flips, and edits to a zip's entries and headers. */
final class Mutations {
    private Mutations() {
    }

    static byte[] truncate(byte[] bytes, Random random) {
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }

    static byte[] flipBits(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(copy.length);
            copy[at] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    /** Overwrites a few bytes with values that make header fields extreme: 0, 0xFF.., or random. */
    static byte[] smashBytes(byte[] bytes, Random random, int limit) {
        byte[] copy = bytes.clone();
        int at = random.nextInt(Math.min(limit, copy.length));
        int length = 1 + random.nextInt(4);
        byte value = switch (random.nextInt(3)) {
            case 0 -> 0;
            case 1 -> (byte) 0xFF;
            default -> (byte) random.nextInt(256);
        };
        for (int i = at; i < Math.min(copy.length, at + length); i++) {
            copy[i] = value;
        }
        return copy;
    }

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** A zip of the entries, deflated or stored; the entry named {@code duplicate} is in it twice. */
    static byte[] zip(Map<String, byte[]> entries, boolean stored, String duplicate) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String stand = duplicate == null ? null : duplicate.substring(0, duplicate.length() - 1) + "#";
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                put(zip, entry.getKey(), entry.getValue(), stored);
                if (entry.getKey().equals(duplicate)) {
                    put(zip, stand, entry.getValue(), stored);
                }
            }
        }
        byte[] result = bytes.toByteArray();
        if (stand != null) {
            // ZipOutputStream refuses a second entry of one name, so the stand-in's name is patched afterwards
            byte[] from = stand.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] to = duplicate.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i + from.length <= result.length; i++) {
                if (java.util.Arrays.equals(result, i, i + from.length, from, 0, from.length)) {
                    System.arraycopy(to, 0, result, i, to.length);
                }
            }
        }
        return result;
    }

    private static void put(ZipOutputStream zip, String name, byte[] data, boolean stored) throws IOException {
        ZipEntry z = new ZipEntry(name);
        if (stored) {
            z.setMethod(ZipEntry.STORED);
            z.setSize(data.length);
            CRC32 crc = new CRC32();
            crc.update(data);
            z.setCrc(crc.getValue());
        }
        zip.putNextEntry(z);
        zip.write(data);
        zip.closeEntry();
    }

    /** A .npy header edit: a random shape, descr, version or header length, keeping the data. */
    static byte[] editNpyHeader(byte[] npy, Random random) {
        byte[] copy = npy.clone();
        int headerLength = Short.toUnsignedInt(ByteBuffer.wrap(copy, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
        String header = new String(copy, 10, headerLength, java.nio.charset.StandardCharsets.ISO_8859_1);
        String edited = switch (random.nextInt(6)) {
            case 0 -> header.replaceFirst("\\(([^)]*)\\)", "(" + randomShape(random) + ")");
            case 1 -> header.replace("<f4", random.nextBoolean() ? "<i8" : "<f8");
            case 2 -> header.replace("False", "True");
            case 3 -> header.replace("'shape'", "'shapes'");
            case 4 -> {
                copy[6] = (byte) (1 + random.nextInt(4));
                yield header;
            }
            default -> {
                ByteBuffer.wrap(copy, 8, 2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) random.nextInt(1 << 16));
                yield header;
            }
        };
        byte[] editedBytes = edited.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        if (editedBytes.length == headerLength) {
            System.arraycopy(editedBytes, 0, copy, 10, headerLength);
            return copy;
        }
        ByteBuffer out = ByteBuffer.allocate(copy.length - headerLength + editedBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(copy, 0, 8).putShort((short) editedBytes.length).put(editedBytes).put(copy, 10 + headerLength,
                copy.length - 10 - headerLength);
        return out.array();
    }

    private static String randomShape(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> "-1, 3";
            case 2 -> "4294967296, 4294967296";
            case 3 -> random.nextInt(1000) + ", " + random.nextInt(1000);
            default -> "99999999999999999999999";
        };
    }

    /** Sets one float of the data to NaN or ±infinity. */
    static byte[] nonFinite(byte[] npy, Random random) {
        byte[] copy = npy.clone();
        int headerLength = Short.toUnsignedInt(ByteBuffer.wrap(copy, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
        int values = (copy.length - 10 - headerLength) / 4;
        if (values == 0) {
            return copy;
        }
        float value = switch (random.nextInt(3)) {
            case 0 -> Float.NaN;
            case 1 -> Float.POSITIVE_INFINITY;
            default -> Float.NEGATIVE_INFINITY;
        };
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putFloat(10 + headerLength + 4 * random.nextInt(values), value);
        return copy;
    }

    /**
     * What one mutant may make a reader allocate on the heap: the good files unpack to a few MB at most and are held
     * a few times over while loading, so a reader that trusted a header's claimed size would go far past this.
     */
    static final long ALLOCATION_BUDGET_PER_CASE = 64L << 20;

    /** Bytes this thread has allocated on the heap so far (HotSpot's own count: no garbage-collection noise). */
    static long allocatedByThisThread() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Fails if reading one mutant of {@code fileBytes} bytes allocated more than the budget since {@code before}. */
    static void requireWithinBudget(String label, long before, long fileBytes) {
        long allocated = allocatedByThisThread() - before;
        assertTrue(allocated < ALLOCATION_BUDGET_PER_CASE, label + " allocated " + (allocated >> 20) + " MB on the heap for a file of "
                + fileBytes + " bytes");
    }
}
