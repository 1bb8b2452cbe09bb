package org.diffusionlab.core.vae;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.io.Figures;
import org.diffusionlab.core.io.ModelArchive;
import org.diffusionlab.core.io.NpyArray;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.Adam;
import org.diffusionlab.core.nn.Dense;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * VAE model files ({@code kind: "vae"}): the manifest records the architecture, the hyperparameters, the data
 * and split, how it was trained (the exact command, seed, epochs, seconds) and the held-out metrics; each layer
 * is stored as {@code <layer>.weight} [inputs, outputs] and {@code <layer>.bias} [outputs], so that in NumPy
 * {@code y = x @ W + b}. Reading checks every field and every shape against the architecture before any
 * array reaches ND4J.
 */
public final class VaeFile {
    public static final String KIND = "vae";
    public static final String ARCHITECTURE_TYPE = "mlp-vae";

    /** How a model was made. */
    public record Training(VaeTrainingConfig config, String command, String dataName, String dataSplit, double seconds,
            ElboTerms heldOut) {
    }

    /** A model read from a file, with what its manifest says about it. */
    public record Loaded(String fileName, MlpVae vae, String command, ElboTerms heldOut, ObjectNode manifest) {
        /** One line for a status bar, e.g. "vae-mnist-z16.zip: VAE 784-400-16, held-out −ELBO 104.2 nats". */
        public String summary() {
            String metrics = heldOut == null ? "" : String.format(Locale.ROOT, ", held-out −ELBO %.1f nats",
                    heldOut.negElboNats());
            return fileName + ": VAE " + vae.architecture().describe() + metrics;
        }
    }

    private VaeFile() {
    }

    public static void write(Path target, MlpVae vae, Training training) throws IOException {
        VaeArchitecture architecture = vae.architecture();
        ObjectNode manifest = ModelArchive.newManifest(KIND);
        ObjectNode arch = manifest.putObject("architecture");
        arch.put("type", ARCHITECTURE_TYPE);
        arch.put("width", architecture.width());
        arch.put("height", architecture.height());
        arch.put("channels", 1);
        arch.put("inputSize", architecture.inputSize());
        ArrayNode hidden = arch.putArray("hidden");
        architecture.hidden().forEach(hidden::add);
        arch.put("latent", architecture.latent());
        arch.put("activation", "relu");
        arch.put("likelihood", "bernoulli-logits");
        arch.put("layout", "y = x @ W + b per layer, W stored as [inputs, outputs]; the decoder mirrors the encoder's hidden sizes");

        VaeTrainingConfig config = training.config();
        ObjectNode hyper = manifest.putObject("hyperparameters");
        hyper.put("beta", config.beta());
        hyper.put("learningRate", config.learningRate());
        hyper.put("batchSize", config.batchSize());
        hyper.put("optimizer", "adam");
        hyper.put("adamBeta1", Adam.DEFAULT_BETA1);
        hyper.put("adamBeta2", Adam.DEFAULT_BETA2);
        hyper.put("adamEpsilon", Adam.DEFAULT_EPSILON);
        hyper.put("epochs", config.epochs());
        hyper.put("seed", config.seed());

        ObjectNode data = manifest.putObject("data");
        data.put("name", training.dataName());
        data.put("split", training.dataSplit());

        ObjectNode made = manifest.putObject("training");
        made.put("command", training.command());
        made.put("seed", config.seed());
        made.put("epochs", config.epochs());
        made.put("seconds", Figures.round(training.seconds(), 1));

        if (training.heldOut() != null) {
            ObjectNode metrics = manifest.putObject("metrics");
            metrics.put(Metric.NEG_ELBO.heldOutKey(), round(training.heldOut().negElboNats()));
            metrics.put(Metric.RECON.heldOutKey(), round(training.heldOut().reconstructionNats()));
            metrics.put(Metric.KL.heldOutKey(), round(training.heldOut().klNats()));
            metrics.put("unit", "nats per image, summed over the " + architecture.inputSize() + " pixels");
            metrics.put("estimator", "mean over the held-out images; reconstruction from one z ~ q(z|x) per image, noise seed "
                    + Vae.EVALUATION_SEED);
        }

        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (Dense layer : vae.parameters().layers()) {
            arrays.put(layer.name() + ".weight", new NpyArray(new long[] {layer.inputs(), layer.outputs()},
                    layer.weight().toFloatArray()));
            arrays.put(layer.name() + ".bias", new NpyArray(new long[] {layer.outputs()}, layer.bias().toFloatArray()));
        }
        new ModelArchive(target.getFileName().toString(), manifest, arrays).write(target);
    }

