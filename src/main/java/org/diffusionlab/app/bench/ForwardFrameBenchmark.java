package org.diffusionlab.app.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.diffusionlab.core.data.Assets;
import org.diffusionlab.core.data.ImageLoader;
import org.diffusionlab.core.data.Picture;
import org.diffusionlab.core.data.Pixels;
import org.diffusionlab.core.diffusion.NoisingChain;
import org.diffusionlab.core.schedule.NoiseSchedule;

/** One closed-form frame of a 128×128 RGB photo: draw ε, form x_t = √ᾱ_t x₀ + √(1−ᾱ_t) ε, convert to ARGB. */
public final class ForwardFrameBenchmark implements Benchmark {
    @Override
    public String name() {
        return "forward_frame";
    }

    @Override
    public Map<String, Object> run() throws Exception {
        Picture photo = ImageLoader.load(Assets.root().resolve("images/astronaut.png"), 128).picture();
        NoiseSchedule schedule = NoiseSchedule.linear(1000);
        int[] argb = new int[photo.width() * photo.height()];
        long[] seed = {1};
        Map<String, Object> figures = new LinkedHashMap<>(Timing.percentiles("ms", 200, 2000, () -> {
            NoisingChain chain = new NoisingChain(photo, schedule, seed[0]++, NoisingChain.Mode.JUMP);
            NoisingChain.Frame frame = chain.frame(500);
            Pixels.toArgb(frame.xt(), photo.width(), photo.height(), 3, -1f, 1f, argb);
        }));
        figures.put("image", photo.width() + "x" + photo.height() + "x" + photo.channels());
        return figures;
    }
}
