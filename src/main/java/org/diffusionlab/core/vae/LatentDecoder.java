package org.diffusionlab.core.vae;

import java.util.ArrayList;
import java.util.List;

import org.diffusionlab.core.nn.Blas;
import org.diffusionlab.core.nn.Block;
import org.diffusionlab.core.nn.Dense;
import org.diffusionlab.core.nn.Elementwise;

/**
 * The fast path for decoding one latent vector (a slider moving): per layer one bias copy and one
 * matrix-vector product straight on the weights, ReLU on the Java heap, one ND4J sigmoid at the end;
 * all buffers are made once. Not thread-safe: one decoder per thread.
 */
public final class LatentDecoder {
    private final VaeParameters parameters;
    private final Block latent;
    private final List<Block> hidden = new ArrayList<>();
    private final Block logits;
    private final float[] hiddenValues;

    LatentDecoder(VaeParameters parameters) {
        this.parameters = parameters;
        VaeArchitecture architecture = parameters.architecture();
        latent = Block.allocate(parameters.dataType(), 1, architecture.latent());
        int widest = 0;
        for (Dense layer : parameters.decoder()) {
            hidden.add(Block.allocate(parameters.dataType(), 1, layer.outputs()));
            widest = Math.max(widest, layer.outputs());
        }
        logits = Block.allocate(parameters.dataType(), 1, architecture.inputSize());
        hiddenValues = new float[widest];
    }

    /** Writes σ(logits(z)), the pixel probabilities in [0, 1], into {@code pixels}. */
    public void decode(float[] z, float[] pixels) {
        if (z.length != latent.cols()) {
            throw new IllegalArgumentException("the latent vector has " + z.length + " values, the VAE's latent size is "
                    + latent.cols());
        }
        if (pixels.length != logits.cols()) {
            throw new IllegalArgumentException("the output needs " + logits.cols() + " pixels, not " + pixels.length);
        }
        latent.write(z, 0, 0, z.length);
        Block previous = latent;
        for (int i = 0; i < hidden.size(); i++) {
            Block h = hidden.get(i);
            affine(parameters.decoder().get(i), previous, h);
            int n = h.cols();
            h.read(hiddenValues, 0, 0, n);
            for (int j = 0; j < n; j++) {
                hiddenValues[j] = Math.max(hiddenValues[j], 0f);
            }
            h.write(hiddenValues, 0, 0, n);
            previous = h;
        }
        affine(parameters.logits(), previous, logits);
        Elementwise.sigmoid(logits, logits);
        logits.read(pixels, 0, 0, pixels.length);
    }

    /** y = Wᵀx + b for one vector. */
    private static void affine(Dense layer, Block x, Block y) {
        Blas.copy(layer.bias(), y);
        Blas.gemv(layer.weight(), true, x, y, 1, 1);
    }
}
