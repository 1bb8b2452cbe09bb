package org.diffusionlab.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.diffusion.ReverseChain;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sample-ddpm", mixinStandardHelpOptions = true,
        description = "Draw samples from a diffusion model and write them as a PNG (a grid of digits or a 2-D scatter).")
public final class SampleDdpmCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "a diffusion model file (.zip)")
    Path model;

    @Option(names = "--n", defaultValue = "64", description = "number of samples (default: ${DEFAULT-VALUE})")
    int count;

    @Mixin
    SamplerOptions sampler = new SamplerOptions();

    @Option(names = "--seed", defaultValue = "1", description = "noise seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, description = "the PNG to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        DiffusionModel diffusion = DiffusionModel.read(model);
        long start = System.nanoTime();
        float[] samples = ReverseChain.fromNoise(diffusion, sampler.sampler(), count, seed).finish().dup('c').data().asFloat();
        double seconds = (System.nanoTime() - start) / 1e9;
        SamplePictures.write(diffusion, samples, out);
        System.err.printf("wrote %s: %d samples with %s in %.1f s%n", out, count, sampler.sampler().label(), seconds);
        return 0;
    }
}
