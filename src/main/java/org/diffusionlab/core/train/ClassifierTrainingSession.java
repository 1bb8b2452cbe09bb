package org.diffusionlab.core.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.diffusionlab.core.data.DiffusionData;
import org.diffusionlab.core.eval.DigitClassifier;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.DigitClassifierNet;
import org.diffusionlab.core.nn.ParameterSetAdam;
import org.diffusionlab.core.nn.Workspaces;
import org.diffusionlab.core.random.Permutation;
import org.diffusionlab.core.random.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Trains the {@link DigitClassifier} with softmax cross-entropy and Adam on the 9,000 training digits, each
 * shifted by up to two pixels at random (so it also judges samples that sit a little off centre).
 * Step values: {@code loss} (cross-entropy, nats), {@code accuracy} (of the batch). Evaluation after each epoch
 * on the 1,000 held-out digits: {@code heldout_loss}, {@code heldout_accuracy}.
 */
public final class ClassifierTrainingSession implements TrainingSession {
    private final DigitClassifier classifier;
    private final DiffusionData data;
    private final int[] trainLabels;
    private final int[] heldOutLabels;
    private final int epochs;
    private final int batch;
    private final double learningRate;
    private final long seed;
    private final ParameterSetAdam adam;
    private final INDArray lastGood;
    private int[] order;
    private int orderEpoch = -1;
    private Map<Metric, Double> lastEvaluation = Map.of();

    public ClassifierTrainingSession(DigitClassifier classifier, DiffusionData data, int[] trainLabels, int[] heldOutLabels,
                                     int epochs, int batch, double learningRate, long seed) {
        this.classifier = classifier;
        this.data = data;
        this.trainLabels = trainLabels;
        this.heldOutLabels = heldOutLabels;
        this.epochs = epochs;
        this.batch = batch;
        this.learningRate = learningRate;
        this.seed = seed;
        this.adam = new ParameterSetAdam(classifier.net().parameters());
        this.lastGood = classifier.net().parameters().values().dup();
    }

    @Override
    public int epochs() {
        return epochs;
    }

    @Override
    public int stepsPerEpoch() {
        return data.trainCount() / batch;
    }

    @Override
    public Map<Metric, Double> step(int epoch, long step) {
        int[] order = orderFor(epoch);
        int first = (int) ((step - 1) % stepsPerEpoch()) * batch;
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, 2, step));
        float[] images = new float[batch * 784];
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            int index = order[first + i];
            shift(data.train(), index * 784, images, i * 784, random.nextInt(5) - 2, random.nextInt(5) - 2);
            labels[i] = trainLabels[index];
        }
        double loss;
        double accuracy;
        try (var ignored = Workspaces.open("classifier-train")) {
            DigitClassifierNet net = classifier.net();
            INDArray logits = net.trainingForward(Nd4j.create(images, new long[] {batch, 1, 28, 28}, 'c'));
            INDArray probabilities = Transforms.softmax(logits, true);
            INDArray oneHot = oneHot(labels);
            loss = -Transforms.log(probabilities.add(1e-12), false).muli(oneHot).sumNumber().doubleValue() / batch;
            accuracy = accuracy(probabilities, labels);
            net.trainingBackward(probabilities.subi(oneHot).divi(batch));
        }
        try (var ignored = Workspaces.open("classifier-update")) {
            adam.step(learningRate);
        }
        Map<Metric, Double> values = new LinkedHashMap<>();
        values.put(Metric.LOSS, loss);
        values.put(Metric.ACCURACY, accuracy);
        return values;
    }

    /** Copies a 28×28 image shifted by (dx, dy), filling with the background value −1. */
    static void shift(float[] source, int from, float[] target, int to, int dx, int dy) {
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int sx = x - dx;
                int sy = y - dy;
                target[to + y * 28 + x] = sx < 0 || sy < 0 || sx >= 28 || sy >= 28 ? -1f : source[from + sy * 28 + sx];
            }
        }
    }

    private static INDArray oneHot(int[] labels) {
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, labels.length, DigitClassifierNet.CLASSES);
        for (int i = 0; i < labels.length; i++) {
            oneHot.putScalar(i, labels[i], 1.0);
        }
        return oneHot;
    }

    private static double accuracy(INDArray probabilities, int[] labels) {
        int[] predicted = probabilities.argMax(1).toIntVector();
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    private int[] orderFor(int epoch) {
        if (orderEpoch != epoch) {
            order = Permutation.shuffled(data.trainCount(), Seeds.derive(seed, 1, epoch));
            orderEpoch = epoch;
        }
        return order;
    }

    @Override
    public void endOfEpoch(int epoch, long step, Consumer<TrainingEvent> emit) {
        DigitClassifier.Result result = classifier.classify(data.heldOut(), data.heldOutCount());
        int correct = 0;
        double loss = 0;
        for (int i = 0; i < result.count(); i++) {
            if (result.predicted(i) == heldOutLabels[i]) {
                correct++;
            }
            loss -= Math.log(Math.max(1e-12, result.probabilities()[i * DigitClassifierNet.CLASSES + heldOutLabels[i]]));
        }
        Map<Metric, Double> values = new LinkedHashMap<>();
        values.put(Metric.LOSS, loss / result.count());
        values.put(Metric.ACCURACY, (double) correct / result.count());
        lastEvaluation = values;
        emit.accept(new TrainingEvent.Evaluation(epoch, step, values));
    }

    public Map<Metric, Double> lastEvaluation() {
        return lastEvaluation;
    }

    @Override
    public void keepLastGood() {
        lastGood.assign(classifier.net().parameters().values());
    }

    @Override
    public void restoreLastGood() {
        classifier.net().parameters().values().assign(lastGood);
    }
}
