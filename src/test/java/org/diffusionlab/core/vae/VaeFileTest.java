package org.diffusionlab.core.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.io.ModelArchive;
import org.diffusionlab.core.io.NpyArray;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaeFileTest {
    private static final VaeArchitecture TINY = new VaeArchitecture(4, 3, List.of(5), 2);

    @TempDir
    Path directory;
    private Path good;
    private MlpVae vae;

    @BeforeEach
    void writeAGoodModel() throws IOException {
        vae = Vae.initial(TINY, 3);
        VaeTrainingConfig config = new VaeTrainingConfig(TINY, 0.5, 2e-3, 16, 7, 3);
        good = directory.resolve("tiny.zip");
        VaeFile.write(good, vae, new VaeFile.Training(config, config.command("tiny.zip"), "test-digits", "train: a; held out: b",
                12.34, new ElboTerms(80.5, 20.25)));
    }

    @Test
    void saveThenLoadGivesTheSameModelAndManifest() throws Exception {
        VaeFile.Loaded loaded = VaeFile.read(good);
        assertEquals(TINY, loaded.vae().architecture());
        assertArrayEquals(vae.parameters().toFloatArray(), loaded.vae().parameters().toFloatArray());
        float[] z = {0.3f, -1.2f};
        assertArrayEquals(vae.decode(z), loaded.vae().decode(z));
        assertEquals(new ElboTerms(80.5, 20.25), loaded.heldOut());
        assertEquals("diffusion-lab train-vae --latent 2 --hidden 5 --beta 0.5 --lr 0.002 --batch 16 --epochs 7 --seed 3"
                + " --out tiny.zip", loaded.command());
        ObjectNode m = loaded.manifest();
        assertEquals("diffusion-lab-model", m.get("format").asText());
        assertEquals(1, m.get("formatVersion").asInt());
        assertEquals("vae", m.get("kind").asText());
        assertEquals(2, m.at("/architecture/latent").asInt());
        assertEquals(5, m.at("/architecture/hidden/0").asInt());
        assertEquals("test-digits", m.at("/data/name").asText());
        assertEquals("train: a; held out: b", m.at("/data/split").asText());
        assertEquals(3, m.at("/training/seed").asInt());
        assertEquals(7, m.at("/training/epochs").asInt());
        assertEquals(12.3, m.at("/training/seconds").asDouble());
        assertEquals(100.75, m.at("/metrics/heldout_neg_elbo_nats").asDouble());
        assertEquals(80.5, m.at("/metrics/heldout_recon_nats").asDouble());
        assertEquals(20.25, m.at("/metrics/heldout_kl_nats").asDouble());
        assertEquals(0.5, m.at("/hyperparameters/beta").asDouble());
        assertTrue(loaded.summary().startsWith("tiny.zip: VAE 12-5-2"), loaded.summary());
    }

    @Test
    void weightsAreNamedNumPyArraysOfTheDocumentedShapes() throws Exception {
        Map<String, NpyArray> arrays = ModelArchive.read(good).arrays();
        assertEquals(List.of("encoder.0.weight", "encoder.0.bias", "encoder.mean.weight", "encoder.mean.bias",
                "encoder.logvar.weight", "encoder.logvar.bias", "decoder.0.weight", "decoder.0.bias",
                "decoder.logits.weight", "decoder.logits.bias"), List.copyOf(arrays.keySet()));
        assertArrayEquals(new long[] {12, 5}, arrays.get("encoder.0.weight").shape());
        assertArrayEquals(new long[] {5, 2}, arrays.get("encoder.logvar.weight").shape());
        assertArrayEquals(new long[] {2, 5}, arrays.get("decoder.0.weight").shape());
        assertArrayEquals(new long[] {12}, arrays.get("decoder.logits.bias").shape());
        // the first weight really is W[0][0] of the first encoder layer
        assertEquals(vae.parameters().encoder().get(0).weight().get(0, 0), arrays.get("encoder.0.weight").data()[0], 0);
    }

    /** Rewrites the good model with a changed manifest or arrays, under {@code name}. */
    private Path altered(String name, Consumer<ObjectNode> manifest, Consumer<Map<String, NpyArray>> arrays) throws Exception {
        ModelArchive archive = ModelArchive.read(good);
        ObjectNode copy = archive.manifest().deepCopy();
        manifest.accept(copy);
        Map<String, NpyArray> weights = new LinkedHashMap<>(archive.arrays());
        arrays.accept(weights);
        Path target = directory.resolve(name);
        new ModelArchive(name, copy, weights).write(target);
        return target;
    }

    private static String failure(Path file) {
        BadInputException e = assertThrows(BadInputException.class, () -> VaeFile.read(file));
        assertTrue(e.getMessage().startsWith(file.getFileName().toString() + ":"), "the message names the file: "
                + e.getMessage());
        return e.getMessage();
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = directory.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        String message = failure(truncated);
        assertTrue(message.contains("truncated or damaged") || message.contains("is missing"), message);
    }

    @Test
    void foreignFilesAreRefused() throws Exception {
        Path text = directory.resolve("notes.zip");
        Files.writeString(text, "just some text");
        assertTrue(failure(text).contains("not a Diffusion Lab model"));

        Path otherZip = directory.resolve("photos.zip");
        try (OutputStream out = Files.newOutputStream(otherZip); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("cat.txt"));
            zip.write("meow".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertTrue(failure(otherZip).contains("no manifest.json"));

        assertTrue(failure(directory.resolve("absent.zip")).contains("no such file"));
    }

    @Test
    void aModelOfAnotherKindIsRefused() throws Exception {
        Path diffusion = altered("ddpm.zip", m -> m.put("kind", "ddpm"), a -> { });
        assertTrue(failure(diffusion).contains("this is a 'ddpm' model, not a 'vae' model"));
    }

    @Test
    void aFutureFormatVersionAsksForAnUpdate() throws Exception {
        Path future = altered("future.zip", m -> m.put("formatVersion", 2), a -> { });
        assertTrue(failure(future).contains("made by a newer Diffusion Lab"));
    }

    @Test
    void aWeightOfTheWrongShapeIsRefusedBeforeNativeCode() throws Exception {
        Path wrong = altered("wrong-shape.zip", m -> { },
                a -> a.put("encoder.0.weight", new NpyArray(new long[] {12, 4}, new float[48])));
        assertTrue(failure(wrong).contains("the weight 'encoder.0.weight' has shape [12, 4] but the architecture in the"
                + " manifest needs [12, 5]"));

        Path mismatched = altered("wrong-latent.zip", m -> m.with("architecture").put("latent", 3), a -> { });
        assertTrue(failure(mismatched).contains("has shape [5, 2] but the architecture in the manifest needs [5, 3]"));
    }

    @Test
    void aMissingWeightIsNamed() throws Exception {
        Path missing = altered("missing.zip", m -> { }, a -> a.remove("decoder.logits.bias"));
        assertTrue(failure(missing).contains("the weight 'decoder.logits.bias' is missing"));
    }

    @Test
    void impossibleArchitecturesAreRefused() throws Exception {
        Path latent = altered("latent.zip", m -> m.with("architecture").put("latent", 100), a -> { });
        assertTrue(failure(latent).contains("'architecture.latent' is 100; expected a whole number from 2 to 64"));

        Path hidden = altered("hidden.zip", m -> m.with("architecture").put("hidden", "lots"), a -> { });
        assertTrue(failure(hidden).contains("'architecture.hidden' is \"lots\""));

        Path convolutional = altered("conv.zip", m -> m.with("architecture").put("type", "conv-vae"), a -> { });
        assertTrue(failure(convolutional).contains("a VAE of type \"conv-vae\", which this version does not know"));

        Path noWidth = altered("no-width.zip", m -> m.with("architecture").remove("width"), a -> { });
        assertTrue(failure(noWidth).contains("the manifest has no 'architecture.width'"));
    }

    @Test
    void nonFiniteWeightsAreRefused() throws Exception {
        float[] values = new float[5];
        values[2] = Float.NaN;
        Path nan = altered("nan.zip", m -> { }, a -> a.put("encoder.0.bias", new NpyArray(new long[] {5}, values)));
        assertTrue(failure(nan).contains("the weight 'encoder.0.bias' contains NaN"));
    }

    @Test
    void savingReplacesTheTargetInOneMoveAndLeavesNoTemporaryFile() throws Exception {
        VaeFile.write(good, Vae.initial(TINY, 4), new VaeFile.Training(new VaeTrainingConfig(TINY, 1, 1e-3, 8, 1, 4), "c",
                "d", "s", 1, null));
        try (var files = Files.list(directory)) {
            assertEquals(List.of(good), files.toList());
        }
        assertArrayEquals(Vae.initial(TINY, 4).parameters().toFloatArray(), VaeFile.read(good).vae().parameters().toFloatArray());
    }
}
