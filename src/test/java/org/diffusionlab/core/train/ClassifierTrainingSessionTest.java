package org.diffusionlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.diffusionlab.core.data.DiffusionData;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.eval.DigitClassifier;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.DigitClassifierNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTrainingSessionTest {
    @TempDir
    Path directory;

    @Test
    void oneEpochLearnsTheDigitsAndTheFileReadsBack() throws Exception {
        Digits digits = Digits.bundled();
        DiffusionData data = DiffusionData.digits(digits);
        int[] train = new int[digits.trainCount()];
        int[] heldOut = new int[Digits.HELD_OUT];
        for (int i = 0; i < train.length; i++) {
            train[i] = digits.label(i);
        }
        for (int i = 0; i < heldOut.length; i++) {
            heldOut[i] = digits.label(digits.heldOutStart() + i);
        }
        DigitClassifier classifier = new DigitClassifier(new DigitClassifierNet(8, 32, 1));
        ClassifierTrainingSession session = new ClassifierTrainingSession(classifier, data, train, heldOut, 1, 64, 2e-3, 1);
        List<TrainingEvent> events = new ArrayList<>();
        new TrainingRun(session, events::add).run();
        assertTrue(session.lastEvaluation().get(Metric.ACCURACY) > 0.85, session.lastEvaluation().toString());

        Path file = directory.resolve("c.zip");
        classifier.write(file);
        DigitClassifier again = DigitClassifier.read(file);
        float[] images = Arrays.copyOf(data.heldOut(), 5 * 784);
        assertArrayEquals(classifier.classify(images, 5).probabilities(), again.classify(images, 5).probabilities(), 1e-6f);
    }

    @Test
    void shiftMovesTheImageAndFillsWithBackground() {
        float[] source = new float[784];
        Arrays.fill(source, -1f);
        source[10 * 28 + 10] = 1f;
        float[] target = new float[784];
        ClassifierTrainingSession.shift(source, 0, target, 0, 2, -1);
        assertEquals(1f, target[9 * 28 + 12]);
        assertEquals(-1f, target[10 * 28 + 10]);
    }
}
