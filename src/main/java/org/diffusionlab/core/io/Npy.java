package org.diffusionlab.core.io;

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

    /** Parses one {@code .npy} file; throws IllegalArgumentException with a plain description of what is wrong. */
    public static NpyArray read(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("not a NumPy .npy array");
        }
        int major = bytes[6];
        buffer.position(8);
        int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort()) : buffer.getInt();
        if (major < 1 || major > 3 || headerLength > bytes.length - buffer.position()) {
            throw new IllegalArgumentException("damaged .npy header");
        }
        String header = new String(bytes, buffer.position(), headerLength, StandardCharsets.ISO_8859_1);
        buffer.position(buffer.position() + headerLength);
        String descr = find(DESCR, header, "descr");
        if ("True".equals(find(FORTRAN, header, "fortran_order"))) {
            throw new IllegalArgumentException("Fortran-ordered arrays are not supported");
        }
        long[] shape = parseShape(find(SHAPE, header, "shape"));
        long count = NpyArray.count(shape);
        int itemSize = switch (descr) {
            case "<f4" -> 4;
            case "<f8" -> 8;
            default -> throw new IllegalArgumentException("unsupported element type " + descr + " (need float32 or float64)");
        };
        if (count < 0 || count > Integer.MAX_VALUE || count * itemSize != buffer.remaining()) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + count * itemSize
                    + " bytes of data, the file has " + buffer.remaining());
        }
        float[] data = new float[(int) count];
        if (itemSize == 4) {
            buffer.asFloatBuffer().get(data);
        } else {
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) buffer.getDouble();
            }
        }
        return new NpyArray(shape, data);
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
