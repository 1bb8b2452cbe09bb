package org.diffusionlab.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.diffusionlab.core.BadInputException;

/**
 * The checks every zip this program reads passes before anything in it is unpacked: the entry count, each name once
 * and of an expected kind, each declared size and packing ratio and the total against {@link Limits}; entries are
 * then read through their CRC-32 ({@link CheckedEntry}).
 */
public final class ZipEntries {
    private ZipEntries() {
    }

    /** Every entry of {@code file}, unpacked and checked, by name; {@code holds} says what it may hold, e.g. "model.json and .onnx graphs". */
    public static Map<String, byte[]> readAll(Path file, Predicate<String> allowed, String holds) throws BadInputException {
        String name = file.getFileName().toString();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : checked(name, zip, allowed, holds)) {
                try (CheckedEntry in = new CheckedEntry(name, zip, entry)) {
                    contents.put(entry.getName(), in.readAllBytes());
                    in.verify();
                }
            }
        } catch (ZipException e) {
            throw new BadInputException(startsLikeZip(file) ? name + ": the file is truncated or damaged (its zip structure is broken)"
                    : name + ": not a zip file", e);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(name + ": the file is truncated or damaged (" + describe(e) + ")", e);
        }
        return contents;
    }

    static List<? extends ZipEntry> checked(String name, ZipFile zip, Predicate<String> allowed, String holds)
            throws BadInputException {
        if (zip.size() > Limits.MAX_ZIP_ENTRIES) {
            throw new BadInputException(name + ": " + zip.size() + " entries, too many for a model file");
        }
        List<? extends ZipEntry> entries = Collections.list(zip.entries());
        Set<String> names = new HashSet<>();
        long total = 0;
        for (ZipEntry entry : entries) {
            String entryName = entry.getName();
            if (!names.add(entryName)) {
                throw new BadInputException(name + ": the entry " + entryName + " is in the file twice");
            }
            if (!allowed.test(entryName)) {
                throw new BadInputException(name + ": unexpected entry '" + entryName + "' (a model holds " + holds + " only)");
            }
            Limits.requireEntrySize(name, entryName, entry.getSize(), entry.getCompressedSize());
            total += entry.getSize();
            Limits.requireModelSize(name, total);
        }
        return entries;
    }

    /** A plain entry name: printable ASCII, no folders, no way out of the folder it is unpacked into. */
    public static boolean isPlainName(String entryName) {
        return !entryName.isEmpty() && entryName.length() < 256 && !entryName.contains("/") && !entryName.contains("..")
                && !entryName.contains("\\") && entryName.chars().allMatch(c -> c > ' ' && c < 127);
    }

    static String describe(Exception e) {
        if (e instanceof EOFException) {
            return "it ends early";
        }
        if (e instanceof ZipException) {
            return "its compressed data is broken";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "it cannot be read" : message;
    }

    /** A zip begins with a local file header, the bytes P K 3 4; a truncated one still does. */
    static boolean startsLikeZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }
}
