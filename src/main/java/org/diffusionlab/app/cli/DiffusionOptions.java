package org.diffusionlab.app.cli;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.train.DiffusionRecipe;
import org.diffusionlab.core.train.DiffusionTrainingConfig;

import picocli.CommandLine.Option;

/**
 * The settings of a diffusion training run as options (a picocli mixin): {@link #recipe()} starts from the data
 * set's defaults and applies only the options given. Adding a setting is one option and one line here.
 */
public final class DiffusionOptions {
    @Option(names = "--data", defaultValue = "digits",
            description = "digits, swiss-roll, two-moons, 8-gaussians or checkerboard (default: ${DEFAULT-VALUE})")
    String data;

    @Option(names = "--seed", defaultValue = "1", description = "seed for weights, batches and noise (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--epochs", description = "passes over the training set (default: " + DiffusionTrainingConfig.DIGIT_EPOCHS
            + " for digits, " + DiffusionTrainingConfig.TOY_EPOCHS + " for 2-D sets)")
    Integer epochs;

    @Option(names = "--batch", description = "samples per step (default: 64 for digits, 256 for 2-D sets)")
    Integer batch;

    @Option(names = "--lr", description = "peak learning rate (default: 1e-3 for digits, 2e-3 for 2-D sets)")
    Double learningRate;

    @Option(names = "--ema", description = "EMA decay of the sampling weights (default: 0.9995 digits, 0.995 2-D)")
    Double ema;

    @Option(names = "--p2-gamma", description = "weight L_simple at step t by (1 + SNR_t)^−γ (P2 "
            + "weighting, Choi et al. 2022): less effort on the last, fine-detail steps and more on those that shape the "
            + "digit; 0 = plain L_simple (default: 0)")
    Double p2Gamma;

    @Option(names = "--channels", description = "U-Net base channels c (c, 2c, 4c) (default: "
            + DiffusionRecipe.DEFAULT_CHANNELS + ")")
    Integer channels;

    @Option(names = "--attention", negatable = true,
            description = "self-attention at the U-Net's 7×7 level; --no-attention leaves it out (default: true)")
    Boolean attention;

    @Option(names = "--hidden", description = "MLP hidden units; its input also gets 5 octaves of Fourier features (default: "
            + DiffusionRecipe.DEFAULT_HIDDEN + ")")
    Integer hidden;

    @Option(names = "--layers", description = "MLP hidden layers (default: " + DiffusionRecipe.DEFAULT_LAYERS + ")")
    Integer layers;

    @Option(names = "--T", description = "diffusion steps T (default: 1000)")
    Integer steps;

    @Option(names = "--schedule", description = "linear or cosine (default: linear)")
    String schedule;

    @Option(names = "--threads", description = "native threads; 0 = measure and choose while training (default: 0)")
    Integer threads;

    @Option(names = "--eval-every", description = "steps between held-out evaluations (default: 500)")
    Integer evaluateEvery;

    /** The data set's defaults with the options given applied (a bad value is refused in words). */
    public DiffusionRecipe recipe() throws BadInputException {
        DiffusionRecipe recipe = DiffusionRecipe.defaults(data, seed);
        recipe = channels == null ? recipe : recipe.withChannels(channels);
        recipe = attention == null ? recipe : recipe.withAttention(attention);
        recipe = hidden == null ? recipe : recipe.withHidden(hidden);
        recipe = layers == null ? recipe : recipe.withLayers(layers);
        recipe = steps == null ? recipe : recipe.withSteps(steps);
        recipe = schedule == null ? recipe : recipe.withSchedule(ForwardCommand.parseKind(schedule));
        return recipe.withTraining(config -> {
            config = epochs == null ? config : config.withEpochs(epochs);
            config = batch == null ? config : config.withBatchSize(batch);
            config = learningRate == null ? config : config.withLearningRate(learningRate);
            config = ema == null ? config : config.withEmaDecay(ema);
            config = p2Gamma == null ? config : config.withP2Gamma(p2Gamma);
            // --threads 0 keeps the data set's own choice (the tuner for digits, one thread for a 2-D set), as before
            config = threads == null || threads == 0 ? config : config.withThreads(threads);
            return evaluateEvery == null ? config : config.withEvaluateEvery(evaluateEvery);
        });
    }
}
