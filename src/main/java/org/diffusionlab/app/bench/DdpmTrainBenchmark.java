package org.diffusionlab.app.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.diffusionlab.core.data.DiffusionData;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.Threads;
import org.diffusionlab.core.train.DiffusionRecipe;
import org.diffusionlab.core.train.DiffusionTrainingConfig;
import org.diffusionlab.core.train.DiffusionTrainingSession;

/** Training throughput of the bundled U-Net's architecture: L_simple steps at batch 128 on the digits, all cores. */
public final class DdpmTrainBenchmark implements Benchmark {
    private static final int BATCH = 128;
    private static final int WARMUP = 3;
    private static final int STEPS = 12;

    @Override
    public String name() {
        return "ddpm_train";
    }

    @Override
    public Map<String, Object> run() throws Exception {
        DiffusionModel bundled = BundledDigitModel.load();
        DiffusionModel model = new DiffusionModel(bundled.denoiser().spec().build(1), bundled.schedule(), DiffusionModel.DIGITS);
        DiffusionTrainingConfig config = DiffusionRecipe.defaults(DiffusionModel.DIGITS, 1).withTraining(c -> c.withEpochs(1)
                .withBatchSize(BATCH).withWarmupSteps(10).withEmaDecay(0.999).withThreads(Threads.available())
                .withEvaluateEvery(1_000_000).withReportEvery(1_000_000).withEvalSamples(64).withElboDraws(1)
                .withPreviewSamples(0).withPreviewSteps(1)).config();
        DiffusionTrainingSession session = new DiffusionTrainingSession(model, DiffusionData.digits(Digits.bundled()), config);
        for (int step = 1; step <= WARMUP; step++) {
            session.step(1, step);
        }
        long start = System.nanoTime();
        for (int step = WARMUP + 1; step <= WARMUP + STEPS; step++) {
            session.step(1, step);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("unit", "samples_per_s");
        figures.put("samples_per_s", Timing.round(STEPS * BATCH / seconds));
        figures.put("batch", BATCH);
        figures.put("steps", STEPS);
        figures.put(Metric.THREADS.key(), Threads.available());
        figures.put("parameters", model.denoiser().parameterCount());
        figures.put("model", BundledDigitModel.source());
        return figures;
    }
}
