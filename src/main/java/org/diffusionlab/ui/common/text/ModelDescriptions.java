package org.diffusionlab.ui.common.text;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.core.vae.VaeArchitecture;

/**
 * What a model is, in the reader's language: the descriptions and names the app gives the models on its shelves
 * (bundled, opened from a file, trained in this session), as {@link Localized} sentences rendered by the views.
 */
public final class ModelDescriptions {
    private ModelDescriptions() {
    }

    /** "U-Net, 1,234 parameters, MNIST digits, linear schedule T = 1000", with the file name first if there is one. */
    public static Localized diffusion(String fileName, DiffusionModel model) {
        NoiseSchedule schedule = model.schedule();
        Localized scheduleName = Localized.of("model.schedule", Localized.of("schedule." + schedule.kind().name().toLowerCase()),
                String.valueOf(schedule.steps()));
        Localized description = Localized.of("model.diffusion", model.isImage() ? "U-Net" : "MLP",
                model.parameterCount(), dataSet(model.dataSet()), scheduleName);
        return fileName == null ? description : Localized.of("model.fromFile", fileName, description);
    }

    /** "784-400-20", then the held-out −ELBO if known, with the file name first if there is one. */
    public static Localized vae(String fileName, VaeArchitecture architecture, Double heldOutNegElboNats) {
        Localized description = heldOutNegElboNats == null ? Localized.of("model.vae", architecture.describe())
                : Localized.of("model.vae.heldOut", architecture.describe(), Numbers.fixedArgument(heldOutNegElboNats, 1));
        return fileName == null ? description : Localized.of("model.fromFile", fileName, description);
    }

    /** The name a model trained in this session gets on its shelf, e.g. "trained VAE z16". */
    public static Localized trainedVae(int latent) {
        return Localized.of("model.name.trainedVae", String.valueOf(latent));
    }

    public static Localized trainedDiffusion(String dataSet) {
        return Localized.of("model.name.trainedDiffusion", dataSet(dataSet));
    }

    /** A model exported from PyTorch: "file: ONNX VAE 784-20 (pytorch 1.13.0), 652,824 weights, inference only". */
    public static Localized imported(String fileName, String description, long parameters) {
        return Localized.of("model.imported", fileName, description, parameters);
    }

    private static Localized dataSet(String id) {
        return Localized.of("train.data." + id);
    }
}
