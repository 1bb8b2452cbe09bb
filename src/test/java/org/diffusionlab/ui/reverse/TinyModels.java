package org.diffusionlab.ui.reverse;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.nn.DenoiserSpec;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Localized;

/** Untrained digit and two-moons models of 20 steps: the Reverse view's mechanics without waiting for a real model. */
final class TinyModels {
    private TinyModels() {
    }

    /** A tiny U-Net with attention ("tiny digits") and a tiny MLP ("tiny moons") on a new shelf, digits first. */
    static ModelShelf<DiffusionModel> shelf() {
        ModelShelf<DiffusionModel> shelf = new ModelShelf<>();
        shelf.put("tiny digits", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "tiny"),
                new DiffusionModel(new DenoiserSpec.UNetSpec(28, 8, 4, 16, true).build(1), NoiseSchedule.linear(20), "digits"));
        shelf.put("tiny moons", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "tiny"),
                new DiffusionModel(new DenoiserSpec.MlpSpec(2, 32, 2, 16).build(1), NoiseSchedule.linear(20), "two-moons"));
        return shelf;
    }
}
