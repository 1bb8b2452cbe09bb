package org.diffusionlab.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.BadInputException;

/**
 * One model file: a zip holding {@code manifest.json} and one {@code .npy} array per weight.
 * Reading validates the container and the manifest's format fields before anything is returned;
 * writing goes to a temporary file next to the target, which is then moved into place.
 */
public final class ModelArchive {
    public static final String FORMAT = "diffusion-lab-model";
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    private static final long MAX_ENTRY_BYTES = 512L << 20;
    private static final long MAX_TOTAL_BYTES = 1L << 30;
    private static final int MAX_ENTRIES = 2000;

    private final String name;
    private final ObjectNode manifest;
    private final Map<String, NpyArray> arrays;

    public ModelArchive(String name, ObjectNode manifest, Map<String, NpyArray> arrays) {
        this.name = name;
        this.manifest = manifest;
        this.arrays = new LinkedHashMap<>(arrays);
    }

    /** A manifest with the format fields filled in and the given kind. */
    public static ObjectNode newManifest(String kind) {
        ObjectNode manifest = Json.MAPPER.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("formatVersion", FORMAT_VERSION);
        manifest.put("kind", kind);
        return manifest;
    }

    public String name() {
        return name;
    }

    public ObjectNode manifest() {
        return manifest;
    }

    public String kind() {
        return manifest.path("kind").asText();
    }

    public Map<String, NpyArray> arrays() {
        return arrays;
    }

    /** Throws unless this model is of the given kind, saying what it is instead. */
    public ModelArchive requireKind(String expected) throws BadInputException {
        if (!expected.equals(kind())) {
            throw new BadInputException(name + ": this is a '" + kind() + "' model, not a '" + expected + "' model");
        }
        return this;
    }

    /** The named array, which must exist and have exactly the expected shape. */
    public NpyArray array(String key, long... expectedShape) throws BadInputException {
        NpyArray array = arrays.get(key);
        if (array == null) {
            throw new BadInputException(name + ": the weight '" + key + "' is missing");
        }
        if (!array.hasShape(expectedShape)) {
            throw new BadInputException(name + ": the weight '" + key + "' has shape " + Arrays.toString(array.shape())
                    + " but the architecture in the manifest needs " + Arrays.toString(expectedShape));
        }
        return array;
    }

    /** A required manifest field; a missing one is an error that names it. */
    public JsonNode field(String path) throws BadInputException {
        JsonNode node = manifest.at(path.startsWith("/") ? path : "/" + path.replace('.', '/'));
        if (node.isMissingNode() || node.isNull()) {
            throw new BadInputException(name + ": the manifest has no '" + path + "'");
        }
        return node;
    }

    public int intField(String path, int min, int max) throws BadInputException {
        JsonNode node = field(path);
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < min || node.intValue() > max) {
            throw new BadInputException(name + ": the manifest's '" + path + "' is " + node + "; expected a whole number from "
                    + min + " to " + max);
        }
        return node.intValue();
    }

    public double doubleField(String path, double min, double max) throws BadInputException {
        JsonNode node = field(path);
        if (!node.isNumber() || !(node.doubleValue() >= min && node.doubleValue() <= max)) {
            throw new BadInputException(name + ": the manifest's '" + path + "' is " + node + "; expected a number from "
                    + min + " to " + max);
        }
        return node.doubleValue();
    }

    public static ModelArchive read(Path file) throws BadInputException {
        String name = file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(name + ": no such file");
            }
            if (Files.size(file) == 0) {
                throw new BadInputException(name + ": the file is empty");
            }
        } catch (IOException e) {
            throw new BadInputException(name + ": could not be read (" + e.getMessage() + ")", e);
        }
        byte[] manifestBytes = null;
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new BadInputException(name + ": too many entries for a model file");
            }
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = readLimited(name, in, entry.getName());
                }
                total += bytes.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new BadInputException(name + ": the model is larger than " + (MAX_TOTAL_BYTES >> 20) + " MB unpacked");
                }
                if (entry.getName().equals(MANIFEST)) {
                    manifestBytes = bytes;
                } else if (entry.getName().endsWith(".npy")) {
                    String key = entry.getName().substring(0, entry.getName().length() - 4);
                    try {
                        arrays.put(key, Npy.read(bytes));
                    } catch (IllegalArgumentException e) {
                        throw new BadInputException(name + ": the weight '" + key + "' is damaged (" + e.getMessage() + ")");
                    }
                }
            }
        } catch (ZipException e) {
            throw new BadInputException(startsLikeZip(file)
                    ? name + ": the file is truncated or damaged (" + e.getMessage() + ")"
                    : name + ": not a Diffusion Lab model (not a zip file)", e);
        } catch (IOException e) {
            throw new BadInputException(name + ": the file is truncated or damaged (" + e.getMessage() + ")", e);
        }
        if (manifestBytes == null) {
            throw new BadInputException(name + ": not a Diffusion Lab model (the zip has no manifest.json)");
        }
        return new ModelArchive(name, parseManifest(name, manifestBytes), arrays);
    }

    /** A zip begins with a local file header, the bytes P K 3 4; a truncated one still does. */
    private static boolean startsLikeZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
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

    private static byte[] readLimited(String name, InputStream zip, String entry) throws IOException, BadInputException {
        byte[] bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_ENTRY_BYTES + 1));
        if (bytes.length > MAX_ENTRY_BYTES) {
            throw new BadInputException(name + ": the entry " + entry + " is larger than " + (MAX_ENTRY_BYTES >> 20) + " MB");
        }
        return bytes;
    }

    /** Writes the model whole or not at all (see {@link AtomicFile}). */
    public void write(Path target) throws IOException {
        AtomicFile.write(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifestJson().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Map.Entry<String, NpyArray> entry : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey() + ".npy"));
                zip.write(Npy.write(entry.getValue()));
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    public String manifestJson() {
        return Json.pretty(manifest);
    }
}
