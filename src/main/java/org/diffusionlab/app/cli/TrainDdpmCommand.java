package org.diffusionlab.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;


import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.nn.DenoiserSpec;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.core.train.DiffusionRecipe;
import org.diffusionlab.core.train.DiffusionTrainingConfig;
import org.diffusionlab.core.train.DiffusionTrainingSession;
import org.diffusionlab.core.train.TrainingEvent;
import org.diffusionlab.core.train.TrainingRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train-ddpm", mixinStandardHelpOptions = true,
        description = "Train a diffusion model (ε-prediction, L_simple) on the digits (U-Net) or a 2-D toy set (MLP) "
                + "and save it with the command that made it.")
public final class TrainDdpmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "digits",
            description = "digits, swiss-roll, two-moons, 8-gaussians or checkerboard (default: ${DEFAULT-VALUE})")
    String data;

    @Option(names = "--epochs", description = "passes over the training set (default: " + DiffusionTrainingConfig.DIGIT_EPOCHS
            + " for digits, " + DiffusionTrainingConfig.TOY_EPOCHS + " for 2-D sets)")
    Integer epochs;

    @Option(names = "--batch", description = "samples per step (default: 64 for digits, 256 for 2-D sets)")
    Integer batch;

    @Option(names = "--lr", description = "peak learning rate (default: 1e-3 for digits, 2e-3 for 2-D sets)")
    Double learningRate;

    @Option(names = "--ema", description = "EMA decay of the sampling weights (default: 0.9995 digits, 0.995 2-D)")
    Double ema;

    @Option(names = "--p2-gamma", defaultValue = "0", description = "weight L_simple at step t by (1 + SNR_t)^−γ (P2 "
            + "weighting, Choi et al. 2022): less effort on the last, fine-detail steps and more on those that shape the "
            + "digit; 0 = plain L_simple (default: ${DEFAULT-VALUE})")
    double p2Gamma;

    @Option(names = "--channels", defaultValue = "32", description = "U-Net base channels c (c, 2c, 4c) (default: ${DEFAULT-VALUE})")
    int channels;

    @Option(names = "--attention", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "self-attention at the U-Net's 7×7 level; --no-attention leaves it out (default: ${DEFAULT-VALUE})")
    boolean attention;

    @Option(names = "--hidden", defaultValue = "128",
            description = "MLP hidden units; its input also gets 5 octaves of Fourier features (default: ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--layers", defaultValue = "3", description = "MLP hidden layers (default: ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--T", defaultValue = "1000", description = "diffusion steps T (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--schedule", defaultValue = "linear", description = "linear or cosine (default: ${DEFAULT-VALUE})")
    String schedule;

    @Option(names = "--threads", defaultValue = "0", description = "native threads; 0 = measure and choose while training (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--eval-every", description = "steps between held-out evaluations (default: 500)")
    Integer evaluateEvery;

    @Option(names = "--seed", defaultValue = "1", description = "seed for weights, batches and noise (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--samples-png", description = "also write a grid (digits) or scatter (2-D) of 64 samples to this PNG")
    Path samplesPng;

    @Option(names = "--init", description = "train this saved model further instead of fresh weights (same data, "
            + "architecture and schedule; its training record is kept in the new file as the parent run)")
    Path init;

    @Option(names = "--out", required = true, description = "the model file to write (.zip)")
    Path out;

    @Override
    public Integer call() throws Exception {
        DiffusionRecipe recipe = new DiffusionRecipe(data, epochs, batch, learningRate, ema, p2Gamma, channels, attention, hidden,
                layers, steps, ForwardCommand.parseKind(schedule), seed, threads, evaluateEvery);
        DiffusionTrainingConfig config = recipe.config();
        DiffusionTrainingSession session = init == null ? recipe.session() : recipe.session(DiffusionModel.read(init));
        DiffusionModel model = session.model();
        DenoiserSpec architecture = recipe.architecture();
        NoiseSchedule noiseSchedule = model.schedule();
        System.err.printf("training %s (%,d parameters) on %s: %d epochs × %d steps of %d, T = %d%n",
                architecture.describe(), model.denoiser().parameterCount(), model.dataSet(),
                config.epochs(), session.stepsPerEpoch(), config.batchSize(), noiseSchedule.steps());
        ProgressBar bar = new ProgressBar(System.err, config.batchSize());
        Map<String, Double>[] lastEvaluation = new Map[1];
        TrainingEvent[] end = new TrainingEvent[1];
        TrainingRun run = new TrainingRun(session, event -> {
            bar.accept(event);
            if (event instanceof TrainingEvent.Evaluation e) {
                lastEvaluation[0] = e.values();
            } else if (event instanceof TrainingEvent.Finished || event instanceof TrainingEvent.Failed) {
                end[0] = event;
            }
        });
        run.run();
        TrainingOutcome.requireFinished(end[0], out);
        double seconds = ((TrainingEvent.Finished) end[0]).seconds();
        long totalSteps = (long) config.epochs() * session.stepsPerEpoch();
        DiffusionRecipe.stamp(model, config, Reproduce.command(spec),
                totalSteps, seconds, lastEvaluation[0]);
        model.write(out);
        System.err.println("wrote " + out);
        if (samplesPng != null) {
            SamplePictures.write(model, model.isImage() ? 64 : 2000, seed, samplesPng);
            System.err.println("wrote " + samplesPng);
        }
        return 0;
    }
}
