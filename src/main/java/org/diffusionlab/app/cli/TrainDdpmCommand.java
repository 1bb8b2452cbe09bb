package org.diffusionlab.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.data.DiffusionData;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.data.Filmstrip;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.data.ToySet;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.nn.DenoiserSpec;
import org.diffusionlab.core.schedule.NoiseSchedule;
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

    @Option(names = "--epochs", description = "passes over the training set (default: 80 for digits, 120 for 2-D sets)")
    Integer epochs;

    @Option(names = "--batch", description = "samples per step (default: 128 for digits, 256 for 2-D sets)")
    Integer batch;

    @Option(names = "--lr", description = "peak learning rate (default: 1e-3 for digits, 2e-3 for 2-D sets)")
    Double learningRate;

    @Option(names = "--ema", description = "EMA decay of the sampling weights (default: 0.999 digits, 0.995 2-D)")
    Double ema;

    @Option(names = "--channels", defaultValue = "32", description = "U-Net base channels c (c, 2c, 4c) (default: ${DEFAULT-VALUE})")
    int channels;

    @Option(names = "--hidden", defaultValue = "128", description = "MLP hidden units (default: ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--layers", defaultValue = "3", description = "MLP hidden layers (default: ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--octaves", defaultValue = "" + DenoiserSpec.MlpSpec.DEFAULT_OCTAVES,
            description = "MLP Fourier input octaves: sin(2^k x), cos(2^k x) for k below this (default: ${DEFAULT-VALUE})")
    int octaves;

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

    @Option(names = "--samples-png", description = "also write a grid of 64 digits or a scatter of 2,000 points sampled with DDIM-50 to this PNG")
    Path samplesPng;

    @Option(names = "--out", required = true, description = "the model file to write (.zip)")
    Path out;

    @Override
    public Integer call() throws Exception {
        boolean digits = DiffusionModel.DIGITS.equals(data);
        DiffusionData trainingData = digits ? DiffusionData.digits(Digits.bundled()) : DiffusionData.toy(ToySet.byId(data), seed);
        DenoiserSpec architecture = digits ? new DenoiserSpec.UNetSpec(28, channels, 8, 32)
                : new DenoiserSpec.MlpSpec(2, hidden, layers, 32, octaves);
        NoiseSchedule noiseSchedule = NoiseSchedule.of(ForwardCommand.parseKind(schedule), steps,
                NoiseSchedule.DEFAULT_BETA_START, NoiseSchedule.DEFAULT_BETA_END);
        DiffusionTrainingConfig defaults = digits ? DiffusionTrainingConfig.digits(DiffusionTrainingConfig.DIGIT_EPOCHS, seed)
                : DiffusionTrainingConfig.toy(DiffusionTrainingConfig.TOY_EPOCHS, seed);
        DiffusionTrainingConfig config = new DiffusionTrainingConfig(epochs != null ? epochs : defaults.epochs(),
                batch != null ? batch : defaults.batchSize(), learningRate != null ? learningRate : defaults.learningRate(),
                defaults.warmupSteps(), ema != null ? ema : defaults.emaDecay(), defaults.gradientClip(), seed,
                threads != 0 ? threads : defaults.threads(), evaluateEvery != null ? evaluateEvery : defaults.evaluateEvery(),
                defaults.reportEvery(), defaults.lossBuckets(), defaults.evalSamples(), defaults.elboDraws(),
                defaults.previewSamples(), defaults.previewSteps());
        DiffusionModel model = new DiffusionModel(architecture.build(seed), noiseSchedule, trainingData.name());
        DiffusionTrainingSession session = new DiffusionTrainingSession(model, trainingData, config);
        System.err.printf("training a %s (%,d parameters) on %s: %d epochs × %d steps of %d, T = %d%n",
                architecture.toJson().get("name").asText(), model.denoiser().parameterCount(), trainingData.name(),
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
        if (end[0] instanceof TrainingEvent.Failed failed) {
            throw new IllegalStateException(failed.message());
        }
        double seconds = ((TrainingEvent.Finished) end[0]).seconds();
        long totalSteps = (long) config.epochs() * session.stepsPerEpoch();
        ObjectNode training = model.manifest().putObject("training");
        training.put("command", "train-ddpm " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        training.put("seed", seed);
        training.put("epochs", config.epochs());
        training.put("steps", totalSteps);
        training.put("batch", config.batchSize());
        training.put("learningRate", config.learningRate());
        training.put("emaDecay", config.emaDecay());
        training.put("seconds", Math.round(seconds));
        training.put("samplesPerSecond", Math.round(totalSteps * config.batchSize() / seconds));
        training.put("objective", "L_simple = mean over pixels of (eps - eps_hat)^2, t uniform in 1..T");
        ObjectNode metrics = model.manifest().putObject("metrics");
        if (lastEvaluation[0] != null) {
            lastEvaluation[0].forEach((k, v) -> metrics.put("estimate_" + k, v));
        }
        model.write(out);
        System.err.println("wrote " + out);
        if (samplesPng != null) {
            SamplePictures.write(model, model.isImage() ? 64 : 2000, seed, samplesPng);
            System.err.println("wrote " + samplesPng);
        }
        return 0;
    }
}
