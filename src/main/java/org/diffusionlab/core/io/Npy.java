package org.diffusionlab.core.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * NumPy's {@code .npy} format, version 1.0, for little-endian float32 (read also: float64) arrays in C order,
 * so that every weight file can be opened with {@code numpy.load}.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    public static byte[] write(NpyArray array) {
        String shape = Arrays.stream(array.shape()).mapToObj(Long::toString).collect(Collectors.joining(", "));
        if (array.shape().length == 1) {
            shape += ",";
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + 4 * array.data().length)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buffer.put(header.getBytes(StandardCharsets.US_ASCII));
        buffer.asFloatBuffer().put(array.data());
        return buffer.array();
    }

    /** What a {@code .npy} header promises: the shape, the bytes per element, and so the bytes of data that follow. */
    public record Header(long[] shape, int itemSize, int count) {
        public long dataBytes() {
            return (long) count * itemSize;
        }
    }

    /** Parses one whole {@code .npy} file; throws IllegalArgumentException with a plain description of what is wrong. */
    public static NpyArray read(byte[] bytes) {
        try {
            InputStream in = new ByteArrayInputStream(bytes);
            Header header = readHeader(in);
            NpyArray array = new NpyArray(header.shape(), readData(in, header));
            if (in.read() != -1) {
                throw new IllegalArgumentException("shape " + Arrays.toString(header.shape()) + " needs " + header.dataBytes()
                        + " bytes of data, the file has more");
            }
            return array;
        } catch (IOException e) {
            throw new IllegalArgumentException("could not be read", e);
        }
    }

    /**
     * Reads and checks the header only, so that a caller can compare the shape with what it expects and the data
     * size with what the container says before anything is allocated.
     */
    public static Header readHeader(InputStream in) throws IOException {
        byte[] preamble = in.readNBytes(MAGIC.length + 2);
        if (preamble.length < MAGIC.length + 2 || !Arrays.equals(Arrays.copyOf(preamble, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("not a NumPy .npy array");
        }
        int major = preamble[6];
        if (major < 1 || major > 3) {
            throw new IllegalArgumentException("unknown .npy version " + major);
        }
        byte[] lengthBytes = in.readNBytes(major == 1 ? 2 : 4);
        if (lengthBytes.length < (major == 1 ? 2 : 4)) {
            throw new IllegalArgumentException("the .npy header is cut short");
        }
        ByteBuffer length = ByteBuffer.wrap(Arrays.copyOf(lengthBytes, 4)).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = Integer.toUnsignedLong(length.getInt());
        if (headerLength > Limits.MAX_NPY_HEADER_BYTES) {
            throw new IllegalArgumentException("the .npy header claims " + headerLength + " bytes; the largest accepted is "
                    + Limits.MAX_NPY_HEADER_BYTES);
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw new IllegalArgumentException("the .npy header is cut short");
        }
        String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
        String descr = find(DESCR, header, "descr");
        if ("True".equals(find(FORTRAN, header, "fortran_order"))) {
            throw new IllegalArgumentException("Fortran-ordered arrays are not supported");
        }
        int itemSize = switch (descr) {
            case "<f4" -> 4;
            case "<f8" -> 8;
            default -> throw new IllegalArgumentException("unsupported element type " + descr + " (need float32 or float64)");
        };
        long[] shape = parseShape(find(SHAPE, header, "shape"));
        if (shape.length > Limits.MAX_NPY_DIMENSIONS) {
            throw new IllegalArgumentException("an array of " + shape.length + " dimensions; the most accepted is "
                    + Limits.MAX_NPY_DIMENSIONS);
        }
        long count = 1;
        for (long side : shape) {
            if (side < 0 || side > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("damaged shape " + Arrays.toString(shape));
            }
            count *= side;
            if (count > Integer.MAX_VALUE / 8) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is larger than any weight array");
            }
        }
        return new Header(shape, itemSize, (int) count);
    }

    /** Reads exactly the data the header promises; a stream that ends first is a truncated file. */
    public static float[] readData(InputStream in, Header header) throws IOException {
        float[] data = new float[header.count()];
        byte[] chunk = new byte[1 << 16];
        int done = 0;
        while (done < data.length) {
            int values = Math.min(data.length - done, chunk.length / header.itemSize());
            int bytes = values * header.itemSize();
            if (in.readNBytes(chunk, 0, bytes) < bytes) {
                throw new IllegalArgumentException("shape " + Arrays.toString(header.shape()) + " needs " + header.dataBytes()
                        + " bytes of data, the file has fewer");
            }
            ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (header.itemSize() == 4) {
                buffer.asFloatBuffer().get(data, done, values);
            } else {
                for (int i = 0; i < values; i++) {
                    data[done + i] = (float) buffer.getDouble();
                }
            }
            done += values;
        }
        return data;
    }

    private static String find(Pattern pattern, String header, String key) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("the .npy header has no '" + key + "'");
        }
        return m.group(1);
    }

    private static long[] parseShape(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return new long[0];
        }
        try {
            return Arrays.stream(trimmed.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .mapToLong(s -> Long.parseLong(s.endsWith("L") ? s.substring(0, s.length() - 1) : s))
                    .toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("damaged shape (" + text + ")");
        }
    }

}
