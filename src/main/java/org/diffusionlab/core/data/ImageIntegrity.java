package org.diffusionlab.core.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

import org.diffusionlab.core.BadInputException;

/**
 * Checks an image file's own structure before it is decoded, because ImageIO fills a truncated JPEG, GIF or BMP
 * with grey or black instead of failing: PNG chunks and their CRCs up to IEND; JPEG markers up to the scan, its
 * colour model (CMYK and YCCK are refused, ImageIO would show them in wrong colours) and the end-of-image marker;
 * GIF blocks up to the trailer; a BMP's declared file size and pixel array.
 */
final class ImageIntegrity {
    private ImageIntegrity() {
    }

    static void check(String name, byte[] bytes) throws BadInputException {
        String problem;
        if (startsWith(bytes, 0x89, 'P', 'N', 'G')) {
            problem = png(bytes);
        } else if (startsWith(bytes, 0xFF, 0xD8)) {
            problem = jpeg(bytes);
        } else if (startsWith(bytes, 'G', 'I', 'F')) {
            problem = gif(bytes);
        } else if (startsWith(bytes, 'B', 'M')) {
            problem = bmp(bytes);
        } else {
            problem = null;
        }
        if (problem != null) {
            throw new BadInputException(name + ": " + problem);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String png(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(8);
        boolean data = false;
        while (in.remaining() >= 12) {
            long length = Integer.toUnsignedLong(in.getInt());
            int typeAt = in.position();
            if (length > in.remaining() - 8) {
                return "the file is truncated (it ends inside a PNG chunk)";
            }
            String type = new String(bytes, typeAt, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            CRC32 crc = new CRC32();
            crc.update(bytes, typeAt, 4 + (int) length);
            in.position(typeAt + 4 + (int) length);
            if ((crc.getValue() & 0xFFFFFFFFL) != Integer.toUnsignedLong(in.getInt())) {
                return "the image data is damaged (the PNG chunk " + type.strip() + " fails its checksum)";
            }
            data |= type.equals("IDAT");
            if (type.equals("IEND")) {
                return data ? null : "the PNG has no image data";
            }
        }
        return "the file is truncated (the PNG ends before its last chunk)";
    }

    private static String jpeg(byte[] bytes) {
        int at = 2;
        while (at + 4 <= bytes.length) {
            if ((bytes[at] & 0xFF) != 0xFF) {
                return "the image data is damaged (a broken JPEG marker)";
            }
            int marker = bytes[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            int length = ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
            if (length < 2 || at + 2 + length > bytes.length) {
                return "the file is truncated (it ends inside a JPEG header)";
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame && length >= 8 && (bytes[at + 9] & 0xFF) == 4) {
                return "a CMYK or YCCK JPEG (made for printing), which this app would show in wrong colours; save it as"
                        + " an RGB JPEG or PNG and open it again";
            }
            if (marker == 0xDA) {
                // in the entropy-coded data a 0xFF byte is always followed by 0x00 or a restart marker, so the first
                // FF D9 after the scan header is the end of the image (cameras may append data after it)
                for (int i = at + 2 + length; i + 1 < bytes.length; i++) {
                    if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == 0xD9) {
                        return null;
                    }
                }
                return "the file is truncated (the JPEG has no end-of-image marker)";
            }
            at += 2 + length;
        }
        return "the file is truncated (the JPEG ends before its image data)";
    }

    private static String gif(byte[] bytes) {
        if (bytes.length < 13) {
            return "the file is truncated (it ends inside the GIF header)";
        }
        int at = 13;
        int flags = bytes[10] & 0xFF;
        if ((flags & 0x80) != 0) {
            at += 3 << ((flags & 7) + 1);
        }
        boolean image = false;
        while (at < bytes.length) {
            int block = bytes[at] & 0xFF;
            if (block == 0x3B) {
                return image ? null : "the GIF has no image";
            } else if (block == 0x21) {
                at = skipSubBlocks(bytes, at + 2);
            } else if (block == 0x2C) {
                if (at + 10 > bytes.length) {
                    break;
                }
                int local = bytes[at + 9] & 0xFF;
                at += 10;
                if ((local & 0x80) != 0) {
                    at += 3 << ((local & 7) + 1);
                }
                at = skipSubBlocks(bytes, at + 1);
                image = true;
            } else {
                return "the image data is damaged (an unknown GIF block)";
            }
            if (at < 0) {
                break;
            }
        }
        return "the file is truncated (the GIF ends before its trailer)";
    }

    /** The position after a chain of sub-blocks (length byte, data) ended by a zero length, or −1 past the end. */
    private static int skipSubBlocks(byte[] bytes, int at) {
        while (at < bytes.length) {
            int length = bytes[at] & 0xFF;
            at += 1 + length;
            if (length == 0) {
                return at;
            }
        }
        return -1;
    }

    private static String bmp(byte[] bytes) {
        if (bytes.length < 30) {
            return "the file is truncated (it ends inside the BMP header)";
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long declared = Integer.toUnsignedLong(in.getInt(2));
        long offset = Integer.toUnsignedLong(in.getInt(10));
        String truncated = "the file is truncated (the BMP header promises " + declared + " bytes, the file has "
                + bytes.length + ")";
        if (offset >= bytes.length) {
            return truncated;
        }
        int headerSize = in.getInt(14);
        int compression = headerSize >= 40 && bytes.length >= 34 ? in.getInt(30) : 0;
        if (headerSize >= 40 && bytes.length >= 34 && (compression == 0 || compression == 3)) {
            // uncompressed: the pixel array's own size decides (some writers get the declared file size wrong)
            long width = Math.abs((long) in.getInt(18));
            long height = Math.abs((long) in.getInt(22));
            int bits = Short.toUnsignedInt(in.getShort(28));
            long rowBytes = (width * bits + 31) / 32 * 4;
            return offset + rowBytes * height > bytes.length ? "the file is truncated (its pixels end early)" : null;
        }
        return declared > bytes.length ? truncated : null;
    }
}
