package org.diffusionlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.diffusionlab.core.data.DiffusionData;
import org.diffusionlab.core.data.ToySet;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.DenoiserSpec;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.junit.jupiter.api.Test;

class DiffusionTrainingSessionTest {

    @Test
    void aToyModelLearnsAndReportsEveryKindOfEvent() {
        DiffusionModel model = new DiffusionModel(new DenoiserSpec.MlpSpec(2, 64, 2, 16, 0).build(1), NoiseSchedule.linear(200), "8-gaussians");
        DiffusionTrainingConfig config = DiffusionTrainingConfig.toy(7).withEpochs(8).withBatchSize(128).withLearningRate(3e-3).withWarmupSteps(20)
                .withEmaDecay(0.99).withEvaluateEvery(200).withLossBuckets(10).withEvalSamples(300).withElboDraws(4)
                .withPreviewSamples(100).withPreviewSteps(10);
        DiffusionTrainingSession session = new DiffusionTrainingSession(model, DiffusionData.toy(ToySet.EIGHT_GAUSSIANS, 7), config);
        List<TrainingEvent> events = new ArrayList<>();
        new TrainingRun(session, events::add).run();

        assertInstanceOf(TrainingEvent.Finished.class, events.get(events.size() - 1));
        List<Double> losses = events.stream().filter(TrainingEvent.Step.class::isInstance)
                .map(e -> ((TrainingEvent.Step) e).values().get(Metric.LOSS)).toList();
        assertEquals(8 * 62, losses.size());
        double first = mean(losses.subList(0, 20));
        double last = mean(losses.subList(losses.size() - 50, losses.size()));
        assertTrue(last < 0.6 * first, "L_simple falls: " + first + " → " + last);

        List<TrainingEvent.Evaluation> evaluations = events.stream().filter(TrainingEvent.Evaluation.class::isInstance)
                .map(TrainingEvent.Evaluation.class::cast).toList();
        assertEquals(List.of(0L, 200L, 400L, 496L), evaluations.stream().map(TrainingEvent.Evaluation::step).toList());
        var before = evaluations.get(0).values();
        var after = evaluations.get(evaluations.size() - 1).values();
        assertTrue(after.keySet().containsAll(List.of(Metric.LOSS, Metric.ELBO_RECON, Metric.ELBO_PRIOR,
                Metric.ELBO_DENOISING, Metric.NEG_ELBO, Metric.NEG_ELBO_BITS)));
        assertEquals(after.get(Metric.NEG_ELBO), after.get(Metric.ELBO_RECON) + after.get(Metric.ELBO_PRIOR)
                + after.get(Metric.ELBO_DENOISING), 1e-9);
        assertTrue(after.get(Metric.NEG_ELBO) < before.get(Metric.NEG_ELBO) - 1, "the held-out −ELBO improves");

        List<TrainingEvent.LossByTime> heat = events.stream().filter(TrainingEvent.LossByTime.class::isInstance)
                .map(TrainingEvent.LossByTime.class::cast).toList();
        assertEquals(10, heat.size());
        assertEquals(10, heat.get(0).bucketLoss().length);
        TrainingEvent.Points points = events.stream().filter(TrainingEvent.Points.class::isInstance)
                .map(TrainingEvent.Points.class::cast).reduce((a, b) -> b).orElseThrow();
        assertEquals(200, points.coordinates().length);
        assertEquals(2, points.dimensions());
    }

    @Test
    void learningRateWarmsUpThenDecaysToATenth() {
        DiffusionModel model = new DiffusionModel(new DenoiserSpec.MlpSpec(2, 8, 1, 8, 0).build(1), NoiseSchedule.linear(100), "two-moons");
        DiffusionTrainingConfig config = DiffusionTrainingConfig.toy(1).withEpochs(10);
        DiffusionTrainingSession session = new DiffusionTrainingSession(model, DiffusionData.toy(ToySet.TWO_MOONS, 1), config);
        assertEquals(config.learningRate() / 100, session.learningRate(1), 1e-12);
        assertEquals(config.learningRate(), session.learningRate(100), 1e-12);
        assertEquals(config.learningRate() / 10, session.learningRate(10L * session.stepsPerEpoch()), 1e-9);
        assertFalse(session.learningRate(200) > config.learningRate());
    }

    @Test
    void p2WeightIsOneMinusAlphaBarToTheGammaAndTheModelStillLearns() {
        NoiseSchedule schedule = NoiseSchedule.linear(1000);
        DiffusionModel model = new DiffusionModel(new DenoiserSpec.MlpSpec(2, 64, 2, 16, 0).build(1), schedule, "8-gaussians");
        DiffusionTrainingConfig config = DiffusionTrainingConfig.toy(7).withEpochs(8).withBatchSize(128).withLearningRate(3e-3).withWarmupSteps(20)
                .withEmaDecay(0.99).withP2Gamma(1.5).withEvaluateEvery(200).withLossBuckets(10).withEvalSamples(300).withElboDraws(4)
                .withPreviewSamples(100).withPreviewSteps(10);
        DiffusionTrainingSession session = new DiffusionTrainingSession(model, DiffusionData.toy(ToySet.EIGHT_GAUSSIANS, 7), config);
        for (int t : new int[] {1, 20, 300, 1000}) {
            assertEquals(Math.pow(1 - schedule.alphaBar(t), 1.5), session.lossWeight(t), 1e-12, "λ_" + t);
        }
        assertTrue(session.lossWeight(1) < 1e-5 && session.lossWeight(1000) > 0.99, "the last steps count least");

        List<Double> losses = new ArrayList<>();
        new TrainingRun(session, e -> {
            if (e instanceof TrainingEvent.Step step) {
                losses.add(step.values().get(Metric.LOSS));
            }
        }).run();
        double first = mean(losses.subList(0, 20));
        double last = mean(losses.subList(losses.size() - 50, losses.size()));
        assertTrue(last < 0.6 * first, "L_simple falls under the P2 weighting too: " + first + " → " + last);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
