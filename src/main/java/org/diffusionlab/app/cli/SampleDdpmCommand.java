package org.diffusionlab.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.diffusionlab.core.diffusion.ChainFrames;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.diffusion.ReverseChain;
import org.diffusionlab.core.random.Seeds;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sample-ddpm", mixinStandardHelpOptions = true,
        description = "Draw samples from a diffusion model and write them as a PNG (a grid of digits or a 2-D scatter), or the"
                + " whole reverse chain x_T ... x_0 as an animated GIF (--out ….gif).")
public final class SampleDdpmCommand implements Callable<Integer> {
    static final int BATCH = 256;

    @Option(names = "--model", required = true, description = "a diffusion model file (.zip), or one exported from PyTorch (.onnx)")
    Path model;

    @Option(names = "--n", defaultValue = "64", description = "number of samples (default: ${DEFAULT-VALUE})")
    int count;

    @Mixin
    SamplerOptions sampler = new SamplerOptions();

    @Option(names = "--seed", defaultValue = "1", description = "noise seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, description = "the PNG, or the animated GIF (a name ending in .gif), to write")
    Path out;

    @Option(names = "--frames", description = "frames of a GIF, 2..200, spread evenly over the sampler's steps (default: 50)")
    Integer frames;

    @Mixin
    GifOptions gif = new GifOptions();

    @Override
    public Integer call() throws Exception {
        boolean animate = GifOptions.isGif(out);
        if (frames != null && !animate) {
            throw new IllegalArgumentException("--frames is for an animated GIF: give --out a name ending in .gif");
        }
        int frameCount = frames == null ? 50 : frames;
        gif.check();
        DiffusionModel diffusion = ModelFile.diffusion(model);
        long start = System.nanoTime();
        if (animate) {
            ChainFrames.Labelled animation = ChainFrames.reverse(ReverseChain.fromNoise(diffusion, sampler.sampler(), count, seed),
                    frameCount, samples -> SamplePictures.picture(diffusion, samples), out.getFileName().toString());
            gif.write(animation, diffusion.isImage() ? SamplePictures.GRID_SCALE : 1, out);
            System.err.printf("wrote %s: %d frames of %d samples with %s in %.1f s%n", out, animation.rasters().size(), count,
                    sampler.sampler().label(), (System.nanoTime() - start) / 1e9);
            return 0;
        }
        float[] samples = new float[count * diffusion.dimensions()];
        for (int from = 0; from < count; from += BATCH) {
            // in batches, so that a large --n needs no more memory than eval-ddpm's batches; the first batch keeps
            // the seed, so --n up to one batch draws the same samples as before
            int n = Math.min(BATCH, count - from);
            float[] part = ReverseChain.fromNoise(diffusion, sampler.sampler(), n, from == 0 ? seed : Seeds.derive(seed, from))
                    .finish().dup('c').data().asFloat();
            System.arraycopy(part, 0, samples, from * diffusion.dimensions(), part.length);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        SamplePictures.write(diffusion, samples, out);
        System.err.printf("wrote %s: %d samples with %s in %.1f s%n", out, count, sampler.sampler().label(), seconds);
        return 0;
    }
}
