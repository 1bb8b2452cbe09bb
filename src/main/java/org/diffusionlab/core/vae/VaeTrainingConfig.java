package org.diffusionlab.core.vae;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Everything that decides a VAE training run: with the same config (and data, and thread settings) the run
 * gives the same weights and the same curves. The loss is mean_i(recon_i + β·KL_i); β = 1 is the ELBO.
 */
public record VaeTrainingConfig(VaeArchitecture architecture, double beta, double learningRate, int batchSize, int epochs,
        long seed) {
    public static final int MAX_EPOCHS = 10_000;
    public static final int MAX_BATCH = 4096;

    public VaeTrainingConfig {
        if (architecture.hidden().isEmpty()) {
            throw new IllegalArgumentException("a VAE to train here has 1 to " + VaeArchitecture.MAX_HIDDEN_LAYERS
                    + " hidden layers, not none");
        }
        if (!(beta >= 0 && beta <= 1000)) {
            throw new IllegalArgumentException("β must be between 0 and 1000, not " + beta);
        }
        if (!(learningRate > 0 && learningRate <= 1000)) {
            throw new IllegalArgumentException("the learning rate must be above 0 and at most 1000, not " + learningRate);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("the batch size must be 1 to " + MAX_BATCH + ", not " + batchSize);
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs must be 1 to " + MAX_EPOCHS + ", not " + epochs);
        }
    }

    /**
     * The defaults (Train view and CLI): 784-400-16, β 1, Adam 1e-3, batch 128, 50 epochs, seed 1 — about half a
     * minute on two cores, held-out −ELBO about 107 nats.
     */
    public static VaeTrainingConfig defaults() {
        return new VaeTrainingConfig(VaeArchitecture.digits(List.of(400), 16), 1.0, 1e-3, 128, 50, 1);
    }

    public VaeTrainingConfig withEpochs(int newEpochs) {
        return new VaeTrainingConfig(architecture, beta, learningRate, batchSize, newEpochs, seed);
    }

    public VaeTrainingConfig withLearningRate(double newLearningRate) {
        return new VaeTrainingConfig(architecture, beta, newLearningRate, batchSize, epochs, seed);
    }

    public VaeTrainingConfig withSeed(long newSeed) {
        return new VaeTrainingConfig(architecture, beta, learningRate, batchSize, epochs, newSeed);
    }

    public VaeTrainingConfig withBatchSize(int newBatchSize) {
        return new VaeTrainingConfig(architecture, beta, learningRate, newBatchSize, epochs, seed);
    }

    /** What a step minimises for one image's terms: recon + β·KL. */
    public double loss(ElboTerms terms) {
        return terms.reconstructionNats() + beta * terms.klNats();
    }

    /** The CLI command that trains exactly this model on the bundled digits and writes it to {@code out}. */
    public String command(String out) {
        return String.format(Locale.ROOT, "diffusion-lab train-vae --latent %d --hidden %s --beta %s --lr %s --batch %d"
                        + " --epochs %d --seed %d --out %s",
                architecture.latent(), architecture.hidden().stream().map(String::valueOf).collect(Collectors.joining(",")),
                number(beta), number(learningRate), batchSize, epochs, seed, out);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e6 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