    private static double round(double value) {
        return Figures.round(value, 3);
    }

    public static Loaded read(Path file) throws BadInputException {
        ModelArchive archive = ModelArchive.read(file).requireKind(KIND);
        VaeArchitecture architecture = architecture(archive);
        archive.requirePlausibleWeightCount(architecture.parameterCount());
        VaeParameters parameters = VaeParameters.zeros(architecture, DataType.FLOAT);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Dense layer : parameters.layers()) {
            shapes.put(layer.name() + ".weight", new long[] {layer.inputs(), layer.outputs()});
            shapes.put(layer.name() + ".bias", new long[] {layer.outputs()});
        }
        Map<String, NpyArray> weights = archive.weights(shapes);
        List<float[]> values = new ArrayList<>();
        for (Dense layer : parameters.layers()) {
            values.add(weights.get(layer.name() + ".weight").data());
            values.add(weights.get(layer.name() + ".bias").data());
        }
        // every shape is checked: only now does anything reach native memory
        for (int i = 0; i < parameters.layers().size(); i++) {
            Dense layer = parameters.layers().get(i);
            layer.weight().write(values.get(2 * i), 0, 0, values.get(2 * i).length);
            layer.bias().write(values.get(2 * i + 1), 0, 0, values.get(2 * i + 1).length);
        }
        JsonNode command = archive.manifest().at("/training/command");
        return new Loaded(archive.name(), new MlpVae(parameters), command.isTextual() ? command.asText() : null,
                metrics(archive), archive.manifest());
    }

    private static VaeArchitecture architecture(ModelArchive archive) throws BadInputException {
        JsonNode type = archive.manifest().at("/architecture/type");
        if (!type.isMissingNode() && !ARCHITECTURE_TYPE.equals(type.asText())) {
            throw new BadInputException(archive.name() + ": a VAE of type " + type + ", which this version does not know"
                    + " (it reads \"" + ARCHITECTURE_TYPE + "\")");
        }
        int width = archive.intField("architecture.width", 1, VaeArchitecture.MAX_SIDE);
        int height = archive.intField("architecture.height", 1, VaeArchitecture.MAX_SIDE);
        JsonNode channels = archive.manifest().at("/architecture/channels");
        if (!channels.isMissingNode() && channels.asInt() != 1) {
            throw new BadInputException(archive.name() + ": this VAE has " + channels + " colour channels; only grey (1) is supported");
        }
        JsonNode inputSize = archive.manifest().at("/architecture/inputSize");
        if (!inputSize.isMissingNode() && inputSize.asInt() != width * height) {
            throw new BadInputException(archive.name() + ": the manifest's inputSize " + inputSize + " is not width × height = "
                    + width * height);
        }
        JsonNode hiddenNode = archive.field("architecture.hidden");
        if (!hiddenNode.isArray() || hiddenNode.isEmpty() || hiddenNode.size() > VaeArchitecture.MAX_HIDDEN_LAYERS) {
            throw new BadInputException(archive.name() + ": the manifest's 'architecture.hidden' is " + hiddenNode
                    + "; expected a list of 1 to " + VaeArchitecture.MAX_HIDDEN_LAYERS + " layer sizes");
        }
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < hiddenNode.size(); i++) {
            hidden.add(archive.intField("architecture.hidden." + i, 1, VaeArchitecture.MAX_HIDDEN_SIZE));
        }
        int latent = archive.intField("architecture.latent", VaeArchitecture.MIN_LATENT, VaeArchitecture.MAX_LATENT);
        return new VaeArchitecture(width, height, hidden, latent);
    }

    private static ElboTerms metrics(ModelArchive archive) {
        JsonNode recon = archive.manifest().at("/metrics/heldout_recon_nats");
        JsonNode kl = archive.manifest().at("/metrics/heldout_kl_nats");
        return recon.isNumber() && kl.isNumber() ? new ElboTerms(recon.doubleValue(), kl.doubleValue()) : null;
    }
}
