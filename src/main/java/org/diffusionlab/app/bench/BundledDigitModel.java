package org.diffusionlab.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.Assets;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.nn.DenoiserSpec;
import org.diffusionlab.core.schedule.NoiseSchedule;

/** The bundled digit diffusion model for benchmarks, or its architecture with fresh weights if the file is absent. */
final class BundledDigitModel {
    static final String FILE = "ddpm-mnist.zip";

    private BundledDigitModel() {
    }

    static DiffusionModel load() throws BadInputException {
        Path file = Assets.models().resolve(FILE);
        if (Files.isRegularFile(file)) {
            return DiffusionModel.read(file);
        }
        return new DiffusionModel(new DenoiserSpec.UNetSpec(28, 32, 8, 32, true).build(1), NoiseSchedule.linear(1000),
                DiffusionModel.DIGITS);
    }

    static String source() {
        return Files.isRegularFile(Assets.models().resolve(FILE)) ? "models/" + FILE : "fresh U-Net (models/" + FILE + " absent)";
    }
}
