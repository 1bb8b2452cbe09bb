package org.diffusionlab.core.imported;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.onnxruntime.OrtException;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.imported.ImportedKind.GraphPart;
import org.diffusionlab.core.io.Limits;
import org.diffusionlab.core.onnx.OnnxSession;

/**
 * The checks a model exported from PyTorch passes before the app uses it, in {@link Check#ORDER}: its files can be read
 * within the size caps; the sidecar is complete; each graph parses as ONNX; the graphs' input and output names, element
 * types and ranks match the kind and the sidecar; dimension 0 is symbolic everywhere; the weights fit in memory; ONNX
 * Runtime opens each graph; the test vector's outputs are finite (and probabilities in [0, 1]); they reproduce PyTorch's
 * within 1e-4; batch 1 and batch 3 agree. Nothing large is allocated before the checks that bound it; the first failure
 * stops the rest, and every opened session is closed unless the model is handed out.
 */
final class ModelCheck {
    /** Agreement of ONNX Runtime with PyTorch's stored outputs, and of batch 1 with batch 3: |a − b| ≤ 1e-4 · max(1, |b|). */
    static final double TOLERANCE = 1e-4;
    private static final int MIN_OPSET = 7;
    private static final int MAX_OPSET = 23;

    private final List<Check> checks = new ArrayList<>();
    private boolean failed;
    private ModelFiles files;
    private Sidecar sidecar;
    private final Map<GraphPart, byte[]> bytes = new EnumMap<>(GraphPart.class);
    private final Map<GraphPart, GraphSignature> signatures = new EnumMap<>(GraphPart.class);
    private final Map<GraphPart, OnnxSession> sessions = new EnumMap<>(GraphPart.class);
    private final Map<GraphPart, Map<String, float[]>> testOutputs = new EnumMap<>(GraphPart.class);

    private interface Step {
        String run() throws BadInputException;
    }

    private ModelCheck() {
    }

    static Inspection run(Path file) {
        ModelCheck check = new ModelCheck();
        String name = file.getFileName().toString();
        check.step("files", () -> {
            check.files = ModelFiles.open(file);
            return "read " + name;
        });
        check.step("sidecar", () -> {
            check.sidecar = Sidecar.parse(name, check.files.sidecar());
            return check.sidecar.kind().id() + ", image " + check.sidecar.image();
        });
        check.step("graph", check::readGraphs);
        check.step("signature", check::matchSignatures);
        check.step("batch-axis", check::requireSymbolicBatch);
        check.step("memory", () -> {
            long weights = check.signatures.values().stream().mapToLong(GraphSignature::parameters).sum();
            Limits.requireWeightsFit(name, "the ONNX graphs", weights);
            return String.format(Locale.ROOT, "%,d weights fit", weights);
        });
        check.step("session", check::openSessions);
        check.step("outputs", check::runTestVector);
        check.step("test-vector", check::compareTestVector);
        check.step("batch-1-vs-3", check::compareBatches);
        ImportedModel model = null;
        if (!check.failed) {
            model = new ImportedModel(name, check.sidecar, check.signatures, check.sessions);
        } else {
            check.sessions.values().forEach(OnnxSession::close);
        }
        return new Inspection(name, check.sidecar, check.signatures, List.copyOf(check.checks), model);
    }

