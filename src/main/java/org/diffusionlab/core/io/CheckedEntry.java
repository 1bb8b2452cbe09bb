package org.diffusionlab.core.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.diffusionlab.core.BadInputException;

/**
 * One zip entry read through its CRC-32 and its declared size: more bytes than the central directory promised
 * stop the read at once (a lying zip bomb), and {@link #verify} refuses fewer bytes or a checksum mismatch
 * (a flipped bit in stored or compressed data).
 */
final class CheckedEntry extends FilterInputStream {
    private final String file;
    private final ZipEntry entry;
    private final CRC32 crc = new CRC32();
    private long count;

    CheckedEntry(String file, ZipFile zip, ZipEntry entry) throws IOException {
        super(zip.getInputStream(entry));
        this.file = file;
        this.entry = entry;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            crc.update(b);
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            crc.update(buffer, offset, n);
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 1 << 16)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(read, 0);
    }

    private void counted(long n) throws IOException {
        count += n;
        if (count > entry.getSize()) {
            throw new IOException("the entry " + entry.getName() + " holds more than its declared " + entry.getSize() + " bytes");
        }
    }

    /** Reads the rest of the entry through the checksum without keeping it. */
    void skipToEnd() throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (read(buffer, 0, buffer.length) >= 0) {
            // counted and checksummed by read
        }
    }

    void verify() throws BadInputException {
        if (count != entry.getSize()) {
            throw new BadInputException(file + ": the entry " + entry.getName() + " is truncated (" + count + " of "
                    + entry.getSize() + " bytes)");
        }
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new BadInputException(file + ": the entry " + entry.getName() + " is damaged (its checksum does not match)");
        }
    }
}
