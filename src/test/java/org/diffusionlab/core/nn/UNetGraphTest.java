package org.diffusionlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.onnx.OnnxSession;
import org.diffusionlab.core.random.Gaussian;
import org.junit.jupiter.api.Test;

/** The U-Net written as an ONNX graph computes what ND4J's U-Net computes, on the bundled weights and on fresh ones. */
class UNetGraphTest {

    @Test
    void theGraphOfTheBundledModelAgreesWithNd4j() throws Exception {
        DiffusionModel model = UNetGolden.model();
        assertAgrees((DenoiserSpec.UNetSpec) model.denoiser().spec(), model.denoiser(), 6);
    }

    @Test
    void theGraphAgreesWithoutAttentionAndAtAnotherSizeAndBatch() throws Exception {
        DenoiserSpec.UNetSpec spec = new DenoiserSpec.UNetSpec(16, 16, 4, 16, false);
        assertAgrees(spec, spec.build(3), 3);
    }

    @Test
    void aModelReadFromAFileSamplesThroughTheCompiledGraphAndThawsForTraining() throws Exception {
        DiffusionModel model = UNetGolden.model();
        var x = Gaussian.sample(5, 2, 1, 28, 28);
        int[] t = {3, 700};
        float[] nd4j = model.denoiser().predictNoise(x, t).data().asFloat();
        float[] compiled = model.predictNoise(x, t).data().asFloat();
        model.thaw();
        float[] thawed = model.predictNoise(x, t).data().asFloat();
        assertArrayEquals(nd4j, compiled, 1e-4f);
        assertArrayEquals(nd4j, thawed, 0f, "after thaw() ND4J computes ε̂ itself");
    }

    private static void assertAgrees(DenoiserSpec.UNetSpec spec, Denoiser denoiser, int batch) throws Exception {
        int side = spec.imageSize();
        int[] t = new int[batch];
        for (int i = 0; i < batch; i++) {
            t[i] = 1 + i * 997 / Math.max(1, batch - 1);
        }
        var x = Gaussian.sample(11, batch, 1, side, side);
        float[] expected = denoiser.predictNoise(x, t).data().asFloat();
        float[] embedding = TimeEmbedding.of(t, spec.timeEmbedding()).data().asFloat();
        try (OnnxSession session = OnnxSession.open(UNetGraph.of(spec, denoiser.parameters()), 1)) {
            float[] actual = session.run(Map.of(UNetGraph.X, new OnnxSession.Input(x.data().asFloat(), batch, 1, side, side),
                    UNetGraph.TIME, new OnnxSession.Input(embedding, batch, spec.timeEmbedding())));
            assertEquals(expected.length, actual.length);
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            }
            assertEquals(0, worst, 1e-4, "largest difference between ND4J and ONNX Runtime");
        }
    }
}
