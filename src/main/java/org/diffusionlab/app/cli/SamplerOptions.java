package org.diffusionlab.app.cli;

import org.diffusionlab.core.diffusion.Sampler;

import picocli.CommandLine.Option;

/** The --sampler, --steps and --eta options shared by the sampling commands. */
final class SamplerOptions {
    @Option(names = "--sampler", defaultValue = "ddim", description = "ddpm (ancestral, every step) or ddim (default: ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--steps", defaultValue = "50", description = "DDIM steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--eta", defaultValue = "0", description = "DDIM η from 0 (deterministic) to 1 (default: ${DEFAULT-VALUE})")
    double eta;

    Sampler sampler() {
        return switch (name.toLowerCase()) {
            case "ddpm" -> new Sampler.Ddpm(false);
            case "ddim" -> new Sampler.Ddim(steps, eta);
            default -> throw new IllegalArgumentException("--sampler must be ddpm or ddim, not '" + name + "'");
        };
    }
}
