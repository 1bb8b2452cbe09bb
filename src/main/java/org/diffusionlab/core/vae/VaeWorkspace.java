package org.diffusionlab.core.vae;

import java.util.ArrayList;
import java.util.List;

import org.diffusionlab.core.nn.Block;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Every buffer one forward (and, if asked, backward) pass over a batch of exactly {@code rows} images needs,
 * allocated once and reused every step, so training allocates no native memory after its first step.
 * Native blocks hold what BLAS and ND4J ops touch; the small latent quantities live on the Java heap.
 * One workspace belongs to one thread.
 */
final class VaeWorkspace {
    final VaeArchitecture architecture;
    final int rows;
    final DataType type;

    /** x, one image per row, pixels in [0, 1]. */
    final Block input;
    /** Encoder hidden activations h₁ … h_k (after ReLU). */
    final List<Block> encoderHidden = new ArrayList<>();
    /** μ and log σ² of q(z|x). */
    final Block mean;
    final Block logVariance;
    /** z = μ + σ ⊙ ε. */
    final Block latent;
    /** Decoder hidden activations (after ReLU). */
    final List<Block> decoderHidden = new ArrayList<>();
    /** Bernoulli logits l of p(x|z), and σ(l), the decoded pixel probabilities. */
    final Block logits;
    final Block probabilities;
    /** Free for the backward pass, which puts ∂/∂logits there. */
    final Block scratch;
    final Block onesRows;

    /** Heap copies of x, the logits and σ(logits), row-major [rows × pixels] (float or double as the blocks). */
    final float[] inputValues;
    final float[] logitValues;
    final float[] probabilityValues;
    final double[] logitDoubles;
    final double[] probabilityDoubles;
    /** Heap copies, row-major [rows × latent]. */
    final double[] meanValues;
    final double[] logVarianceValues;
    final double[] sigma;
    final double[] epsilon;
    final double[] latentValues;
    /** Per image: E_q[−log p(x|z)] (one z sample) and KL(q(z|x) ‖ N(0, I)), in nats. */
    final double[] reconstruction;
    final double[] kl;

    /** Gradient buffers (null for a forward-only workspace). */
    final List<Block> encoderHiddenGradient = new ArrayList<>();
    final List<Block> decoderHiddenGradient = new ArrayList<>();
    final List<Block> encoderMask = new ArrayList<>();
    final List<Block> decoderMask = new ArrayList<>();
    final Block meanGradient;
    final Block logVarianceGradient;
    final Block latentGradient;
    final double[] latentGradientValues;
    final double[] meanGradientValues;
    final double[] logVarianceGradientValues;

    VaeWorkspace(VaeArchitecture architecture, DataType type, int rows, boolean withGradients) {
        if (rows < 1) {
            throw new IllegalArgumentException("a batch needs at least one row");
        }
        this.architecture = architecture;
        this.rows = rows;
        this.type = type;
        int pixels = architecture.inputSize();
        int z = architecture.latent();
        List<Integer> hidden = architecture.hidden();
        input = Block.allocate(type, rows, pixels);
        for (int size : hidden) {
            encoderHidden.add(Block.allocate(type, rows, size));
        }
        mean = Block.allocate(type, rows, z);
        logVariance = Block.allocate(type, rows, z);
        latent = Block.allocate(type, rows, z);
        for (int i = hidden.size() - 1; i >= 0; i--) {
            decoderHidden.add(Block.allocate(type, rows, hidden.get(i)));
        }
        logits = Block.allocate(type, rows, pixels);
        probabilities = Block.allocate(type, rows, pixels);
        scratch = Block.allocate(type, rows, pixels);
        onesRows = Block.filled(type, rows, 1, 1.0);
        inputValues = new float[rows * pixels];
        boolean single = type == DataType.FLOAT;
        logitValues = single ? new float[rows * pixels] : null;
        probabilityValues = single ? new float[rows * pixels] : null;
        logitDoubles = single ? null : new double[rows * pixels];
        probabilityDoubles = single ? null : new double[rows * pixels];
        meanValues = new double[rows * z];
        logVarianceValues = new double[rows * z];
        sigma = new double[rows * z];
        epsilon = new double[rows * z];
        latentValues = new double[rows * z];
        reconstruction = new double[rows];
        kl = new double[rows];
        if (withGradients) {
            for (Block h : encoderHidden) {
                encoderHiddenGradient.add(Block.allocate(type, rows, h.cols()));
                encoderMask.add(Block.allocate(type, rows, h.cols()));
            }
            for (Block h : decoderHidden) {
                decoderHiddenGradient.add(Block.allocate(type, rows, h.cols()));
                decoderMask.add(Block.allocate(type, rows, h.cols()));
            }
            meanGradient = Block.allocate(type, rows, z);
            logVarianceGradient = Block.allocate(type, rows, z);
            latentGradient = Block.allocate(type, rows, z);
            latentGradientValues = new double[rows * z];
            meanGradientValues = new double[rows * z];
            logVarianceGradientValues = new double[rows * z];
        } else {
            meanGradient = null;
            logVarianceGradient = null;
            latentGradient = null;
            latentGradientValues = null;
            meanGradientValues = null;
            logVarianceGradientValues = null;
        }
    }

    boolean hasGradients() {
        return meanGradient != null;
    }

    /** Copies {@code rows} images into the input block: image i of the batch is {@code images[indices[i]]}. */
    void loadImages(float[] images, int[] indices, int from) {
        int pixels = architecture.inputSize();
        for (int i = 0; i < rows; i++) {
            System.arraycopy(images, indices[from + i] * pixels, inputValues, i * pixels, pixels);
        }
        input.write(inputValues, 0, 0, inputValues.length);
    }

    void loadImages(float[][] images, int from) {
        int pixels = architecture.inputSize();
        for (int i = 0; i < rows; i++) {
            float[] image = images[from + i];
            if (image.length != pixels) {
                throw new IllegalArgumentException("image " + (from + i) + " has " + image.length + " pixels, the VAE takes "
                        + pixels);
            }
            System.arraycopy(image, 0, inputValues, i * pixels, pixels);
        }
        input.write(inputValues, 0, 0, inputValues.length);
    }
}
