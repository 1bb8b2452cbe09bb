package org.diffusionlab.app.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.diffusion.ReverseChain;
import org.diffusionlab.core.diffusion.Sampler;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.Threads;

/** Wall-clock time to sample 16 digits from pure noise with the bundled U-Net. */
public final class DdpmSampleBenchmark implements Benchmark {
    private static final int SAMPLES = 16;

    private final String name;
    private final Sampler sampler;
    private final int repetitions;

    private DdpmSampleBenchmark(String name, Sampler sampler, int repetitions) {
        this.name = name;
        this.sampler = sampler;
        this.repetitions = repetitions;
    }

    public static DdpmSampleBenchmark ddim50() {
        return new DdpmSampleBenchmark("ddim50_16", new Sampler.Ddim(50, 0), 5);
    }

    public static DdpmSampleBenchmark ddpm1000() {
        return new DdpmSampleBenchmark("ddpm1000_16", new Sampler.Ddpm(false), 2);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> run() throws Exception {
        Threads.set(Threads.available());
        DiffusionModel model = BundledDigitModel.load();
        ReverseChain.fromNoise(model, new Sampler.Ddim(10, 0), SAMPLES, 0).finish();
        long[] seed = {1};
        Map<String, Object> figures = new LinkedHashMap<>(Timing.percentiles("ms", 0, repetitions,
                () -> ReverseChain.fromNoise(model, sampler, SAMPLES, seed[0]++).finish()));
        figures.put("samples", SAMPLES);
        figures.put("sampler", sampler.label());
        figures.put(Metric.THREADS.key(), Threads.available());
        figures.put("model", BundledDigitModel.source());
        return figures;
    }
}
