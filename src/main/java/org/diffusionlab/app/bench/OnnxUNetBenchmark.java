package org.diffusionlab.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.diffusion.ReverseChain;
import org.diffusionlab.core.diffusion.Sampler;
import org.diffusionlab.core.imported.ImportedModel;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.Threads;
import org.diffusionlab.core.random.Gaussian;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A U-Net exported from PyTorch on ONNX Runtime: one ε̂ forward pass at batch 16 (the figure to set beside PyTorch's
 * own forward pass), and a DDIM-50 chain of 16 samples through the app's sampler (beside {@code ddim50_16}). The model
 * is {@code bench --model F}, by default {@value #DEFAULT}, the bundled U-Net's size (32/64/128 channels) exported
 * with tools/export_model.py by src/test/python/make_fixtures.py --reference.
 */
public final class OnnxUNetBenchmark implements Benchmark {
    public static final String DEFAULT = "models/unet-reference-32-64-128.zip";
    private static final int SAMPLES = 16;
    private final Path model;

    public OnnxUNetBenchmark(Path model) {
        this.model = model == null ? Path.of(DEFAULT) : model;
    }

    @Override
    public String name() {
        return "onnx_unet16";
    }

    @Override
    public Map<String, Object> run() throws Exception {
        if (!Files.exists(model)) {
            throw new BadInputException(model + ": no such file; onnx_unet16 times a U-Net exported from PyTorch: give one with"
                    + " --model, or make the reference one with src/test/python/make_fixtures.py --reference");
        }
        Threads.set(Threads.available());
        DiffusionModel diffusion = ImportedModel.open(model).diffusion();
        INDArray x = Gaussian.sample(1, diffusion.batchShape(SAMPLES));
        int[] t = new int[SAMPLES];
        Arrays.fill(t, diffusion.schedule().steps() / 2);
        Map<String, Object> figures = new LinkedHashMap<>(Timing.percentiles("ms", 5, 30, () -> diffusion.predictNoise(x, t)));
        Map<String, Object> chain = Timing.percentiles("ms", 1, 3,
                () -> ReverseChain.fromNoise(diffusion, new Sampler.Ddim(50, 0), SAMPLES, 2).finish());
        figures.put("ddim50_16_p50_ms", chain.get("p50"));
        figures.put("batch", SAMPLES);
        figures.put("parameters", diffusion.parameterCount());
        figures.put(Metric.THREADS.key(), Threads.available());
        figures.put("model", model.getFileName().toString());
        return figures;
    }
}