    private void step(String id, Step step) {
        if (failed) {
            checks.add(new Check(id, Check.Status.NOT_RUN, ""));
            return;
        }
        try {
            checks.add(new Check(id, Check.Status.PASSED, step.run()));
        } catch (BadInputException | RuntimeException e) {
            failed = true;
            checks.add(new Check(id, Check.Status.FAILED, e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private String readGraphs() throws BadInputException {
        List<String> found = new ArrayList<>();
        for (Map.Entry<GraphPart, Sidecar.Graph> graph : sidecar.graphs().entrySet()) {
            String graphFile = graph.getValue().file();
            byte[] data = files.graph(graphFile);
            GraphSignature signature = GraphSignature.read(graphFile, data);
            if (signature.opset() < MIN_OPSET || signature.opset() > MAX_OPSET) {
                throw new BadInputException(graphFile + ": ONNX opset " + signature.opset() + "; this app runs opsets " + MIN_OPSET
                        + " to " + MAX_OPSET + " (tools/export_model.py exports at 17)");
            }
            bytes.put(graph.getKey(), data);
            signatures.put(graph.getKey(), signature);
            found.add(graphFile + ": opset " + signature.opset() + ", " + signature.producer());
        }
        return String.join("; ", found);
    }

    private String matchSignatures() throws BadInputException {
        for (GraphPart part : sidecar.kind().parts()) {
            GraphSignature graph = signatures.get(part);
            Sidecar.Graph declared = sidecar.graphs().get(part);
            match(graph, "inputs", graph.inputs(), declared.inputs());
            match(graph, "outputs", graph.outputs(), declared.outputs());
            for (Map.Entry<String, long[]> value : concat(declared.inputs(), declared.outputs()).entrySet()) {
                requireSize(graph.file(), value.getKey(), value.getValue());
            }
        }
        return "the names, element types and shapes match the kind " + sidecar.kind().id();
    }

    private void match(GraphSignature graph, String what, Map<String, GraphSignature.Tensor> actual, Map<String, long[]> declared)
            throws BadInputException {
        if (!actual.keySet().equals(declared.keySet())) {
            throw new BadInputException(graph.file() + ": its " + what + " are " + actual.keySet() + "; a " + sidecar.kind().id()
                    + " has " + declared.keySet() + " (the names tools/export_model.py gives)");
        }
        for (Map.Entry<String, long[]> value : declared.entrySet()) {
            GraphSignature.Tensor tensor = actual.get(value.getKey());
            int expectedType = value.getKey().equals("t") && sidecar.time().integer() ? GraphSignature.INT64 : GraphSignature.FLOAT;
            if (tensor.elementType() != expectedType) {
                throw new BadInputException(graph.file() + ": " + value.getKey() + " is " + tensor.typeName() + ", expected "
                        + new GraphSignature.Tensor(expectedType, new long[0]).typeName());
            }
            long[] dims = tensor.dims();
            long[] shape = value.getValue();
            boolean same = dims.length == shape.length;
            for (int i = 1; same && i < dims.length; i++) {
                same = dims[i] == shape[i] || dims[i] == -1;
            }
            if (!same) {
                throw new BadInputException(graph.file() + ": " + value.getKey() + " has shape " + Arrays.toString(dims)
                        + " in the graph but " + Arrays.toString(shape) + " in the sidecar (−1: symbolic)");
            }
        }
    }

    /** Whether a value's shape is what the kind needs: images the size of the sidecar's image, latents its latent size. */
    private void requireSize(String graph, String value, long[] shape) throws BadInputException {
        Sidecar.ImageShape image = sidecar.image();
        long elements = Sidecar.elements(shape);
        String problem = switch (value) {
            case "x", "x_hat", "eps" -> elements != image.size() || (shape.length == 4 && (shape[1] != image.channels()
                    || shape[2] != image.height() || shape[3] != image.width())) || (shape.length != 2 && shape.length != 4)
                    ? "should hold one " + image + " image per row, as [batch, " + image.size() + "] or [batch, " + image.channels()
                    + ", " + image.height() + ", " + image.width() + "]" : null;
            case "z", "mu", "logvar" -> shape.length != 2 || shape[1] != sidecar.latent()
                    ? "should be [batch, " + sidecar.latent() + "] (the latent size)" : null;
            case "t" -> shape.length != 1 ? "should be [batch], one step per row" : null;
            default -> "is not an input or output of a " + sidecar.kind().id();
        };
        if (problem != null) {
            throw new BadInputException(graph + ": " + value + " of shape " + Arrays.toString(shape) + " " + problem);
        }
    }

    private String requireSymbolicBatch() throws BadInputException {
        for (GraphSignature graph : signatures.values()) {
            for (Map.Entry<String, GraphSignature.Tensor> value : concat(graph.inputs(), graph.outputs()).entrySet()) {
                long[] dims = value.getValue().dims();
                if (dims.length == 0 || dims[0] != -1) {
                    throw new BadInputException(graph.file() + ": the batch size is frozen into the graph (" + value.getKey()
                            + " has dimension 0 = " + (dims.length == 0 ? "none" : dims[0]) + "); export it with a dynamic batch"
                            + " axis, and write shapes as x.shape[0] or -1, not len(x)");
                }
            }
        }
        return "dimension 0 is symbolic in every input and output";
    }

    private String openSessions() throws BadInputException {
        for (Map.Entry<GraphPart, byte[]> graph : bytes.entrySet()) {
            int threads = graph.getKey() == GraphPart.UNET ? Runtime.getRuntime().availableProcessors() : 1;
            try {
                sessions.put(graph.getKey(), OnnxSession.open(graph.getValue(), threads));
            } catch (OrtException | RuntimeException | LinkageError e) {
                throw new BadInputException(sidecar.graphs().get(graph.getKey()).file() + ": ONNX Runtime cannot open it ("
                        + e.getMessage() + ")");
            }
        }
        bytes.clear();
        return "ONNX Runtime opened " + sessions.size() + (sessions.size() == 1 ? " graph" : " graphs");
    }

    private String runTestVector() throws BadInputException {
        int batch = sidecar.testVector().batch();
        for (GraphPart part : sidecar.kind().parts()) {
            Map<String, float[]> outputs = run(part, sidecar.testVector().inputs().get(part), batch);
            for (Map.Entry<String, float[]> output : outputs.entrySet()) {
                String where = sidecar.graphs().get(part).file() + ": its output " + output.getKey() + " holds ";
                for (float v : output.getValue()) {
                    if (!Float.isFinite(v)) {
                        throw new BadInputException(where + v + " on the test vector");
                    }
                }
                for (float v : output.getValue()) {
                    if (part == GraphPart.DECODER && !sidecar.likelihood().admits(v)) {
                        throw new BadInputException(where + v + " on the test vector, outside [0, 1] for a probability");
                    }
                }
            }
            testOutputs.put(part, outputs);
        }
        return "finite" + (sidecar.isVae() ? ", and in range for the likelihood" : "") + " on the test vector";
    }

    private String compareTestVector() throws BadInputException {
        double worst = 0;
        for (GraphPart part : sidecar.kind().parts()) {
            for (Map.Entry<String, float[]> expected : sidecar.testVector().outputs().get(part).entrySet()) {
                float[] actual = testOutputs.get(part).get(expected.getKey());
                worst = Math.max(worst, difference(part, expected.getKey() + " against PyTorch's test vector", actual, 0,
                        expected.getValue(), 0, expected.getValue().length));
            }
        }
        return String.format(Locale.ROOT, "ONNX Runtime reproduces PyTorch's outputs within %.1e (largest difference %.2e)",
                TOLERANCE, worst);
    }

    private String compareBatches() throws BadInputException {
        int batch = sidecar.testVector().batch();
        for (GraphPart part : sidecar.kind().parts()) {
            for (int row : new int[] {0, batch - 1}) {
                Map<String, float[]> inputs = new LinkedHashMap<>();
                sidecar.testVector().inputs().get(part).forEach((name, values) -> inputs.put(name, row(values, batch, row)));
                Map<String, float[]> single = run(part, inputs, 1);
                for (Map.Entry<String, float[]> output : single.entrySet()) {
                    int n = output.getValue().length;
                    difference(part, output.getKey() + " of row " + row + " at batch 1 against batch " + batch,
                            output.getValue(), 0, testOutputs.get(part).get(output.getKey()), row * n, n);
                }
            }
        }
        return "rows at batch 1 equal the same rows at batch " + batch;
    }

    private double difference(GraphPart part, String what, float[] actual, int from, float[] expected, int offset, int n)
            throws BadInputException {
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double a = actual[from + i];
            double b = expected[offset + i];
            double d = Math.abs(a - b);
            if (!(d <= TOLERANCE * Math.max(1, Math.abs(b)))) {
                throw new BadInputException(String.format(Locale.ROOT, "%s: %s differs by %.3g at number %d (%.6g, expected %.6g);"
                        + " the graph does not compute what the model computed", sidecar.graphs().get(part).file(), what, d, i, a, b));
            }
            worst = Math.max(worst, d);
        }
        return worst;
    }

    private Map<String, float[]> run(GraphPart part, Map<String, float[]> values, int batch) throws BadInputException {
        Map<String, OnnxSession.Input> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> input : sidecar.graphs().get(part).inputs().entrySet()) {
            long[] shape = input.getValue().clone();
            shape[0] = batch;
            float[] data = values.get(input.getKey());
            inputs.put(input.getKey(), input.getKey().equals("t") && sidecar.time().integer()
                    ? OnnxSession.Input.integers(longs(data), shape) : new OnnxSession.Input(data, shape));
        }
        try {
            return sessions.get(part).runAll(inputs);
        } catch (OrtException | RuntimeException e) {
            throw new BadInputException(sidecar.graphs().get(part).file() + ": ONNX Runtime failed on it (" + e.getMessage() + ")");
        }
    }

    static long[] longs(float[] values) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = Math.round(values[i]);
        }
        return longs;
    }

    private static float[] row(float[] values, int batch, int row) {
        int n = values.length / batch;
        return Arrays.copyOfRange(values, row * n, (row + 1) * n);
    }

    private static <V> Map<String, V> concat(Map<String, V> a, Map<String, V> b) {
        Map<String, V> all = new LinkedHashMap<>(a);
        all.putAll(b);
        return all;
    }
}
