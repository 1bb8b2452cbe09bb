package org.diffusionlab.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
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

    private final String name;
    private final ObjectNode manifest;
    private final Map<String, NpyArray> arrays;
    /** The file a read archive came from, and its weights' headers; null and empty for one built in memory. */
    private final Path source;
    private final Map<String, Npy.Header> headers;

    /** A model in memory, to be written. */
    public ModelArchive(String name, ObjectNode manifest, Map<String, NpyArray> arrays) {
        this(name, null, manifest, Map.of());
        this.arrays.putAll(arrays);
    }

    private ModelArchive(String name, Path source, ObjectNode manifest, Map<String, Npy.Header> headers) {
        this.name = name;
        this.source = source;
        this.manifest = manifest;
        this.arrays = new LinkedHashMap<>();
        this.headers = new LinkedHashMap<>(headers);
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

    /** Every weight, read (and checked finite) now if this archive came from a file. */
    public Map<String, NpyArray> arrays() throws BadInputException {
        if (source != null && arrays.size() < headers.size()) {
            Map<String, long[]> shapes = new LinkedHashMap<>();
            headers.forEach((key, header) -> shapes.put(key, header.shape()));
            arrays.putAll(weights(shapes));
        }
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
        long[] shape = shapeOf(key);
        if (!Arrays.equals(shape, expectedShape)) {
            throw new BadInputException(name + ": the weight '" + key + "' has shape " + Arrays.toString(shape)
                    + " but the architecture in the manifest needs " + Arrays.toString(expectedShape));
        }
        return load(key);
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

    /**
     * Opens a model file and checks all of it before anything large is allocated: the zip's entry count, names (only
     * {@code manifest.json} and {@code .npy} weights, each once), declared sizes against {@link Limits} (absolute and
     * packing ratio), every entry read to its end through its CRC-32, and every weight's .npy header against the
     * entry's size. The weights' values are read later, by {@link #weights}, once the caller knows the shapes it needs.
     */
    public static ModelArchive read(Path file) throws BadInputException {
        ModelArchiveReader.Opened opened = ModelArchiveReader.open(file);
        return new ModelArchive(opened.name(), file, opened.manifest(), opened.headers());
    }

    /**
     * Before the network is built: refuses an architecture of {@code expected} weights that would not fit in memory,
     * or that asks for far more weights than the file holds (a damaged or hostile manifest). Each weight's name and
     * shape is then checked by {@link #weights}.
     */
    public void requirePlausibleWeightCount(long expected) throws BadInputException {
        long stored = 0;
        for (String key : keys()) {
            stored += NpyArray.count(shapeOf(key));
        }
        Limits.requireWeightsFit(name, "the architecture in the manifest", expected);
        if (expected > 2 * stored + (1 << 20)) {
            throw new BadInputException(name + ": the architecture in the manifest has " + expected + " weights but the file"
                    + " holds " + stored);
        }
    }

    /** The names of the weights in this model. */
    public Set<String> keys() {
        return source == null ? arrays.keySet() : headers.keySet();
    }

    /**
     * Exactly these weights with exactly these shapes, read with every value checked finite. Every name and shape is
     * compared, and the total checked against the free memory, before any value is read.
     */
    public Map<String, NpyArray> weights(Map<String, long[]> shapes) throws BadInputException {
        long total = 0;
        for (Map.Entry<String, long[]> entry : shapes.entrySet()) {
            long[] shape = shapeOf(entry.getKey());
            if (!Arrays.equals(shape, entry.getValue())) {
                throw new BadInputException(name + ": the weight '" + entry.getKey() + "' has shape " + Arrays.toString(shape)
                        + " but the architecture in the manifest needs " + Arrays.toString(entry.getValue()));
            }
            total += NpyArray.count(shape);
        }
        for (String key : keys()) {
            if (!shapes.containsKey(key)) {
                throw new BadInputException(name + ": the file holds a weight '" + key + "' that the architecture in the"
                        + " manifest does not have");
            }
        }
        Limits.requireWeightsFit(name, "the model", total);
        Map<String, NpyArray> result = new LinkedHashMap<>();
        for (String key : shapes.keySet()) {
            NpyArray array = load(key);
            for (float value : array.data()) {
                if (!Float.isFinite(value)) {
                    throw new BadInputException(name + ": the weight '" + key + "' contains " + value
                            + " (the model is damaged or its training diverged)");
                }
                if (Math.abs(value) >= Limits.MAX_WEIGHT_MAGNITUDE) {
                    throw new BadInputException(name + ": the weight '" + key + "' contains " + value + ", far larger than"
                            + " a trained weight (the model is damaged or its training diverged)");
                }
            }
            result.put(key, array);
        }
        return result;
    }

    private long[] shapeOf(String key) throws BadInputException {
        if (source == null) {
            NpyArray array = arrays.get(key);
            if (array != null) {
                return array.shape();
            }
        } else if (headers.containsKey(key)) {
            return headers.get(key).shape();
        }
        throw new BadInputException(name + ": the weight '" + key + "' is missing");
    }

    private NpyArray load(String key) throws BadInputException {
        NpyArray loaded = arrays.get(key);
        return loaded != null ? loaded : ModelArchiveReader.readWeight(name, source, key, headers.get(key).shape());
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
