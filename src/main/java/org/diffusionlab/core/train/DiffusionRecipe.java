package org.diffusionlab.core.train;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.DiffusionData;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.data.ToySet;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.nn.DenoiserSpec;
import org.diffusionlab.core.schedule.NoiseSchedule;

/**
 * Everything that decides a diffusion training run, with the defaults of each data set filled in where a value
 * is null: the digits train a U-Net, a 2-D set an MLP. The CLI's {@code train-ddpm} and the Train view both build
 * their runs here, so the same settings give the same model.
 */
public record DiffusionRecipe(String data, Integer epochs, Integer batch, Double learningRate, Double ema, double p2Gamma,
                              int channels, boolean attention, int hidden, int layers, int steps, NoiseSchedule.Kind schedule,
                              long seed, int threads, Integer evaluateEvery) {
    public static final int DEFAULT_CHANNELS = 32;
    public static final int DEFAULT_HIDDEN = 128;
    public static final int DEFAULT_LAYERS = 3;

    /** Every value at its default for the data set. */
    public static DiffusionRecipe defaults(String data, long seed) {
        return new DiffusionRecipe(data, null, null, null, null, 0, DEFAULT_CHANNELS, true, DEFAULT_HIDDEN, DEFAULT_LAYERS,
                NoiseSchedule.MAX_T, NoiseSchedule.Kind.LINEAR, seed, 0, null);
    }

    public boolean isDigits() {
        return DiffusionModel.DIGITS.equals(data);
    }

    /** The defaults this recipe starts from: {@link DiffusionTrainingConfig#digits} or {@link DiffusionTrainingConfig#toy}. */
    public DiffusionTrainingConfig baseConfig() {
        return isDigits() ? DiffusionTrainingConfig.digits(DiffusionTrainingConfig.DIGIT_EPOCHS, seed)
                : DiffusionTrainingConfig.toy(DiffusionTrainingConfig.TOY_EPOCHS, seed);
    }

    public DiffusionTrainingConfig config() {
        DiffusionTrainingConfig base = baseConfig();
        return new DiffusionTrainingConfig(epochs != null ? epochs : base.epochs(), batch != null ? batch : base.batchSize(),
                learningRate != null ? learningRate : base.learningRate(), base.warmupSteps(),
                ema != null ? ema : base.emaDecay(), p2Gamma, base.gradientClip(), seed, threads != 0 ? threads : base.threads(),
                evaluateEvery != null ? evaluateEvery : base.evaluateEvery(), base.reportEvery(), base.lossBuckets(),
                base.evalSamples(), base.elboDraws(), base.previewSamples(), base.previewSteps());
    }

    public DenoiserSpec architecture() {
        return isDigits() ? new DenoiserSpec.UNetSpec(28, channels, 8, 32, attention) : new DenoiserSpec.MlpSpec(2, hidden, layers, 32);
    }

    public NoiseSchedule noiseSchedule() {
        return NoiseSchedule.of(schedule, steps, NoiseSchedule.DEFAULT_BETA_START, NoiseSchedule.DEFAULT_BETA_END);
    }

    /** The {@code train-ddpm} command line that reproduces this run, writing to {@code out}. */
    public String command(String out) {
        DiffusionTrainingConfig config = config();
        StringBuilder command = new StringBuilder("train-ddpm --data ").append(data)
                .append(" --epochs ").append(config.epochs())
                .append(" --batch ").append(config.batchSize())
                .append(" --lr ").append(config.learningRate())
                .append(" --ema ").append(config.emaDecay());
        if (p2Gamma > 0) {
            command.append(" --p2-gamma ").append(p2Gamma);
        }
        command.append(isDigits() ? " --channels " + channels + (attention ? "" : " --no-attention")
                : " --hidden " + hidden + " --layers " + layers);
        command.append(" --T ").append(steps).append(" --schedule ").append(schedule.name().toLowerCase())
                .append(" --seed ").append(seed);
        if (threads != 0) {
            command.append(" --threads ").append(threads);
        }
        if (evaluateEvery != null) {
            command.append(" --eval-every ").append(evaluateEvery);
        }
        return command.append(" --out ").append(out).toString();
    }

    /**
     * Writes how the model was made into its manifest: "training" (the command, seed, epochs, steps, time, …) and
     * "metrics" (the last held-out evaluation, as estimates). A model trained further keeps the record of the run
     * before as "training.parent", so its whole history stays in the file.
     */
    public static void stamp(DiffusionModel model, DiffusionTrainingConfig config, String command, long totalSteps,
                             double seconds, Map<String, Double> lastEvaluation) {
        JsonNode parent = model.manifest().get("training");
        ObjectNode training = model.manifest().putObject("training");
        if (parent != null && parent.isObject()) {
            training.set("parent", parent);
        }
        training.put("command", command);
        training.put("seed", config.seed());
        training.put("epochs", config.epochs());
        training.put("steps", totalSteps);
        training.put("batch", config.batchSize());
        training.put("learningRate", config.learningRate());
        training.put("emaDecay", config.emaDecay());
        training.put("seconds", Math.round(seconds));
        training.put("samplesPerSecond", Math.round(totalSteps * config.batchSize() / Math.max(seconds, 1e-9)));
        training.put("objective", config.p2Gamma() == 0 ? "L_simple = mean over pixels of (eps - eps_hat)^2, t uniform in 1..T"
                : "L_simple weighted by lambda_t = (1 + SNR_t)^-" + config.p2Gamma() + " (P2), t uniform in 1..T");
        ObjectNode metrics = model.manifest().putObject("metrics");
        if (lastEvaluation != null) {
            lastEvaluation.forEach((k, v) -> metrics.put("estimate_" + k, v));
        }
    }

    /** Loads the data and builds a fresh model and its session (allocates native memory: not on the FX thread). */
    public DiffusionTrainingSession session() throws BadInputException {
        DiffusionData trainingData = trainingData();
        DiffusionModel model = new DiffusionModel(architecture().build(seed), noiseSchedule(), trainingData.name());
        return new DiffusionTrainingSession(model, trainingData, config());
    }

    /**
     * A session that trains {@code start} further: a saved model of this recipe's data, architecture and schedule
     * (anything else is refused in plain words, before any training).
     */
    public DiffusionTrainingSession session(DiffusionModel start) throws BadInputException {
        if (!start.denoiser().spec().equals(architecture())) {
            throw new BadInputException("the model to train further is built as " + start.denoiser().spec().describe()
                    + ", but these settings ask for " + architecture().describe());
        }
        if (!start.schedule().equals(noiseSchedule())) {
            throw new BadInputException("the model to train further has a " + start.schedule().kind().name().toLowerCase()
                    + " schedule with T = " + start.schedule().steps() + ", but these settings ask for "
                    + schedule.name().toLowerCase() + " with T = " + steps);
        }
        DiffusionData trainingData = trainingData();
        if (!start.dataSet().equals(trainingData.name())) {
            throw new BadInputException("the model to train further was trained on " + start.dataSet() + ", not "
                    + trainingData.name());
        }
        return new DiffusionTrainingSession(start, trainingData, config());
    }

    private DiffusionData trainingData() throws BadInputException {
        return isDigits() ? DiffusionData.digits(Digits.bundled()) : DiffusionData.toy(ToySet.byId(data), seed);
    }
}
