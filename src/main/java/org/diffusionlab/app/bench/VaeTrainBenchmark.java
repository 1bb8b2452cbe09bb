package org.diffusionlab.app.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.NativeThreads;
import org.diffusionlab.core.train.VaeTrainingSession;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.core.vae.VaeDataset;
import org.diffusionlab.core.vae.VaeTrainingConfig;

/** VAE training throughput: 784-400-20, batch 128, Adam 1e-3, on the 9,000 training digits (steps only, no evaluation). */
public final class VaeTrainBenchmark implements Benchmark {
    private static final int WARMUP_EPOCHS = 2;
    private static final int TIMED_EPOCHS = 5;

    @Override
    public String name() {
        return "vae_train";
    }

    @Override
    public Map<String, Object> run() throws Exception {
        VaeTrainingConfig config = new VaeTrainingConfig(VaeArchitecture.digits(List.of(400), 20), 1.0, 1e-3, 128,
                WARMUP_EPOCHS + TIMED_EPOCHS, 1);
        VaeTrainingSession session = new VaeTrainingSession(config, VaeDataset.digits(Digits.bundled()));
        int perEpoch = session.stepsPerEpoch();
        long step = 0;
        for (int epoch = 1; epoch <= WARMUP_EPOCHS; epoch++) {
            for (int i = 0; i < perEpoch; i++) {
                session.step(epoch, ++step);
                session.keepLastGood();
            }
        }
        double[] stepMillis = new double[TIMED_EPOCHS * perEpoch];
        long start = System.nanoTime();
        int n = 0;
        for (int epoch = WARMUP_EPOCHS + 1; epoch <= WARMUP_EPOCHS + TIMED_EPOCHS; epoch++) {
            for (int i = 0; i < perEpoch; i++) {
                long t = System.nanoTime();
                session.step(epoch, ++step);
                session.keepLastGood();
                stepMillis[n++] = (System.nanoTime() - t) / 1e6;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(stepMillis);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("unit", "samples_per_s");
        figures.put("samples_per_s", Math.round(n * (double) config.batchSize() / seconds));
        figures.put("step_ms_p50", Timing.round(stepMillis[n / 2]));
        figures.put("step_ms_p99", Timing.round(stepMillis[(int) Math.ceil(n * 0.99) - 1]));
        figures.put("steps", n);
        figures.put("architecture", config.architecture().describe());
        figures.put("batch", config.batchSize());
        figures.put(Metric.THREADS.key(), NativeThreads.describe());
        return figures;
    }
}
