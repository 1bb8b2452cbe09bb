package org.diffusionlab.core.train;

import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.DiffusionData;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.data.ToySet;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.DenoiserSpec;
import org.diffusionlab.core.schedule.NoiseSchedule;

/**
 * Everything that decides a diffusion training run, set by name: {@link #defaults} fills in the data set's
 * defaults (the digits train a U-Net, a 2-D set an MLP) and each {@code with…} changes one setting, e.g.
 * {@code DiffusionRecipe.defaults("two-moons", 1).withHidden(64).withTraining(c -> c.withEpochs(10))}. The CLI's
 * {@code train-ddpm}, the Train view and the benchmark all build their runs here, so the same settings give the
 * same model. Adding a setting is one field and one method (here, or in {@link DiffusionTrainingConfig}).
 */
public final class DiffusionRecipe extends Settings<DiffusionRecipe> {
    public static final int DEFAULT_CHANNELS = 32;
    public static final int DEFAULT_HIDDEN = 128;
    public static final int DEFAULT_LAYERS = 3;

    private final String data;
    private int channels = DEFAULT_CHANNELS;
    private boolean attention = true;
    private int hidden = DEFAULT_HIDDEN;
    private int layers = DEFAULT_LAYERS;
    private int steps = NoiseSchedule.MAX_T;
    private NoiseSchedule.Kind schedule = NoiseSchedule.Kind.LINEAR;
    private DiffusionTrainingConfig training;

    private DiffusionRecipe(String data, long seed) {
        this.data = data;
        this.training = defaultTraining(data, seed);
    }

    /** Every value at its default for the data set. */
    public static DiffusionRecipe defaults(String data, long seed) {
        return new DiffusionRecipe(data, seed);
    }

    private static DiffusionTrainingConfig defaultTraining(String data, long seed) {
        return DiffusionModel.DIGITS.equals(data) ? DiffusionTrainingConfig.digits(seed) : DiffusionTrainingConfig.toy(seed);
    }

    public String data() { return data; }
    public long seed() { return training.seed(); }
    public int channels() { return channels; }
    public boolean attention() { return attention; }
    public int hidden() { return hidden; }
    public int layers() { return layers; }
    public int steps() { return steps; }
    public NoiseSchedule.Kind schedule() { return schedule; }
    /** The training hyperparameters: batch, learning rate, EMA, evaluation intervals, … */
    public DiffusionTrainingConfig config() { return training; }

    public DiffusionRecipe withChannels(int value) { return change(r -> r.channels = value); }
    public DiffusionRecipe withAttention(boolean value) { return change(r -> r.attention = value); }
    public DiffusionRecipe withHidden(int value) { return change(r -> r.hidden = value); }
    public DiffusionRecipe withLayers(int value) { return change(r -> r.layers = value); }
    public DiffusionRecipe withSteps(int value) { return change(r -> r.steps = value); }
    public DiffusionRecipe withSchedule(NoiseSchedule.Kind value) { return change(r -> r.schedule = value); }

    /** Changes training hyperparameters, e.g. {@code withTraining(c -> c.withEpochs(10).withP2Gamma(1))}. */
    public DiffusionRecipe withTraining(UnaryOperator<DiffusionTrainingConfig> edit) {
        DiffusionTrainingConfig edited = edit.apply(training);
        return change(r -> r.training = edited);
    }

    public boolean isDigits() {
        return DiffusionModel.DIGITS.equals(data);
    }

    public DenoiserSpec architecture() {
        return isDigits() ? new DenoiserSpec.UNetSpec(28, channels, 8, 32, attention) : new DenoiserSpec.MlpSpec(2, hidden, layers, 32);
    }

    public NoiseSchedule noiseSchedule() {
        return NoiseSchedule.of(schedule, steps, NoiseSchedule.DEFAULT_BETA_START, NoiseSchedule.DEFAULT_BETA_END);
    }

    /**
     * The {@code train-ddpm} command line that reproduces this run, writing to {@code out}: the data set's defaults
     * for threads and the evaluation interval are left out, as they need no option.
     */
    public String command(String out) {
        DiffusionTrainingConfig config = config();
        DiffusionTrainingConfig base = defaultTraining(data, seed());
        StringBuilder command = new StringBuilder("train-ddpm --data ").append(data)
                .append(" --epochs ").append(config.epochs())
                .append(" --batch ").append(config.batchSize())
                .append(" --lr ").append(config.learningRate())
                .append(" --ema ").append(config.emaDecay());
        if (config.p2Gamma() > 0) {
            command.append(" --p2-gamma ").append(config.p2Gamma());
        }
        command.append(isDigits() ? " --channels " + channels + (attention ? "" : " --no-attention")
                : " --hidden " + hidden + " --layers " + layers);
        command.append(" --T ").append(steps).append(" --schedule ").append(schedule.name().toLowerCase())
                .append(" --seed ").append(seed());
        if (config.threads() != base.threads()) {
            command.append(" --threads ").append(config.threads());
        }
        if (config.evaluateEvery() != base.evaluateEvery()) {
            command.append(" --eval-every ").append(config.evaluateEvery());
        }
        return command.append(" --out ").append(out).toString();
    }

    /**
     * Writes how the model was made into its manifest: "training" (the command, seed, epochs, steps, time, …) and
     * "metrics" (the last held-out evaluation, as estimates). A model trained further keeps the record of the run
     * before as "training.parent", so its whole history stays in the file.
     */
    public static void stamp(DiffusionModel model, DiffusionTrainingConfig config, String command, long totalSteps,
                             double seconds, Map<Metric, Double> lastEvaluation) {
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
            lastEvaluation.forEach((k, v) -> metrics.put("estimate_" + k.heldOutKey(), v));
        }
    }

    /** Loads the data and builds a fresh model and its session (allocates native memory: not on the FX thread). */
    public DiffusionTrainingSession session() throws BadInputException {
        DiffusionData trainingData = trainingData();
        DiffusionModel model = new DiffusionModel(architecture().build(seed()), noiseSchedule(), trainingData.name());
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
        return isDigits() ? DiffusionData.digits(Digits.bundled()) : DiffusionData.toy(ToySet.byId(data), seed());
    }
}
