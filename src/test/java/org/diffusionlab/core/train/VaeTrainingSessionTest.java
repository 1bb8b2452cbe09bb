package org.diffusionlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.data.Picture;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.vae.MlpVae;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.core.vae.VaeDataset;
import org.diffusionlab.core.vae.VaeTrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VaeTrainingSessionTest {
    private static VaeDataset small;

    @BeforeAll
    static void loadDigits() throws BadInputException {
        small = VaeDataset.digits(Digits.bundled(), 256, 100);
    }

    private static VaeTrainingConfig config(int epochs, long seed) {
        return new VaeTrainingConfig(VaeArchitecture.digits(List.of(64), 8), 1.0, 3e-3, 32, epochs, seed);
    }

    private static List<TrainingEvent> runToEnd(VaeTrainingSession session) {
        List<TrainingEvent> events = new ArrayList<>();
        new TrainingRun(session, events::add).run();
        return events;
    }

    private static List<Double> stepValues(List<TrainingEvent> events, Metric key) {
        return events.stream().filter(e -> e instanceof TrainingEvent.Step).map(e -> ((TrainingEvent.Step) e).values().get(key))
                .toList();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Test
    void lossFallsOnASmallSubsetWithinAFewHundredSteps() {
        VaeTrainingSession session = new VaeTrainingSession(config(40, 1), small);   // 8 steps an epoch: 320 steps
        List<TrainingEvent> events = runToEnd(session);
        List<Double> loss = stepValues(events, Metric.LOSS);
        assertEquals(320, loss.size());
        assertTrue(loss.get(0) > 500, "an untrained decoder costs about 784·ln 2 ≈ 543 nats, got " + loss.get(0));
        double first = mean(loss.subList(0, 10));
        double last = mean(loss.subList(310, 320));
        assertTrue(last < 0.5 * first, "loss fell only from " + first + " to " + last);
        List<TrainingEvent.Evaluation> evaluations = events.stream().filter(e -> e instanceof TrainingEvent.Evaluation)
                .map(e -> (TrainingEvent.Evaluation) e).toList();
        assertEquals(40, evaluations.size());
        double heldOutFirst = evaluations.get(0).values().get(Metric.NEG_ELBO);
        double heldOutLast = evaluations.get(39).values().get(Metric.NEG_ELBO);
        assertTrue(heldOutLast < heldOutFirst - 50, "held-out −ELBO went from " + heldOutFirst + " to " + heldOutLast);
        assertInstanceOf(TrainingEvent.Finished.class, events.get(events.size() - 1));
    }

    @Test
    void stepAndEpochEventsCarryTheElboTermsAndPictures() {
        VaeTrainingSession session = new VaeTrainingSession(config(1, 1), small);
        List<TrainingEvent> events = runToEnd(session);
        TrainingEvent.Step step = (TrainingEvent.Step) events.stream().filter(e -> e instanceof TrainingEvent.Step).findFirst()
                .orElseThrow();
        var v = step.values();
        assertEquals(v.get(Metric.RECON) + v.get(Metric.KL), v.get(Metric.NEG_ELBO), 1e-9);
        assertEquals(v.get(Metric.RECON) + 1.0 * v.get(Metric.KL), v.get(Metric.LOSS), 1e-9);
        TrainingEvent.Evaluation evaluation = (TrainingEvent.Evaluation) events.stream()
                .filter(e -> e instanceof TrainingEvent.Evaluation).findFirst().orElseThrow();
        assertEquals(session.lastHeldOut().asMap(), evaluation.values());
        List<String> titles = events.stream().filter(e -> e instanceof TrainingEvent.Pictures)
                .map(e -> ((TrainingEvent.Pictures) e).title()).toList();
        assertEquals(List.of("originals", "reconstructions", "samples"), titles);
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Pictures pictures) {
                assertEquals(8, pictures.pictures().size());
                for (Picture picture : pictures.pictures()) {
                    assertEquals(28, picture.width());
                    for (float value : picture.values()) {
                        assertTrue(value >= 0 && value <= 1);
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedGivesIdenticalWeightsAndCurves() {
        VaeTrainingSession a = new VaeTrainingSession(config(2, 42), small);
        VaeTrainingSession b = new VaeTrainingSession(config(2, 42), small);
        VaeTrainingSession c = new VaeTrainingSession(config(2, 43), small);
        List<Double> curveA = stepValues(runToEnd(a), Metric.LOSS);
        List<Double> curveB = stepValues(runToEnd(b), Metric.LOSS);
        List<Double> curveC = stepValues(runToEnd(c), Metric.LOSS);
        assertEquals(curveA, curveB);
        assertArrayEquals(a.model().parameters().toFloatArray(), b.model().parameters().toFloatArray());
        assertEquals(a.lastHeldOut(), b.lastHeldOut());
        assertFalse(curveA.equals(curveC));
        assertFalse(Arrays.equals(a.model().parameters().toFloatArray(), c.model().parameters().toFloatArray()));
    }

    @Test
    void restoreLastGoodPutsBackTheWeightsThatProducedTheLatestFiniteLoss() {
        VaeTrainingSession session = new VaeTrainingSession(config(1, 1), small);
        float[] initial = session.model().parameters().toFloatArray();
        session.keepLastGood();
        session.step(1, 1);
        session.keepLastGood();
        float[] afterOne = session.model().parameters().toFloatArray();
        assertFalse(Arrays.equals(initial, afterOne), "a step must change the weights");
        session.restoreLastGood();
        assertArrayEquals(initial, session.model().parameters().toFloatArray());
    }

    @Test
    void anAbsurdLearningRateEndsWithFailedAndKeepsTheLastGoodWeights() {
        VaeTrainingSession session = new VaeTrainingSession(config(3, 1).withLearningRate(100), small);
        List<float[]> weightsAfterStep = new ArrayList<>();   // index k: the weights after step k (0 = initial)
        List<TrainingEvent> events = new ArrayList<>();
        new TrainingRun(session, event -> {
            events.add(event);
            if (event instanceof TrainingEvent.Started || event instanceof TrainingEvent.Step) {
                weightsAfterStep.add(session.model().parameters().toFloatArray());
            }
        }).run();
        TrainingEvent.Failed failed = assertInstanceOf(TrainingEvent.Failed.class, events.get(events.size() - 1));
        assertTrue(failed.message().contains("not a finite number"), failed.message());
        int f = (int) failed.step();
        assertTrue(f >= 2 && f < 24, "expected the loss to blow up within a few steps, failed at " + f);
        // step f computed a non-finite loss from the weights after step f − 1; the weights after step f − 2
        // produced the latest finite loss (at step f − 1), and they are what the model holds now
        MlpVae model = session.model();
        assertArrayEquals(weightsAfterStep.get(f - 2), model.parameters().toFloatArray());
        assertTrue(model.parameters().allFinite());
        assertTrue(Double.isFinite(model.evaluate(Arrays.copyOf(small.heldOut(), 16)).negElboNats()));
    }

    @Test
    void pauseAndStopTakeEffectWithinOneStep() throws InterruptedException {
        VaeTrainingSession session = new VaeTrainingSession(config(1000, 1), small);
        AtomicLong steps = new AtomicLong();
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        TrainingRun run = new TrainingRun(session, event -> {
            events.add(event);
            if (event instanceof TrainingEvent.Step) {
                steps.incrementAndGet();
            }
        });
        run.start();
        waitFor(() -> steps.get() >= 5);
        run.pause();
        long atPause = steps.get();
        Thread.sleep(300);
        long afterWait = steps.get();
        assertTrue(afterWait <= atPause + 1, "paused at " + atPause + " but " + afterWait + " steps ran");
        Thread.sleep(200);
        assertEquals(afterWait, steps.get(), "steps ran while paused");
        assertTrue(run.isPaused() && run.isRunning());

        run.resume();
        waitFor(() -> steps.get() >= afterWait + 5);
        run.stop();
        long atStop = steps.get();
        run.join();
        assertTrue(steps.get() <= atStop + 1, "stopped at " + atStop + " but " + steps.get() + " steps ran");
        TrainingEvent.Finished finished = assertInstanceOf(TrainingEvent.Finished.class, events.get(events.size() - 1));
        assertTrue(finished.stoppedEarly());
        assertFalse(run.isRunning());
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(2);
        }
    }
}
