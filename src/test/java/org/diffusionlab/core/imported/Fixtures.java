package org.diffusionlab.core.imported;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.io.Json;
import org.diffusionlab.core.io.ZipEntries;
import org.diffusionlab.core.onnx.OnnxGraph;

/**
 * The committed models made with tools/export_model.py (src/test/python/make_fixtures.py), and damaged copies of them.
 */
public final class Fixtures {
    public static final String VAE = "vae-784-400-20.zip";
    /** The decoder alone of a 784-64-2 MLP VAE (kind vae-decoder): no encoder. */
    public static final String VAE_DECODER = "vae-decoder-2-64-784.zip";
    public static final String UNET = "unet-tiny-28.zip";
    public static final String UNET_RGB = "unet-tiny-rgb32.zip";

    private Fixtures() {
    }

    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/org/diffusionlab/core/imported/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, byte[]> entries(String fixture) throws Exception {
        return ZipEntries.readAll(path(fixture), n -> true, "anything");
    }

    public static ObjectNode sidecar(String fixture) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(entries(fixture).get(ModelFiles.SIDECAR));
    }

    /** A copy of {@code fixture} in {@code dir} whose sidecar is edited first. */
    public static Path withSidecar(Path dir, String fixture, Consumer<ObjectNode> edit) throws Exception {
        Map<String, byte[]> entries = entries(fixture);
        ObjectNode sidecar = (ObjectNode) Json.MAPPER.readTree(entries.get(ModelFiles.SIDECAR));
        edit.accept(sidecar);
        entries.put(ModelFiles.SIDECAR, Json.pretty(sidecar).getBytes());
        return zip(dir.resolve("edited-" + fixture), entries);
    }

    /** A copy of {@code fixture} in {@code dir} whose entry {@code name} is replaced by {@code bytes}. */
    public static Path withEntry(Path dir, String fixture, String name, byte[] bytes) throws Exception {
        Map<String, byte[]> entries = entries(fixture);
        entries.put(name, bytes);
        return zip(dir.resolve("replaced-" + fixture), entries);
    }

    public static Path zip(Path target, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return target;
    }

    /**
     * A small decoder alone, 2 latents → a 4×4 grey image, x_hat = σ(z W + b) ({@code op} "Sigmoid") or log(z W + b)
     * ("Log", NaN for the negative sums), with a batch of {@code batch} (−1: symbolic), and a sidecar whose test
     * vector holds the true σ(z W + b).
     */
    public static Path decoder(Path dir, String op, long batch) throws IOException {
        float[] w = new float[2 * 16];
        float[] b = new float[16];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i + 1);
        }
        for (int j = 0; j < b.length; j++) {
            b[j] = 0.1f * j - 0.8f;
        }
        OnnxGraph graph = new OnnxGraph("decoder");
        String z = graph.input("z", batch, 2);
        String gemm = graph.node("Gemm", z, graph.weight("w", w, 2, 16), graph.weight("b", b, 16));
        graph.output(graph.named(graph.node(op, gemm), "x_hat"), batch, 16);
        float[] zs = {0.5f, -1f, 1.5f, 0.25f, -0.75f, 2f};
        ObjectNode sidecar = Json.MAPPER.createObjectNode().put("format", Sidecar.FORMAT).put("version", 1).put("kind", "vae-decoder");
        sidecar.putObject("image").put("channels", 1).put("height", 4).put("width", 4).putArray("range").add(0).add(1);
        sidecar.put("latent", 2);
        sidecar.putObject("likelihood").put("type", "bernoulli").put("decoderOutput", "probabilities");
        ObjectNode decoder = sidecar.putObject("graphs").putObject("decoder").put("file", "tiny.onnx");
        decoder.putObject("inputs").putArray("z").add("batch").add(2);
        decoder.putObject("outputs").putArray("x_hat").add("batch").add(16);
        ObjectNode test = sidecar.putObject("testVector").put("batch", 3).putObject("graphs").putObject("decoder");
        ArrayNode zIn = test.putObject("inputs").putArray("z");
        ArrayNode out = test.putObject("outputs").putArray("x_hat");
        for (float v : zs) {
            zIn.add(v);
        }
        for (int row = 0; row < 3; row++) {
            for (int j = 0; j < 16; j++) {
                double s = b[j] + zs[2 * row] * w[j] + zs[2 * row + 1] * w[16 + j];
                out.add((float) (1 / (1 + Math.exp(-s))));
            }
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(ModelFiles.SIDECAR, Json.pretty(sidecar).getBytes());
        entries.put("tiny.onnx", graph.toBytes("test"));
        return zip(dir.resolve("tiny-" + op + "-" + batch + ".zip"), entries);
    }
}
