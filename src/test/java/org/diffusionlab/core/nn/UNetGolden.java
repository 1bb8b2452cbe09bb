package org.diffusionlab.core.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.Assets;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.diffusion.ReverseChain;
import org.diffusionlab.core.diffusion.Sampler;
import org.diffusionlab.core.io.Npy;
import org.diffusionlab.core.io.NpyArray;
import org.diffusionlab.core.random.Gaussian;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The golden values {@link UNetGoldenTest} holds the U-Net to: the bundled digit model's ε̂ for a fixed batch and a
 * DDIM-10 chain from a fixed seed, as the implementation computed them when they were written (2026-12-03, before
 * the U-Net was made faster). Run {@code main} only to record a deliberate change of the network's maths.
 */
final class UNetGolden {
    static final Path DIRECTORY = Path.of("src/test/resources/org/diffusionlab/golden");
    static final String FORWARD = "unet-forward.npy";
    static final String DDIM10 = "unet-ddim10.npy";
    static final int[] STEPS = {1, 10, 250, 500, 999, 1000};
    static final long SEED = 20261203L;

    private UNetGolden() {
    }

    static DiffusionModel model() throws BadInputException {
        return DiffusionModel.read(Assets.models().resolve("ddpm-mnist.zip"));
    }

    /** ε̂ for six noisy inputs, one at each of {@link #STEPS}. */
    static float[] forward(DiffusionModel model) {
        INDArray xt = Gaussian.sample(SEED, model.batchShape(STEPS.length));
        return model.predictNoise(xt, STEPS).data().asFloat();
    }

    /** Four digits from pure noise by deterministic DDIM with 10 steps. */
    static float[] ddim10(DiffusionModel model) {
        return ReverseChain.fromNoise(model, new Sampler.Ddim(10, 0), 4, SEED).finish().data().asFloat();
    }

    public static void main(String[] args) throws IOException, BadInputException {
        DiffusionModel model = model();
        Files.createDirectories(DIRECTORY);
        Files.write(DIRECTORY.resolve(FORWARD), Npy.write(new NpyArray(model.batchShape(STEPS.length), forward(model))));
        Files.write(DIRECTORY.resolve(DDIM10), Npy.write(new NpyArray(model.batchShape(4), ddim10(model))));
    }
}
