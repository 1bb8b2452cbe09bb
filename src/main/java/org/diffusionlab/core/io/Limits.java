package org.diffusionlab.core.io;

import org.bytedeco.javacpp.Pointer;
import org.diffusionlab.core.BadInputException;

/**
 * What a file may ask of the program, in one place: every reader checks a header's sizes and counts against
 * these before it allocates, and a model's weights against the memory that is free now (Java heap and javacpp's
 * native limit, whichever is tighter), so a damaged or hostile file ends with a message, not an out-of-memory crash.
 */
public final class Limits {
    /** Entries in a model zip: a model has a manifest and a few hundred weights at most. */
    public static final int MAX_ZIP_ENTRIES = 2000;
    /** One unpacked zip entry (one weight array). */
    public static final long MAX_ENTRY_BYTES = 512L << 20;
    /** All entries of one model zip, unpacked. */
    public static final long MAX_MODEL_BYTES = 1L << 30;
    /** Unpacked ÷ packed size above which an entry is taken for a zip bomb (float weights pack to ~1.1). */
    public static final long MAX_COMPRESSION_RATIO = 50;
    /** Entries smaller than this are not held to the ratio (a small all-zero bias packs very well). */
    public static final long RATIO_FREE_BYTES = 1L << 20;
    /** A model's manifest.json. */
    public static final long MAX_MANIFEST_BYTES = 1L << 20;
    /** The JSON sidecar of a model exported from PyTorch, test vectors included. */
    public static final long MAX_SIDECAR_BYTES = 16L << 20;
    /** The text header of one .npy array. */
    public static final int MAX_NPY_HEADER_BYTES = 1 << 16;
    /** Dimensions of one .npy array. */
    public static final int MAX_NPY_DIMENSIONS = 8;
    /**
     * The largest weight magnitude a model may hold. Trained weights stay within a few units (the bundled models'
     * largest is 2.3); one of 10⁴ or more comes from a damaged file or a diverged run, and its figures would overflow.
     */
    public static final float MAX_WEIGHT_MAGNITUDE = 1e4f;
    /** Pixels of one image, checked from its header before decoding. */
    public static final long MAX_IMAGE_PIXELS = 40_000_000L;
    /** Size of one image file. */
    public static final long MAX_IMAGE_FILE_BYTES = 200L << 20;
    /** Side of one IDX image, and bytes of one IDX file unpacked. */
    public static final int MAX_IDX_SIDE = 1024;
    public static final long MAX_IDX_BYTES = 1L << 30;
    /**
     * Loading a network of n float weights holds them on the heap about three times over (the file's arrays, the
     * initial values and the flat copy) and twice natively (values and gradients).
     */
    static final int HEAP_COPIES = 3;
    static final int NATIVE_COPIES = 2;

    private Limits() {
    }

    /** Bytes the Java heap can still give. */
    public static long heapAvailable() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /** Bytes javacpp (ND4J's native memory) can still give, under both its own and the physical limit. */
    public static long nativeAvailable() {
        long available = Pointer.maxBytes() > 0 ? Pointer.maxBytes() - Pointer.totalBytes() : Long.MAX_VALUE;
        if (Pointer.maxPhysicalBytes() > 0) {
            available = Math.min(available, Pointer.maxPhysicalBytes() - Pointer.physicalBytes());
        }
        return available;
    }

    /** Refuses a network of {@code weights} float weights that would not fit in the memory free now. */
    public static void requireWeightsFit(String file, String what, long weights) throws BadInputException {
        long bytes = 4 * weights;
        if (weights < 0 || weights > Integer.MAX_VALUE || HEAP_COPIES * bytes > heapAvailable()
                || NATIVE_COPIES * bytes > nativeAvailable()) {
            throw new BadInputException(file + ": " + what + " needs " + megabytes(bytes) + " MB of weights, more than this"
                    + " program can load now (" + megabytes(Math.min(heapAvailable() / HEAP_COPIES,
                    nativeAvailable() / NATIVE_COPIES)) + " MB free for weights)");
        }
    }

    /** Refuses a zip entry whose declared sizes exceed the caps or look like a zip bomb. */
    public static void requireEntrySize(String file, String entry, long size, long compressedSize) throws BadInputException {
        if (size < 0 || size > MAX_ENTRY_BYTES) {
            throw new BadInputException(file + ": the entry " + entry + " unpacks to " + describeBytes(size)
                    + "; the largest accepted is " + megabytes(MAX_ENTRY_BYTES) + " MB");
        }
        if (size > RATIO_FREE_BYTES && (compressedSize <= 0 || size / compressedSize > MAX_COMPRESSION_RATIO)) {
            throw new BadInputException(file + ": the entry " + entry + " unpacks " + describeBytes(compressedSize) + " into "
                    + describeBytes(size) + ", far more than model weights can be packed (a zip bomb?)");
        }
    }

    /** Refuses a zip whose entries together unpack to more than the cap. */
    public static void requireModelSize(String file, long totalBytes) throws BadInputException {
        if (totalBytes > MAX_MODEL_BYTES) {
            throw new BadInputException(file + ": the model unpacks to " + describeBytes(totalBytes) + "; the largest accepted is "
                    + megabytes(MAX_MODEL_BYTES) + " MB");
        }
    }

    static long megabytes(long bytes) {
        return Math.max(0, bytes) >> 20;
    }

    private static String describeBytes(long bytes) {
        return bytes < 0 ? "an unknown size" : bytes < (1 << 20) ? bytes + " bytes" : megabytes(bytes) + " MB";
    }
}
