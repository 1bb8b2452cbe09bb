package org.diffusionlab.core.vae;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The shape of an MLP VAE on images of width × height grey pixels: encoder x → hidden… → (μ, log σ²) of size
 * {@code latent}; decoder z → hidden (reversed)… → one Bernoulli logit per pixel. ReLU between layers. A VAE read
 * from an ONNX graph ({@link #ofGraph}) has no hidden layers listed: only its image and latent sizes are known here.
 */
public record VaeArchitecture(int width, int height, List<Integer> hidden, int latent) {
    public static final int MIN_LATENT = 2;
    public static final int MAX_LATENT = 64;
    public static final int MAX_HIDDEN_LAYERS = 4;
    public static final int MAX_HIDDEN_SIZE = 4096;
    public static final int MAX_SIDE = 256;

    public VaeArchitecture {
        hidden = List.copyOf(hidden);
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("the image size must be 1 to " + MAX_SIDE + " pixels a side, not "
                    + width + "×" + height);
        }
        if (latent < MIN_LATENT || latent > MAX_LATENT) {
            throw new IllegalArgumentException("the latent size must be " + MIN_LATENT + " to " + MAX_LATENT + ", not " + latent);
        }
        if (hidden.size() > MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException("a VAE here has at most " + MAX_HIDDEN_LAYERS + " hidden layers, not " + hidden.size());
        }
        for (int size : hidden) {
            if (size < 1 || size > MAX_HIDDEN_SIZE) {
                throw new IllegalArgumentException("hidden layer sizes must be 1 to " + MAX_HIDDEN_SIZE + ", not " + size);
            }
        }
    }

    /** The sizes of a VAE whose networks are graphs from a file, not an MLP of this app. */
    public static VaeArchitecture ofGraph(int width, int height, int latent) {
        return new VaeArchitecture(width, height, List.of(), latent);
    }

    /** A VAE for the bundled 28×28 digits. */
    public static VaeArchitecture digits(List<Integer> hidden, int latent) {
        return new VaeArchitecture(28, 28, hidden, latent);
    }

    public int inputSize() {
        return width * height;
    }

    /** Number of weights and biases in encoder and decoder together. */
    public long parameterCount() {
        long count = 0;
        int previous = inputSize();
        for (int size : hidden) {
            count += (long) (previous + 1) * size;
            previous = size;
        }
        count += 2L * (previous + 1) * latent;
        previous = latent;
        for (int i = hidden.size() - 1; i >= 0; i--) {
            count += (long) (previous + 1) * hidden.get(i);
            previous = hidden.get(i);
        }
        return count + (long) (previous + 1) * inputSize();
    }

    /** E.g. "784-400-16" (input, encoder hidden sizes, latent). */
    public String describe() {
        return inputSize() + "-" + hidden.stream().map(String::valueOf).collect(Collectors.joining("-")) + "-" + latent;
    }

    public int widestLayer() {
        return Math.max(inputSize(), hidden.stream().mapToInt(Integer::intValue).max().orElse(0));
    }
}
