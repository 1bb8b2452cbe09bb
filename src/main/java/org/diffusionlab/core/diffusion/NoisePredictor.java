package org.diffusionlab.core.diffusion;

import org.nd4j.linalg.api.ndarray.INDArray;

/** ε̂(x_t, t): a trained denoiser, or in tests an oracle that knows x₀. Rows of x_t are samples; t has one entry per row. */
@FunctionalInterface
public interface NoisePredictor {
    INDArray predictNoise(INDArray xt, int[] t);
}
