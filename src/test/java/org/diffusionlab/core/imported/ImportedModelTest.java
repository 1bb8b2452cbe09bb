package org.diffusionlab.core.imported;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.imported.ImportedKind.GraphPart;
import org.diffusionlab.core.io.Json;
import org.diffusionlab.core.vae.ElboTerms;
import org.diffusionlab.core.vae.Vae;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ImportedModelTest {
    @TempDir
    Path dir;

    @Test
    void theExportedVaePassesEveryCheckAndDecodesAsPyTorchDid() throws Exception {
        Inspection inspection = Inspection.of(Fixtures.path(Fixtures.VAE));
        assertEquals(Check.ORDER, inspection.checks().stream().map(Check::id).toList());
        assertTrue(inspection.passed(), inspection.checks().toString());
        ModelInfo info = inspection.info();
        assertEquals("vae", info.kind());
        assertEquals(17, info.opset());
        assertEquals(652_824, info.parameters());   // 784·400+400 + 2·(400·20+20) + 20·400+400 + 400·784+784
        assertTrue(info.producer().startsWith("pytorch"), info.producer());

        Vae vae = inspection.require().vae();
        assertEquals(20, vae.architecture().latent());
        assertTrue(vae.hasEncoder());
        Sidecar.TestVector test = inspection.sidecar().testVector();
        float[] z = test.inputs().get(GraphPart.DECODER).get("z");
        float[] logits = test.outputs().get(GraphPart.DECODER).get("x_hat");
        float[][] decoded = vae.decode(rows(z, 3));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 784; j++) {
                assertEquals(1 / (1 + Math.exp(-logits[i * 784 + j])), decoded[i][j], 1e-4);
            }
        }
        float[] mu = test.outputs().get(GraphPart.ENCODER).get("mu");
        float[][] encoded = vae.encode(rows(test.inputs().get(GraphPart.ENCODER).get("x"), 3)).mean();
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(Arrays.copyOfRange(mu, i * 20, i * 20 + 20), encoded[i], 1e-4f);
        }
    }

    @Test
    void theExportedDecoderAlonePassesEveryCheckAndDecodesAsPyTorchDid() throws Exception {
        Inspection inspection = Inspection.of(Fixtures.path(Fixtures.VAE_DECODER));
        assertEquals(Check.ORDER, inspection.checks().stream().map(Check::id).toList());
        assertTrue(inspection.passed(), inspection.checks().toString());
        ModelInfo info = inspection.info();
        assertEquals("vae-decoder", info.kind());
        assertEquals(17, info.opset());
        assertEquals(51_152, info.parameters());   // 2·64+64 + 64·784+784: the decoder's weights only
        assertEquals(List.of(GraphPart.DECODER), List.copyOf(inspection.sidecar().testVector().inputs().keySet()));

        Vae vae = inspection.require().vae();
        assertFalse(vae.hasEncoder());
        assertEquals(2, vae.architecture().latent());
        assertEquals(784, vae.architecture().inputSize());
        Sidecar.TestVector test = inspection.sidecar().testVector();
        float[] z = test.inputs().get(GraphPart.DECODER).get("z");
        float[] logits = test.outputs().get(GraphPart.DECODER).get("x_hat");
        float[][] decoded = vae.decode(rows(z, 3));
        float[] one = new float[784];
        for (int i = 0; i < 3; i++) {
            vae.decode(Arrays.copyOfRange(z, 2 * i, 2 * i + 2), one);   // batch 1 gives the row of batch 3
            for (int j = 0; j < 784; j++) {
                double pytorch = 1 / (1 + Math.exp(-logits[i * 784 + j]));
                assertEquals(pytorch, decoded[i][j], 1e-4);
                assertEquals(pytorch, one[j], 1e-4);
            }
        }
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> vae.encode(rows(new float[784], 1)));
        assertTrue(e.getMessage().contains("no encoder"), e.getMessage());
    }

    /** PyTorch's held-out −ELBO (100 draws of z per image) against this app's, 100 draws per image from its own seeds. */
    @Test
    void theHeldOutNegativeElboAgreesWithPyTorchsWithinATenthOfANat() throws Exception {
        JsonNode reference = Json.MAPPER.readTree(Files.readString(Fixtures.path("vae-784-400-20.reference.json")));
        Vae vae = ImportedModel.open(Fixtures.path(Fixtures.VAE)).vae();
        Digits digits = Digits.bundled();
        ElboTerms terms = vae.evaluate(digits.pixels(digits.heldOutStart(), Digits.HELD_OUT), 100);
        assertEquals(reference.get("heldout_kl_nats").asDouble(), terms.klNats(), 1e-3);
        assertEquals(reference.get("heldout_neg_elbo_nats").asDouble(), terms.negElboNats(), 0.1);
    }

    @Test
    void theExportedUNetPredictsTheNoisePyTorchPredicted() throws Exception {
        Inspection inspection = Inspection.of(Fixtures.path(Fixtures.UNET));
        assertTrue(inspection.passed(), inspection.checks().toString());
        DiffusionModel model = inspection.require().diffusion();
        assertTrue(model.isImported());
        assertTrue(model.isImage());
        assertEquals(DiffusionModel.DIGITS, model.dataSet());
        assertArrayEquals(new long[] {1, 28, 28}, model.sampleShape());
        assertEquals(1000, model.schedule().steps());
        Map<String, float[]> in = inspection.sidecar().testVector().inputs().get(GraphPart.UNET);
        float[] t = in.get("t");
        int[] appSteps = {Math.round(t[0]) + 1, Math.round(t[1]) + 1, Math.round(t[2]) + 1};   // the graph's t is the app's t − 1
        INDArray eps = model.predictNoise(Nd4j.create(in.get("x"), new long[] {3, 1, 28, 28}, 'c'), appSteps);
        assertArrayEquals(inspection.sidecar().testVector().outputs().get(GraphPart.UNET).get("eps"), eps.data().asFloat(), 1e-4f);
        assertThrows(IllegalStateException.class, model::denoiser);
        assertThrows(java.io.IOException.class, () -> model.write(dir.resolve("no.zip")));
    }

    @Test
    void aColourUNetOpensWithItsImageShapeButNotAsAVae() throws Exception {
        ImportedModel model = ImportedModel.open(Fixtures.path(Fixtures.UNET_RGB));
        DiffusionModel diffusion = model.diffusion();
        assertArrayEquals(new long[] {3, 32, 32}, diffusion.sampleShape());
        assertEquals(ImportedModel.IMAGES, diffusion.dataSet());
        assertEquals(3 * 32 * 32, diffusion.dimensions());
        BadInputException e = assertThrows(BadInputException.class, model::vae);
        assertEquals("imported.notVae", e.reason());
    }

    @Test
    void looseFilesBesideTheirSidecarOpenFromAnyOfThem() throws Exception {
        Map<String, byte[]> entries = Fixtures.entries(Fixtures.VAE);
        Files.write(dir.resolve("vae-784-400-20.json"), entries.get(ModelFiles.SIDECAR));
        for (String graph : List.of("vae-784-400-20.encoder.onnx", "vae-784-400-20.decoder.onnx")) {
            Files.write(dir.resolve(graph), entries.get(graph));
        }
        assertTrue(Inspection.of(dir.resolve("vae-784-400-20.decoder.onnx")).passed());
        assertTrue(Inspection.of(dir.resolve("vae-784-400-20.json")).passed());
        Files.delete(dir.resolve("vae-784-400-20.encoder.onnx"));
        assertFailed("graph", "no such file", Inspection.of(dir.resolve("vae-784-400-20.json")));
        Path alone = Files.write(dir.resolve("alone.onnx"), entries.get("vae-784-400-20.decoder.onnx"));
        assertFailed("files", "no sidecar", Inspection.of(alone));
    }

    @Test
    void aTruncatedGraphIsRefusedAtTheGraphCheck() throws Exception {
        byte[] graph = Fixtures.entries(Fixtures.UNET).get("unet-tiny-28.onnx");
        Path damaged = Fixtures.withEntry(dir, Fixtures.UNET, "unet-tiny-28.onnx", Arrays.copyOf(graph, graph.length / 2));
        assertFailed("graph", "protobuf does not parse", Inspection.of(damaged));
    }

    @Test
    void aTruncatedZipIsRefusedAtTheFilesCheck() throws Exception {
        byte[] zip = Files.readAllBytes(Fixtures.path(Fixtures.UNET));
        Path damaged = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(zip, zip.length - 100));
        assertFailed("files", "truncated or damaged", Inspection.of(damaged));
    }

    @Test
    void badSidecarsAreRefusedAtTheSidecarCheckNamingTheField() throws Exception {
        Path notJson = Fixtures.withEntry(dir, Fixtures.UNET, ModelFiles.SIDECAR, "{\"format\": ".getBytes());
        assertFailed("sidecar", "not valid JSON", Inspection.of(notJson));
        assertFailed("sidecar", "\"schedule.kind\" is \"sigmoid\"", Inspection.of(Fixtures.withSidecar(dir, Fixtures.UNET,
                s -> ((ObjectNode) s.get("schedule")).put("kind", "sigmoid"))));
        assertFailed("sidecar", "\"kind\" is \"gan\"", Inspection.of(Fixtures.withSidecar(dir, Fixtures.VAE, s -> s.put("kind", "gan"))));
        assertFailed("sidecar", "\"latent\" is missing", Inspection.of(Fixtures.withSidecar(dir, Fixtures.VAE, s -> s.remove("latent"))));
        assertFailed("sidecar", "should hold 2352 numbers", Inspection.of(Fixtures.withSidecar(dir, Fixtures.UNET,
                s -> ((ArrayNode) s.at("/testVector/graphs/unet/inputs/x")).remove(0))));
    }

    @Test
    void aGraphOfTheWrongKindIsRefusedAtTheSignatureCheck() throws Exception {
        // the U-Net's graph where the VAE's decoder should be: inputs [x, t], not [z]
        byte[] unet = Fixtures.entries(Fixtures.UNET).get("unet-tiny-28.onnx");
        Path wrong = Fixtures.withEntry(dir, Fixtures.VAE, "vae-784-400-20.decoder.onnx", unet);
        assertFailed("signature", "its inputs are [x, t]; a vae has [z]", Inspection.of(wrong));
    }

    @Test
    void wrongShapesAreRefusedAtTheSignatureCheck() throws Exception {
        Path declared = Fixtures.withSidecar(dir, Fixtures.VAE, s -> {
            s.put("latent", 16);
            ((ArrayNode) s.at("/graphs/decoder/inputs/z")).set(1, 16);
        });
        Inspection inspection = Inspection.of(declared);
        assertEquals("sidecar", inspection.failure().orElseThrow().id());   // the test vector no longer fits the shapes
        Path image = Fixtures.withSidecar(dir, Fixtures.UNET, s -> ((ObjectNode) s.get("image")).put("height", 27));
        assertFailed("signature", "should hold one 1×27×28 image", Inspection.of(image));
    }

    @Test
    void aFrozenBatchIsRefusedAtTheBatchAxisCheck() throws Exception {
        assertTrue(Inspection.of(Fixtures.decoder(dir, "Sigmoid", -1)).passed());
        assertFailed("batch-axis", "batch size is frozen", Inspection.of(Fixtures.decoder(dir, "Sigmoid", 3)));
    }

    @Test
    void nanOutputsAreRefusedAtTheOutputsCheck() throws Exception {
        assertFailed("outputs", "holds NaN", Inspection.of(Fixtures.decoder(dir, "Log", -1)));
    }

    @Test
    void outputsThatDifferFromPyTorchsAreRefusedAtTheTestVectorCheck() throws Exception {
        Path changed = Fixtures.withSidecar(dir, Fixtures.UNET, s -> {
            ArrayNode eps = (ArrayNode) s.at("/testVector/graphs/unet/outputs/eps");
            eps.set(5, eps.get(5).floatValue() + 0.01f);
        });
        assertFailed("test-vector", "differs by", Inspection.of(changed));
    }

    @Test
    void aRefusalNamesItsCheckForTheUiAndTheCli() throws Exception {
        BadInputException e = assertThrows(BadInputException.class, () -> ImportedModel.open(Fixtures.decoder(dir, "Sigmoid", 3)));
        assertEquals("imported.refused", e.reason());
        assertEquals("batch-axis", e.arguments()[1]);
        assertTrue(e.getMessage().contains("the check 'batch-axis' failed"), e.getMessage());
    }

    private static void assertFailed(String check, String words, Inspection inspection) {
        assertFalse(inspection.passed());
        Check failed = inspection.failure().orElseThrow();
        assertEquals(check, failed.id(), failed.toString());
        assertTrue(failed.detail().contains(words), failed.detail());
        List<Check> after = inspection.checks().subList(Check.ORDER.indexOf(check) + 1, Check.ORDER.size());
        assertTrue(after.stream().allMatch(c -> c.status() == Check.Status.NOT_RUN), after.toString());
    }

    private static float[][] rows(float[] flat, int count) {
        int n = flat.length / count;
        float[][] rows = new float[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * n, (i + 1) * n);
        }
        return rows;
    }
}
