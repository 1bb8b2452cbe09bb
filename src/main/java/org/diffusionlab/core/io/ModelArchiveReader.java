package org.diffusionlab.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.BadInputException;

/** Reading a {@link ModelArchive} from its zip, every check against {@link Limits} made before anything large is allocated. */
final class ModelArchiveReader {
    private static final String MANIFEST = ModelArchive.MANIFEST;
    private static final String FORMAT = ModelArchive.FORMAT;
    private static final int FORMAT_VERSION = ModelArchive.FORMAT_VERSION;
    /** The sidecar of a model exported from PyTorch (tools/export_model.py), which core.imported reads. */
    private static final String IMPORTED_SIDECAR = "model.json";
    private static final String IMPORTED = ": a model exported from PyTorch (ONNX); it runs for inference only, so it opens in the"
            + " Latent, Reverse and ELBO views and the CLI's --model, but cannot be trained further here";

    /** A checked file: its manifest and each weight's .npy header, by weight name. */
    record Opened(String name, ObjectNode manifest, Map<String, Npy.Header> headers) {
    }

    private ModelArchiveReader() {
    }

    /**
     * Opens a model file and checks all of it before anything large is allocated: the zip's entry count, names (only
     * {@code manifest.json} and {@code .npy} weights, each once), declared sizes against {@link Limits} (absolute and
     * packing ratio), every entry read to its end through its CRC-32, and every weight's .npy header against the
     * entry's size. The weights' values are read later, by {@link #weights}, once the caller knows the shapes it needs.
     */
    static Opened open(Path file) throws BadInputException {
        String name = file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(name + ": no such file");
            }
            if (Files.size(file) == 0) {
                throw new BadInputException(name + ": the file is empty");
            }
        } catch (IOException e) {
            throw new BadInputException(name + ": could not be read (" + WriteFailedException.reason(e) + ")", e);
        }
        byte[] manifestBytes = null;
        Map<String, Npy.Header> headers = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry(MANIFEST) == null && zip.getEntry(IMPORTED_SIDECAR) != null) {
                throw new BadInputException(name + IMPORTED, "model.inferenceOnly", name);
            }
            if (zip.getEntry(MANIFEST) == null) {
                throw new BadInputException(name + ": not a Diffusion Lab model (the zip has no manifest.json)");
            }
            List<? extends ZipEntry> entries = ZipEntries.checked(name, zip,
                    entryName -> entryName.equals(MANIFEST) || isWeightName(entryName), "manifest.json and .npy weights");
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry.getSize() > Limits.MAX_MANIFEST_BYTES) {
                throw new BadInputException(name + ": manifest.json is " + manifestEntry.getSize() + " bytes, too large for a manifest");
            }
            for (ZipEntry entry : entries) {
                try (CheckedEntry in = new CheckedEntry(name, zip, entry)) {
                    if (entry.getName().equals(MANIFEST)) {
                        manifestBytes = in.readAllBytes();
                    } else {
                        Npy.Header header = weightHeader(name, in, entry);
                        in.skipToEnd();
                        headers.put(weightKey(entry.getName()), header);
                    }
                    in.verify();
                }
            }
        } catch (ZipException e) {
            if (name.endsWith(".onnx") || name.endsWith(".json")) {
                throw new BadInputException(name + IMPORTED, e, "model.inferenceOnly", name);
            }
            throw new BadInputException(ZipEntries.startsLikeZip(file)
                    ? name + ": the file is truncated or damaged (its zip structure is broken)"
                    : name + ": not a Diffusion Lab model (not a zip file)", e);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(name + ": the file is truncated or damaged (" + ZipEntries.describe(e) + ")", e);
        }
        if (manifestBytes == null) {
            throw new BadInputException(name + ": not a Diffusion Lab model (the zip has no manifest.json)");
        }
        return new Opened(name, parseManifest(name, manifestBytes), headers);
    }

    private static boolean isWeightName(String entryName) {
        return entryName.endsWith(".npy") && entryName.length() > 4 && entryName.length() < 256
                && !entryName.startsWith("/") && !entryName.contains("..") && !entryName.contains("\\")
                && entryName.chars().allMatch(c -> c > ' ' && c < 127);
    }

    private static String weightKey(String entryName) {
        return entryName.substring(0, entryName.length() - 4);
    }

    private static Npy.Header weightHeader(String name, InputStream in, ZipEntry entry) throws IOException, BadInputException {
        String key = weightKey(entry.getName());
        Npy.Header header;
        try {
            header = Npy.readHeader(in);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(name + ": the weight '" + key + "' is damaged (" + e.getMessage() + ")");
        }
        long headerBytes = ((CheckedEntry) in).count();
        if (headerBytes + header.dataBytes() != entry.getSize()) {
            throw new BadInputException(name + ": the weight '" + key + "' is damaged (its header promises shape "
                    + Arrays.toString(header.shape()) + ", " + header.dataBytes() + " bytes of data; the entry has "
                    + (entry.getSize() - headerBytes) + ")");
        }
        return header;
    }

    /** One weight's values, read again through its checksum: the file may have changed since it was opened. */
    static NpyArray readWeight(String name, Path source, String key, long[] shape) throws BadInputException {
        try (ZipFile zip = new ZipFile(source.toFile())) {
            ZipEntry entry = zip.getEntry(key + ".npy");
            if (entry == null) {
                throw new BadInputException(name + ": the file changed while it was being read");
            }
            try (CheckedEntry in = new CheckedEntry(name, zip, entry)) {
                Npy.Header header = weightHeader(name, in, entry);
                if (!Arrays.equals(header.shape(), shape)) {
                    throw new BadInputException(name + ": the file changed while it was being read");
                }
                NpyArray array = new NpyArray(header.shape(), Npy.readData(in, header));
                in.skipToEnd();
                in.verify();
                return array;
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(name + ": the weight '" + key + "' is damaged (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(name + ": the file is truncated or damaged (" + ZipEntries.describe(e) + ")", e);
        }
    }

    private static ObjectNode parseManifest(String name, byte[] bytes) throws BadInputException {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new BadInputException(name + ": manifest.json is not valid JSON", e);
        }
        if (!(node instanceof ObjectNode manifest) || !FORMAT.equals(node.path("format").asText())) {
            throw new BadInputException(name + ": not a Diffusion Lab model (manifest.json lacks \"format\": \"" + FORMAT + "\")");
        }
        JsonNode version = manifest.path("formatVersion");
        if (!version.isIntegralNumber()) {
            throw new BadInputException(name + ": manifest.json has no formatVersion");
        }
        if (version.intValue() > FORMAT_VERSION) {
            throw new BadInputException(name + ": made by a newer Diffusion Lab (model format " + version.intValue()
                    + "); this version reads format " + FORMAT_VERSION + ". Please update the app.");
        }
        if (version.intValue() < 1) {
            throw new BadInputException(name + ": unknown model format version " + version.intValue());
        }
        if (!manifest.path("kind").isTextual()) {
            throw new BadInputException(name + ": manifest.json does not say what kind of model this is");
        }
        return manifest;
    }
}
