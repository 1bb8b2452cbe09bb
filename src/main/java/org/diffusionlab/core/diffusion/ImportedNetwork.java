package org.diffusionlab.core.diffusion;

/**
 * A noise predictor ε̂(x_t, t) this app did not build: a user's graph read from a file (core.imported). It samples,
 * denoises and enters the ELBO like the app's own U-Net, but its weights are not the app's to train or save.
 */
public interface ImportedNetwork extends NoisePredictor {
    /** The shape of one sample, e.g. [3, 32, 32]. */
    long[] sampleShape();

    long parameterCount();

    /** E.g. "ONNX U-Net (pytorch 1.13.0)". */
    String describe();
}
