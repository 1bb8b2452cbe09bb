package org.diffusionlab.core.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.io.ModelArchive;
import org.diffusionlab.core.io.NpyArray;
import org.diffusionlab.core.nn.DenoiserSpec;
import org.diffusionlab.core.random.Gaussian;
import org.diffusionlab.core.random.Seeds;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class DiffusionModelTest {
    @TempDir
    Path directory;

    private static DiffusionModel unet() {
        return new DiffusionModel(new DenoiserSpec.UNetSpec(8, 8, 4, 8, true).build(3), NoiseSchedule.cosine(50), "digits");
    }

    @Test
    void writtenModelReadsBackWithTheSamePredictions() throws Exception {
        DiffusionModel model = unet();
        Path file = directory.resolve("m.zip");
        model.write(file);
        DiffusionModel again = DiffusionModel.read(file);
        INDArray x = Gaussian.sample(1, 2, 1, 8, 8);
        int[] t = {3, 40};
        assertArrayEquals(model.denoiser().parameters().values().data().asFloat(),
                again.denoiser().parameters().values().data().asFloat(), "every weight reads back exactly");
        // the model read back samples through ONNX Runtime, whose sums run in another order than ND4J's
        assertArrayEquals(model.predictNoise(x, t).data().asFloat(), again.predictNoise(x, t).data().asFloat(), 1e-5f);
        assertEquals(model.schedule(), again.schedule());
        assertEquals("digits", again.dataSet());
        assertTrue(again.isImage());
    }

    @Test
    void aWeightOfTheWrongShapeIsRefusedByName() throws Exception {
        DiffusionModel model = unet();
        Map<String, NpyArray> weights = new LinkedHashMap<>(model.denoiser().parameters().toArrays());
        weights.put("mid1/conv1/W", new NpyArray(new long[] {3, 3, 16, 31}, new float[3 * 3 * 16 * 31]));
        Path file = directory.resolve("bad.zip");
        new ModelArchive("bad.zip", model.manifest(), weights).write(file);
        BadInputException e = assertThrows(BadInputException.class, () -> DiffusionModel.read(file));
        assertTrue(e.getMessage().contains("mid1/conv1/W") && e.getMessage().contains("[3, 3, 16, 32]"), e.getMessage());
    }

    @Test
    void aMissingWeightAnUnknownArchitectureAndAnotherKindAreRefused() throws Exception {
        DiffusionModel model = unet();
        Map<String, NpyArray> weights = new LinkedHashMap<>(model.denoiser().parameters().toArrays());
        weights.remove("out/b");
        Path missing = directory.resolve("missing.zip");
        new ModelArchive("missing.zip", model.manifest(), weights).write(missing);
        assertTrue(assertThrows(BadInputException.class, () -> DiffusionModel.read(missing)).getMessage().contains("out/b"));

        var manifest = model.manifest().deepCopy();
        manifest.withObject("/architecture").put("name", "transformer");
        Path unknown = directory.resolve("unknown.zip");
        new ModelArchive("unknown.zip", manifest, model.denoiser().parameters().toArrays()).write(unknown);
        assertTrue(assertThrows(BadInputException.class, () -> DiffusionModel.read(unknown)).getMessage().contains("transformer"));

        var other = ModelArchive.newManifest("vae");
        Path vae = directory.resolve("vae.zip");
        new ModelArchive("vae.zip", other, Map.of()).write(vae);
        assertTrue(assertThrows(BadInputException.class, () -> DiffusionModel.read(vae)).getMessage().contains("'vae'"));
    }

    @Test
    void aUNetManifestWithoutTheAttentionFieldLoadsWithoutAttentionAndABadFlagIsRefused() throws Exception {
        DiffusionModel plain = new DiffusionModel(new DenoiserSpec.UNetSpec(8, 8, 4, 8, false).build(3), NoiseSchedule.cosine(50), "digits");
        var manifest = plain.manifest().deepCopy();
        manifest.withObject("/architecture").remove("attention");
        Path old = directory.resolve("old.zip");
        new ModelArchive("old.zip", manifest, plain.denoiser().parameters().toArrays()).write(old);
        DenoiserSpec.UNetSpec spec = (DenoiserSpec.UNetSpec) DiffusionModel.read(old).denoiser().spec();
        assertEquals(false, spec.attention());

        manifest.withObject("/architecture").put("attention", "yes");
        Path bad = directory.resolve("bad-flag.zip");
        new ModelArchive("bad-flag.zip", manifest, plain.denoiser().parameters().toArrays()).write(bad);
        assertTrue(assertThrows(BadInputException.class, () -> DiffusionModel.read(bad)).getMessage().contains("attention"));

        var withAttention = unet();
        assertTrue(withAttention.denoiser().parameterCount() > plain.denoiser().parameterCount());
        assertTrue(withAttention.denoiser().parameters().shapes().containsKey("midAttention/query/W"));
        assertEquals("U-Net 8/16/32 channels, 4 groups, time embedding 8, self-attention at 2×2",
                withAttention.denoiser().spec().describe());
        assertTrue(plain.denoiser().spec().describe().endsWith("no attention"));
    }

    @Test
    void chainFromDataStartsAtTheNoisedImageWithTheSeedsStartNoise() {
        DiffusionModel model = new DiffusionModel(new DenoiserSpec.MlpSpec(2, 8, 1, 8, 0).build(1), NoiseSchedule.linear(1000), "two-moons");
        float[] x0 = {0.5f, -1f, 1.5f, 0f};
        ReverseChain chain = ReverseChain.fromData(model, new Sampler.Ddim(10, 0), x0, 2, 300, 42);
        INDArray eps = Gaussian.sample(Seeds.derive(42, 0), 2, 2);
        float[] expected = new ForwardProcess(model.schedule()).sampleXt(org.nd4j.linalg.factory.Nd4j.create(x0, new long[] {2, 2}, 'c'), 300, eps)
                .data().asFloat();
        assertArrayEquals(expected, chain.current(), 1e-6f);
        assertEquals(300, chain.currentT());
        assertEquals(10, chain.steps());
        ReverseFrame first = chain.next();
        assertEquals(300, first.t());
        assertEquals(270, first.nextT());
        assertArrayEquals(Gaussian.sample(Seeds.derive(42, 0), 2, 2).data().asFloat(),
                ReverseChain.fromNoise(model, new Sampler.Ddpm(false), 2, 42).current(), "fromNoise starts at the same ε");
    }
}
