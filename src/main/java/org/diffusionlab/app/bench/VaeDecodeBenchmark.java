package org.diffusionlab.app.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.NativeThreads;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeArchitecture;

/** Decoding one latent vector to 784 pixel probabilities with the 784-400-20 decoder (the Latent view's slider path). */
public final class VaeDecodeBenchmark implements Benchmark {
    @Override
    public String name() {
        return "vae_decode_b1";
    }

    @Override
    public Map<String, Object> run() throws Exception {
        NativeThreads.denseNetworks();
        Vae vae = Vae.initial(VaeArchitecture.digits(List.of(400), 20), 1);
        float[][] latents = vae.samplePrior(64, 3);
        float[] pixels = new float[vae.architecture().inputSize()];
        int[] next = {0};
        Map<String, Object> figures = new LinkedHashMap<>(Timing.percentiles("us", 5000, 20000, () -> {
            vae.decode(latents[next[0]++ & 63], pixels);
        }));
        figures.put("architecture", vae.architecture().describe());
        figures.put(Metric.THREADS.key(), NativeThreads.describe());
        return figures;
    }
}
