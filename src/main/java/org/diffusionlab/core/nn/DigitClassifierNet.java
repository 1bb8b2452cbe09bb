package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A small convolutional digit classifier for 28×28 images in [−1, 1]:
 * conv 3×3 1→c, ReLU; conv 3×3 stride 2 c→2c, ReLU (14×14); conv 3×3 stride 2 2c→4c, ReLU (7×7);
 * Linear 4c·49→{@code features}, ReLU (the penultimate features used for the Fréchet distance); Linear →10 logits.
 */
public final class DigitClassifierNet {
    public static final int CLASSES = 10;

    private final int channels;
    private final int features;
    private final ParameterSet parameters;
    private final Conv2d conv1;
    private final Relu relu1 = new Relu();
    private final Conv2d conv2;
    private final Relu relu2 = new Relu();
    private final Conv2d conv3;
    private final Relu relu3 = new Relu();
    private final Linear hidden;
    private final Relu relu4 = new Relu();
    private final Linear logits;
    private long[] flattenedShape;

    public DigitClassifierNet(int channels, int features, long seed) {
        this.channels = channels;
        this.features = features;
        this.parameters = new ParameterSet(seed);
        conv1 = new Conv2d(parameters, "conv1", 1, channels, 3, 1);
        conv2 = new Conv2d(parameters, "conv2", channels, 2 * channels, 3, 2);
        conv3 = new Conv2d(parameters, "conv3", 2 * channels, 4 * channels, 3, 2);
        hidden = new Linear(parameters, "hidden", 4 * channels * 49, features);
        logits = new Linear(parameters, "logits", features, CLASSES);
        parameters.seal();
    }

    /** The weights a net of this size holds, known without building it. */
    public static long parameterCount(int channels, int features) {
        long c = channels;
        return 9 * c + c + 18 * c * c + 2 * c + 72 * c * c + 4 * c + (196 * c + 1) * features + (features + 1L) * CLASSES;
    }

    public int channels() {
        return channels;
    }

    public int features() {
        return features;
    }

    public ParameterSet parameters() {
        return parameters;
    }

    /** [B, features] penultimate activations for images [B, 1, 28, 28]; in the caller's workspace. */
    INDArray features(INDArray images) {
        INDArray h = relu3.forward(conv3.forward(relu2.forward(conv2.forward(relu1.forward(conv1.forward(images))))));
        flattenedShape = h.shape();
        return relu4.forward(hidden.forward(h.reshape('c', h.size(0), h.length() / h.size(0))));
    }

    /** Logits [B, 10] for images [B, 1, 28, 28]; keeps what {@link #backward} needs. */
    public INDArray trainingForward(INDArray images) {
        return logits.forward(features(images));
    }

    /** Back-propagates dL/dlogits into the parameters' gradients. */
    public void trainingBackward(INDArray gradLogits) {
        INDArray g = hidden.backward(relu4.backward(logits.backward(gradLogits)));
        g = g.reshape('c', flattenedShape);
        conv1.backward(relu1.backward(conv2.backward(relu2.backward(conv3.backward(relu3.backward(g))))));
    }

    /** Class probabilities (softmax of the logits) and penultimate features, detached. */
    public Output classify(INDArray images) {
        try (var ignored = Workspaces.open("classifier-" + images.size(0))) {
            INDArray f = features(images);
            INDArray p = Transforms.softmax(logits.forward(f), true);
            return new Output(p.detach(), f.detach());
        }
    }

    public record Output(INDArray probabilities, INDArray features) {
    }
}
