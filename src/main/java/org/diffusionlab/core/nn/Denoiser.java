package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ε-prediction network ε̂_θ(x_t, t). {@link #forward} keeps what {@link #backward} needs, so the two run as
 * a pair inside one workspace on one thread; {@link #predictNoise} is the self-contained inference call.
 * Not thread-safe: one worker thread owns a denoiser.
 */
public abstract class Denoiser {
    private final DenoiserSpec spec;
    private final ParameterSet parameters;

    protected Denoiser(DenoiserSpec spec, ParameterSet parameters) {
        this.spec = spec;
        this.parameters = parameters;
    }

    public DenoiserSpec spec() {
        return spec;
    }

    public ParameterSet parameters() {
        return parameters;
    }

    /** The shape of one sample, e.g. [1, 28, 28] or [2]. */
    public long[] sampleShape() {
        return spec.sampleShape();
    }

    /** ε̂ for a batch x [B, ...sampleShape] at steps t (one per row); arrays live in the caller's workspace. */
    abstract INDArray forward(INDArray x, int[] t);

    /** Back-propagates dL/dε̂ of the last {@link #forward}, writing every parameter's gradient. */
    abstract void backward(INDArray gradOutput);

    /**
     * The training pair: a forward pass that keeps its activations, to be followed by {@link #trainingBackward}
     * on the same thread inside the same open workspace ({@link Workspaces#open}).
     */
    public INDArray trainingForward(INDArray x, int[] t) {
        return forward(x, t);
    }

    /** Writes dL/dθ for every parameter into {@link ParameterSet#gradients()}, given dL/dε̂ of the last forward pass. */
    public void trainingBackward(INDArray gradOutput) {
        backward(gradOutput);
    }

    /** ε̂_θ(x_t, t) as a detached array (safe to keep), computed in this thread's inference workspace. */
    public INDArray predictNoise(INDArray x, int[] t) {
        if (t.length != x.size(0)) {
            throw new IllegalArgumentException(t.length + " time steps for a batch of " + x.size(0));
        }
        try (var ignored = Workspaces.open("denoiser-predict-" + x.size(0))) {
            return forward(x, t).detach();
        }
    }

    public long parameterCount() {
        return parameters.count();
    }
}
