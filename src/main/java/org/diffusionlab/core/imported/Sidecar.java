package org.diffusionlab.core.imported;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.imported.ImportedKind.GraphPart;
import org.diffusionlab.core.io.Json;
import org.diffusionlab.core.io.Limits;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.core.vae.DecoderLikelihood;
import org.diffusionlab.core.vae.VaeArchitecture;

/**
 * The JSON sidecar of a model exported from PyTorch ({@code model.json} in the zip, or {@code name.json} beside the
 * .onnx files), as tools/export_model.py writes it and README's "Open your own model" describes: the kind, each
 * graph's file and input/output shapes (dimension 0 is "batch"), the image and its value range, the likelihood
 * (a VAE) or the noise schedule, prediction target and timestep convention (a U-Net), the versions that exported it
 * and a test vector (inputs at batch 3 and PyTorch's outputs). Parsing checks every field, and the test vector's
 * lengths against the shapes, before any graph is read.
 */
public record Sidecar(ImportedKind kind, String name, ImageShape image, float low, float high, Map<GraphPart, Graph> graphs,
                      int latent, DecoderLikelihood likelihood, NoiseSchedule schedule, TimeInput time, ObjectNode exported,
                      TestVector testVector) {
    public static final String FORMAT = "diffusion-lab-onnx";
    public static final int VERSION = 1;
    /** Dimension 0 of every input and output: the batch, symbolic in the graph. */
    public static final long BATCH = -1;
    private static final int MAX_SIDE = 1024;
    private static final int MAX_CHANNELS = 4;

    /** An image of channels × height × width. */
    public record ImageShape(int channels, int height, int width) {
        public int size() {
            return channels * height * width;
        }

        @Override
        public String toString() {
            return channels + "×" + height + "×" + width;
        }
    }

    /** One graph: its file and the shapes of its inputs and outputs by name (dimension 0 = {@link #BATCH}). */
    public record Graph(String file, Map<String, long[]> inputs, Map<String, long[]> outputs) {
    }

    /** How the U-Net takes t: int64 or float32, and the number it takes for the app's first step t = 1 (0 or 1). */
    public record TimeInput(boolean integer, int firstStep) {
    }

    /** Inputs at batch {@link #batch} and the outputs PyTorch computed from them, per graph and name. */
    public record TestVector(int batch, Map<GraphPart, Map<String, float[]>> inputs, Map<GraphPart, Map<String, float[]>> outputs) {
    }

    public boolean isVae() {
        return kind.isVae();
    }

    /** The VAE's sizes as the views use them (the image and latent; no hidden layers: the graph is not an MLP of ours). */
    public VaeArchitecture vaeArchitecture() {
        return VaeArchitecture.ofGraph(image.width(), image.height(), latent);
    }

    /** Reads and checks a sidecar's bytes; {@code file} names it in messages. */
    public static Sidecar parse(String file, byte[] bytes) throws BadInputException {
        if (bytes.length > Limits.MAX_SIDECAR_BYTES) {
            throw new BadInputException(file + ": the sidecar is " + (bytes.length >> 20) + " MB, more than the "
                    + (Limits.MAX_SIDECAR_BYTES >> 20) + " MB accepted");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": the sidecar is not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": the sidecar cannot be read (" + e.getMessage() + ")", e);
        }
        Fields f = new Fields(file, root);
        if (!FORMAT.equals(f.text("format"))) {
            throw f.bad("format", "is not \"" + FORMAT + "\"");
        }
        int version = f.integer("version", 1, Integer.MAX_VALUE);
        if (version > VERSION) {
            throw f.bad("version", "is " + version + "; this version of the app reads sidecars of version " + VERSION);
        }
        String kindId = f.text("kind");
        ImportedKind kind = ImportedKind.byId(kindId)
                .orElseThrow(() -> f.bad("kind", "is \"" + kindId + "\"; expected vae, vae-decoder or eps-unet"));
        ImageShape image = new ImageShape(f.integer("image.channels", 1, MAX_CHANNELS), f.integer("image.height", 1, MAX_SIDE),
                f.integer("image.width", 1, MAX_SIDE));
        float low = (float) f.real("image.range.0", -1, 0);
        float high = (float) f.real("image.range.1", 1, 1);
        if (low != (kind.isVae() ? 0 : -1)) {
            throw f.bad("image.range", "is [" + low + ", " + high + "]; a VAE here takes pixels in [0, 1] and a U-Net"
                    + " in [−1, 1]");
        }
        Map<GraphPart, Graph> graphs = new EnumMap<>(GraphPart.class);
        for (GraphPart part : kind.parts()) {
            graphs.put(part, graph(f, part));
        }
        int latent = 0;
        DecoderLikelihood likelihood = null;
        NoiseSchedule schedule = null;
        TimeInput time = null;
        if (kind.isVae()) {
            latent = f.integer("latent", VaeArchitecture.MIN_LATENT, VaeArchitecture.MAX_LATENT);
            likelihood = likelihood(f);
        } else {
            if (!"epsilon".equals(f.text("prediction"))) {
                throw f.bad("prediction", "is \"" + f.text("prediction") + "\"; this version takes ε-prediction (\"epsilon\")");
            }
            schedule = schedule(f);
            String type = f.text("timestep.elementType");
            if (!type.equals("int64") && !type.equals("float32")) {
                throw f.bad("timestep.elementType", "is \"" + type + "\"; expected int64 or float32");
            }
            time = new TimeInput(type.equals("int64"), f.integer("timestep.firstStep", 0, 1));
        }
        JsonNode exported = root.path("exported");
        String name = root.path("name").isTextual() ? root.path("name").asText() : file;
        Sidecar sidecar = new Sidecar(kind, name, image, low, high, graphs, latent, likelihood, schedule, time,
                exported instanceof ObjectNode o ? o : Json.MAPPER.createObjectNode(), null);
        return sidecar.withTestVector(testVector(f, sidecar));
    }

    private Sidecar withTestVector(TestVector vector) {
        return new Sidecar(kind, name, image, low, high, graphs, latent, likelihood, schedule, time, exported, vector);
    }

    private static Graph graph(Fields f, GraphPart part) throws BadInputException {
        String at = "graphs." + part.id();
        String file = f.text(at + ".file");
        if (!file.endsWith(".onnx") || file.contains("/") || file.contains("\\") || file.contains("..")) {
            throw f.bad(at + ".file", "is \"" + file + "\"; expected the name of an .onnx file beside the sidecar");
        }
        return new Graph(file, shapes(f, at + ".inputs", part.inputs()), shapes(f, at + ".outputs", part.outputs()));
    }

    private static Map<String, long[]> shapes(Fields f, String at, List<String> names) throws BadInputException {
        JsonNode node = f.node(at);
        if (!node.isObject() || node.size() != names.size()) {
            throw f.bad(at, "should name exactly " + String.join(", ", names));
        }
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (String name : names) {
            JsonNode dims = node.path(name);
            if (!dims.isArray() || dims.isEmpty() || dims.size() > 5 || !"batch".equals(dims.get(0).asText())) {
                throw f.bad(at + "." + name, "should be a shape whose first dimension is \"batch\"");
            }
            long[] shape = new long[dims.size()];
            shape[0] = BATCH;
            for (int i = 1; i < shape.length; i++) {
                shape[i] = f.integer(at + "." + name + "." + i, 1, 1 << 20);
            }
            shapes.put(name, shape);
        }
        return shapes;
    }

    private static DecoderLikelihood likelihood(Fields f) throws BadInputException {
        String type = f.text("likelihood.type");
        String output = f.text("likelihood.decoderOutput");
        DecoderLikelihood.Output meaning = switch (type + "-" + output) {
            case "bernoulli-logits" -> DecoderLikelihood.Output.BERNOULLI_LOGITS;
            case "bernoulli-probabilities" -> DecoderLikelihood.Output.BERNOULLI_PROBABILITIES;
            case "gaussian-mean" -> DecoderLikelihood.Output.GAUSSIAN_MEAN;
            default -> throw f.bad("likelihood", "is " + type + " with decoder output " + output
                    + "; expected bernoulli (logits or probabilities) or gaussian (mean)");
        };
        double sigma = meaning == DecoderLikelihood.Output.GAUSSIAN_MEAN ? f.real("likelihood.sigma", 1e-4, 9.99) : 0;
        return new DecoderLikelihood(meaning, sigma);
    }

    private static NoiseSchedule schedule(Fields f) throws BadInputException {
        String kind = f.text("schedule.kind");
        int steps = f.integer("schedule.steps", 1, NoiseSchedule.MAX_T);
        return switch (kind) {
            case "linear" -> NoiseSchedule.linear(steps, f.real("schedule.betaStart", 1e-8, 0.5),
                    f.real("schedule.betaEnd", 1e-8, 0.999));
            case "cosine" -> NoiseSchedule.cosine(steps);
            default -> throw f.bad("schedule.kind", "is \"" + kind + "\"; expected linear or cosine");
        };
    }

    private static TestVector testVector(Fields f, Sidecar sidecar) throws BadInputException {
        int batch = f.integer("testVector.batch", 2, 16);
        Map<GraphPart, Map<String, float[]>> inputs = new EnumMap<>(GraphPart.class);
        Map<GraphPart, Map<String, float[]>> outputs = new EnumMap<>(GraphPart.class);
        for (Map.Entry<GraphPart, Graph> graph : sidecar.graphs().entrySet()) {
            String at = "testVector.graphs." + graph.getKey().id();
            inputs.put(graph.getKey(), vectors(f, at + ".inputs", graph.getValue().inputs(), batch));
            outputs.put(graph.getKey(), vectors(f, at + ".outputs", graph.getValue().outputs(), batch));
        }
        return new TestVector(batch, inputs, outputs);
    }

    private static Map<String, float[]> vectors(Fields f, String at, Map<String, long[]> shapes, int batch) throws BadInputException {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> shape : shapes.entrySet()) {
            String path = at + "." + shape.getKey();
            JsonNode node = f.node(path);
            long expected = batch * elements(shape.getValue());
            if (!node.isArray() || node.size() != expected) {
                throw f.bad(path, "should hold " + expected + " numbers (batch " + batch + " of the shape), not "
                        + (node.isArray() ? node.size() : "none"));
            }
            float[] values = new float[node.size()];
            for (int i = 0; i < values.length; i++) {
                if (!node.get(i).isNumber()) {
                    throw f.bad(path + "." + i, "is not a number");
                }
                values[i] = node.get(i).floatValue();
            }
            vectors.put(shape.getKey(), values);
        }
        return vectors;
    }

    /** Elements of one row of a shape (its dimensions after the batch). */
    public static long elements(long[] shape) {
        long n = 1;
        for (int i = 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return n;
    }

    /** Reading fields by dotted path, each failure a sentence naming the file and the field. */
    private record Fields(String file, JsonNode root) {
        JsonNode node(String path) {
            JsonNode node = root;
            for (String key : path.split("\\.")) {
                node = key.chars().allMatch(Character::isDigit) ? node.path(Integer.parseInt(key)) : node.path(key);
            }
            return node;
        }

        BadInputException bad(String path, String what) {
            return new BadInputException(file + ": the sidecar's \"" + path + "\" " + what);
        }

        String text(String path) throws BadInputException {
            JsonNode node = node(path);
            if (!node.isTextual()) {
                throw bad(path, node.isMissingNode() ? "is missing" : "should be text");
            }
            return node.asText();
        }

        int integer(String path, int min, int max) throws BadInputException {
            JsonNode node = node(path);
            if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
                throw bad(path, node.isMissingNode() ? "is missing" : "is " + node + "; expected a whole number from " + min
                        + " to " + max);
            }
            return node.asInt();
        }

        double real(String path, double min, double max) throws BadInputException {
            JsonNode node = node(path);
            if (!node.isNumber() || !(node.asDouble() >= min && node.asDouble() <= max)) {
                throw bad(path, node.isMissingNode() ? "is missing" : "is " + node + "; expected a number from " + min
                        + " to " + max);
            }
            return node.asDouble();
        }
    }
}
