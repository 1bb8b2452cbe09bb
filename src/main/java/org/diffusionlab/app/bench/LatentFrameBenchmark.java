package org.diffusionlab.app.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.diffusionlab.core.data.Assets;
import org.diffusionlab.core.nn.NativeThreads;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeFile;

/**
 * A slider moves in the Latent view: one latent value changes, the bundled z16 VAE decodes the vector and the
 * pixels become a raster ready to draw — exactly the worker job the view runs.
 */
public final class LatentFrameBenchmark implements Benchmark {
    static final String MODEL = "vae-mnist-z16.zip";

    @Override
    public String name() {
        return "latent_frame";
    }

    @Override
    public Map<String, Object> run() throws Exception {
        NativeThreads.denseNetworks();
        Vae vae = VaeFile.read(Assets.models().resolve(MODEL)).vae();
        float[] z = new float[vae.architecture().latent()];
        SplittableRandom random = new SplittableRandom(1);
        Map<String, Object> figures = new LinkedHashMap<>(Timing.percentiles("ms", 2000, 20000, () -> {
            z[random.nextInt(z.length)] = (float) (6 * random.nextDouble() - 3);
            vae.decodeRaster(z);
        }));
        figures.put("model", MODEL);
        return figures;
    }
}
