package org.diffusionlab.core.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.io.ModelArchive;
import org.diffusionlab.core.io.NpyArray;
import org.diffusionlab.core.nn.DigitClassifierNet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The digit classifier that judges samples: its file (kind {@value #KIND}) and batched classification of
 * images in [−1, 1]. Not thread-safe: one worker thread owns it.
 */
public final class DigitClassifier {
    public static final String KIND = "classifier";
    public static final String ARCHITECTURE = "convnet";

    private final DigitClassifierNet net;
    private final ObjectNode manifest;

    public DigitClassifier(DigitClassifierNet net) {
        this(net, ModelArchive.newManifest(KIND));
    }

    private DigitClassifier(DigitClassifierNet net, ObjectNode manifest) {
        this.net = net;
        this.manifest = manifest;
        ObjectNode architecture = manifest.putObject("architecture");
        architecture.put("name", ARCHITECTURE);
        architecture.put("channels", net.channels());
        architecture.put("features", net.features());
        manifest.putObject("data").put("set", "digits");
    }

    public DigitClassifierNet net() {
        return net;
    }

    public ObjectNode manifest() {
        return manifest;
    }

    /** Probabilities and penultimate features for {@code count} images of 784 values in [−1, 1], in batches. */
    public Result classify(float[] images, int count) {
        int d = 28 * 28;
        if (images.length != count * d) {
            throw new IllegalArgumentException("expected " + count + " images of 784 pixels, got " + images.length + " values");
        }
        float[] probabilities = new float[count * DigitClassifierNet.CLASSES];
        float[] features = new float[count * net.features()];
        int batch = 250;
        for (int from = 0; from < count; from += batch) {
            int n = Math.min(batch, count - from);
            float[] slice = Arrays.copyOfRange(images, from * d, (from + n) * d);
            DigitClassifierNet.Output out = net.classify(Nd4j.create(slice, new long[] {n, 1, 28, 28}, 'c'));
            System.arraycopy(out.probabilities().data().asFloat(), 0, probabilities, from * DigitClassifierNet.CLASSES,
                    n * DigitClassifierNet.CLASSES);
            System.arraycopy(out.features().data().asFloat(), 0, features, from * net.features(), n * net.features());
        }
        return new Result(count, probabilities, features, net.features());
    }

    /** Per image: 10 class probabilities and the penultimate features, one image after another. */
    public record Result(int count, float[] probabilities, float[] features, int featureSize) {
        public int predicted(int i) {
            int best = 0;
            for (int k = 1; k < DigitClassifierNet.CLASSES; k++) {
                if (probabilities[i * DigitClassifierNet.CLASSES + k] > probabilities[i * DigitClassifierNet.CLASSES + best]) {
                    best = k;
                }
            }
            return best;
        }

        public float confidence(int i) {
            return probabilities[i * DigitClassifierNet.CLASSES + predicted(i)];
        }

        /** Features as rows [count][featureSize] in double, for statistics. */
        public double[][] featureRows() {
            double[][] rows = new double[count][featureSize];
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < featureSize; j++) {
                    rows[i][j] = features[i * featureSize + j];
                }
            }
            return rows;
        }
    }

    public void write(Path file) throws IOException {
        new ModelArchive(file.getFileName().toString(), manifest, net.parameters().toArrays()).write(file);
    }

    public static DigitClassifier read(Path file) throws BadInputException {
        ModelArchive archive = ModelArchive.read(file).requireKind(KIND);
        String name = archive.field("architecture.name").asText();
        if (!ARCHITECTURE.equals(name)) {
            throw new BadInputException(archive.name() + ": unknown classifier architecture '" + name + "'");
        }
        int channels = archive.intField("architecture.channels", 1, 256);
        int features = archive.intField("architecture.features", 1, 4096);
        archive.requirePlausibleWeightCount(DigitClassifierNet.parameterCount(channels, features));
        DigitClassifierNet net = new DigitClassifierNet(channels, features, 0);
        Map<String, NpyArray> weights = archive.weights(net.parameters().shapes());
        net.parameters().load(weights);
        return new DigitClassifier(net, archive.manifest().deepCopy());
    }
}
