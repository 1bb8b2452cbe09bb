package org.diffusionlab.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.data.DiffusionData;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.eval.DigitClassifier;
import org.diffusionlab.core.io.Figures;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.DigitClassifierNet;
import org.diffusionlab.core.train.ClassifierTrainingSession;
import org.diffusionlab.core.train.TrainingEvent;
import org.diffusionlab.core.train.TrainingRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train-classifier", mixinStandardHelpOptions = true,
        description = "Train the digit classifier that judges diffusion samples (eval-ddpm) and save it.")
public final class TrainClassifierCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "8", description = "passes over the 9,000 training digits (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "digits per step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--channels", defaultValue = "16", description = "channels of the first convolution (default: ${DEFAULT-VALUE})")
    int channels;

    @Option(names = "--features", defaultValue = "128", description = "penultimate feature size (default: ${DEFAULT-VALUE})")
    int features;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, description = "the model file to write (.zip)")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (epochs < 1 || epochs > 1000 || batch < 1 || batch > 9000) {
            throw new IllegalArgumentException("--epochs must be 1..1000 and --batch 1..9000");
        }
        Digits digits = Digits.bundled();
        DiffusionData data = DiffusionData.digits(digits);
        int[] trainLabels = new int[digits.trainCount()];
        int[] heldOutLabels = new int[Digits.HELD_OUT];
        for (int i = 0; i < trainLabels.length; i++) {
            trainLabels[i] = digits.label(i);
        }
        for (int i = 0; i < heldOutLabels.length; i++) {
            heldOutLabels[i] = digits.label(digits.heldOutStart() + i);
        }
        DigitClassifier classifier = new DigitClassifier(new DigitClassifierNet(channels, features, seed));
        ClassifierTrainingSession session = new ClassifierTrainingSession(classifier, data, trainLabels, heldOutLabels,
                epochs, batch, learningRate, seed);
        ProgressBar bar = new ProgressBar(System.err, batch);
        TrainingEvent[] end = new TrainingEvent[1];
        TrainingRun run = new TrainingRun(session, event -> {
            bar.accept(event);
            if (event instanceof TrainingEvent.Finished || event instanceof TrainingEvent.Failed) {
                end[0] = event;
            }
        });
        run.run();
        TrainingOutcome.requireFinished(end[0], out);
        ObjectNode training = classifier.manifest().putObject("training");
        training.put("command", Reproduce.command(spec));
        training.put("seed", seed);
        training.put("epochs", epochs);
        training.put("batch", batch);
        training.put("learningRate", learningRate);
        training.put("seconds", Figures.round(((TrainingEvent.Finished) end[0]).seconds(), 0));
        ObjectNode metrics = classifier.manifest().putObject("metrics");
        session.lastEvaluation().forEach((metric, value) -> metrics.put(metric.heldOutKey(), value));
        classifier.write(out);
        System.err.println("wrote " + out + " (held-out accuracy " + session.lastEvaluation().get(Metric.ACCURACY) + ")");
        return 0;
    }
}
