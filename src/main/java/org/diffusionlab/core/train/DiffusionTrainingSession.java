package org.diffusionlab.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.diffusionlab.core.data.DiffusionData;
import org.diffusionlab.core.data.Picture;
import org.diffusionlab.core.diffusion.DiffusionElbo;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.diffusion.ForwardProcess;
import org.diffusionlab.core.diffusion.ReverseChain;
import org.diffusionlab.core.diffusion.Sampler;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.Denoiser;
import org.diffusionlab.core.nn.ParameterSetAdam;
import org.diffusionlab.core.nn.Threads;
import org.diffusionlab.core.nn.Workspaces;
import org.diffusionlab.core.random.Gaussian;
import org.diffusionlab.core.random.Permutation;
import org.diffusionlab.core.random.Seeds;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a diffusion model with L_simple = ‖ε − ε̂_θ(√ᾱ_t x₀ + √(1−ᾱ_t) ε, t)‖² (mean over pixels and batch) at
 * t uniform in 1..T (optionally weighted per t by P2's λ_t, {@link #lossWeight}), with Adam, warm-up and cosine
 * decay, global-norm clipping and an exponential moving average (EMA) of the weights. Training starts from the
 * weights the {@link DiffusionModel} passed in holds (fresh ones, or a saved model's to train it further); from then
 * on the model holds the EMA weights: it is what previews, the held-out evaluation and saving use; the raw weights
 * are trained in a private copy.
 * <p>Events (all on the training thread; see {@link TrainingEvent}):
 * <ul>
 * <li>{@code Step} values: {@link Metric#LOSS} (L_simple of the batch, per dimension, unweighted),
 *     {@link Metric#LEARNING_RATE}, {@link Metric#GRADIENT_NORM} (before clipping), {@link Metric#THREADS}.</li>
 * <li>{@code Evaluation} every {@code evaluateEvery} steps (from step 1) and after the last step, on the first
 *     {@code evalSamples} held-out samples with the EMA weights: {@link Metric#LOSS} (L_simple, one t per
 *     sample), and the ELBO terms in nats per sample, estimated without bias from {@code elboDraws} sampled t
 *     per sample — {@link Metric#ELBO_RECON} (−E log p(x₀|x₁)), {@link Metric#ELBO_PRIOR} (KL(q(x_T|x₀) ‖ N(0,I))),
 *     {@link Metric#ELBO_DENOISING} (Σ_{t=2..T} KL), {@link Metric#NEG_ELBO} (their sum) and
 *     {@link Metric#NEG_ELBO_BITS}. L_simple and −ELBO are different quantities; label them so.</li>
 * <li>{@code Pictures} "samples" (images) or {@code Points} "samples" (2-D) with each evaluation: DDIM samples
 *     (η = 0 for images, 1 for points) from a fixed seed, so the same noise is seen turning into data as training
 *     goes on.</li>
 * <li>{@code LossByTime} every {@code reportEvery} steps: mean L_simple per bucket of t since the last report
 *     (NaN for a bucket no sample fell in).</li>
 * </ul>
 */
public final class DiffusionTrainingSession implements TrainingSession {
    private final DiffusionModel model;
    private final DiffusionData data;
    private final DiffusionTrainingConfig config;
    private final Denoiser online;
    private final ParameterSetAdam adam;
    private final ForwardProcess forward;
    private final DiffusionElbo elbo;
    private final Threads.Tuner tuner;
    private final int stepsPerEpoch;
    private final double[] bucketSum;
    private final int[] bucketCount;
    private final INDArray[] lastGood;
    private final INDArray evalBatch;
    private int[] order;
    private int orderEpoch = -1;

    public DiffusionTrainingSession(DiffusionModel model, DiffusionData data, DiffusionTrainingConfig config) {
        if (model.dimensions() != data.dimensions()) {
            throw new IllegalArgumentException("the model takes samples of " + model.dimensions() + " numbers, the data has "
                    + data.dimensions());
        }
        model.thaw();
        this.model = model;
        this.data = data;
        this.config = config;
        this.online = model.denoiser().spec().build(config.seed());
        online.parameters().values().assign(model.denoiser().parameters().values());
        this.adam = new ParameterSetAdam(online.parameters());
        this.forward = new ForwardProcess(model.schedule());
        this.elbo = new DiffusionElbo(model.schedule(), data.discrete());
        model.applyThreadProfile();
        this.tuner = config.threads() == 0 ? new Threads.Tuner(300, 3) : null;
        if (config.threads() > 0) {
            Threads.set(config.threads());
        }
        this.stepsPerEpoch = Math.max(1, data.trainCount() / config.batchSize());
        this.bucketSum = new double[config.lossBuckets()];
        this.bucketCount = new int[config.lossBuckets()];
        this.lastGood = new INDArray[] {online.parameters().values().dup(), model.denoiser().parameters().values().dup(),
                adam.state()[0].dup(), adam.state()[1].dup()};
        int evalCount = Math.min(config.evalSamples(), data.heldOutCount());
        float[] evalValues = Arrays.copyOf(data.heldOut(), evalCount * data.dimensions());
        this.evalBatch = Nd4j.create(evalValues, model.batchShape(evalCount), 'c');
    }

    public DiffusionModel model() {
        return model;
    }

    public DiffusionTrainingConfig config() {
        return config;
    }

    @Override
    public int epochs() {
        return config.epochs();
    }

    @Override
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    private long totalSteps() {
        return (long) config.epochs() * stepsPerEpoch;
    }

    @Override
    public Map<Metric, Double> step(int epoch, long step) {
        if (tuner != null) {
            tuner.beforeStep();
        }
        long start = System.nanoTime();
        int batch = config.batchSize();
        int d = data.dimensions();
        float[] x0 = new float[batch * d];
        int[] order = orderFor(epoch);
        int first = (int) ((step - 1) % stepsPerEpoch) * batch;
        for (int i = 0; i < batch; i++) {
            System.arraycopy(data.train(), order[first + i] * d, x0, i * d, d);
        }
        SplittableRandom random = new SplittableRandom(Seeds.derive(config.seed(), 2, step));
        int[] t = new int[batch];
        for (int i = 0; i < batch; i++) {
            t[i] = 1 + random.nextInt(model.schedule().steps());
        }
        INDArray eps = Gaussian.sample(Seeds.derive(config.seed(), 3, step), model.batchShape(batch));
        double[] perSample;
        try (var ignored = Workspaces.open("diffusion-train")) {
            INDArray xt = forward.sampleXt(Nd4j.create(x0, model.batchShape(batch), 'c'), t, eps);
            INDArray error = online.trainingForward(xt, t).subi(eps);
            INDArray rows = error.reshape('c', batch, d);
            perSample = rows.mul(rows).mean(1).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).data().asDouble();
            INDArray gradient = config.p2Gamma() == 0 ? error : rows.mulColumnVector(lossWeights(t)).reshape('c', error.shape());
            online.trainingBackward(gradient.muli(2.0 / error.length()));
        }
        double loss = mean(perSample);
        if (!Double.isFinite(loss)) {
            return Map.of(Metric.LOSS, loss);
        }
        double gradientNorm = config.gradientClip() > 0 ? adam.clipGradientNorm(config.gradientClip())
                : online.parameters().gradients().norm2Number().doubleValue();
        double learningRate = learningRate(step);
        try (var ignored = Workspaces.open("diffusion-update")) {
            adam.step(learningRate);
            updateAverage(step);
        }
        for (int i = 0; i < batch; i++) {
            int bucket = (int) ((long) (t[i] - 1) * bucketSum.length / model.schedule().steps());
            bucketSum[bucket] += perSample[i];
            bucketCount[bucket]++;
        }
        if (tuner != null) {
            tuner.afterStep((System.nanoTime() - start) / 1e9);
        }
        Map<Metric, Double> values = new LinkedHashMap<>();
        values.put(Metric.LOSS, loss);
        values.put(Metric.LEARNING_RATE, learningRate);
        values.put(Metric.GRADIENT_NORM, gradientNorm);
        values.put(Metric.THREADS, (double) (tuner != null ? tuner.threads() : config.threads()));
        return values;
    }

    /** λ_t per sample of the batch, as a column. */
    private INDArray lossWeights(int[] t) {
        float[] weights = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            weights[i] = (float) lossWeight(t[i]);
        }
        return Nd4j.create(weights, new long[] {t.length, 1}, 'c');
    }

    /**
     * P2's λ_t = (1 + SNR_t)^−γ, which is (1 − ᾱ_t)^γ: about 1 where the noise hides the digit and near 0 for the
     * last steps, which only polish strokes (1 for every t when γ = 0, plain L_simple).
     */
    double lossWeight(int t) {
        return Math.pow(1 + model.schedule().snr(t), -config.p2Gamma());
    }

    /** Linear warm-up to the peak, then a half cosine down to a tenth of it at the last step. */
    double learningRate(long step) {
        double peak = config.learningRate();
        if (step <= config.warmupSteps()) {
            return peak * step / Math.max(1, config.warmupSteps());
        }
        double progress = (double) (step - config.warmupSteps()) / Math.max(1, totalSteps() - config.warmupSteps());
        return peak * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress))));
    }

    /** EMA: θ̄ ← d θ̄ + (1 − d) θ with d = min(decay, (1 + n)/(10 + n)), so early averages are not stuck at init. */
    private void updateAverage(long step) {
        INDArray average = model.denoiser().parameters().values();
        INDArray current = online.parameters().values();
        double decay = Math.min(config.emaDecay(), (1.0 + step) / (10.0 + step));
        if (config.emaDecay() == 0) {
            average.assign(current);
        } else {
            average.muli(decay).addi(current.mul(1 - decay));
        }
    }

    private int[] orderFor(int epoch) {
        if (orderEpoch != epoch) {
            order = Permutation.shuffled(data.trainCount(), Seeds.derive(config.seed(), 1, epoch));
            orderEpoch = epoch;
        }
        return order;
    }

    @Override
    public void beforeStep(int epoch, long step, Consumer<TrainingEvent> emit) {
        if (step > 1 && (step - 1) % config.reportEvery() == 0) {
            reportLossByTime(step - 1, emit);
        }
        if ((step - 1) % config.evaluateEvery() == 0) {
            evaluate(epoch, step - 1, emit);
        }
    }

    @Override
    public void endOfEpoch(int epoch, long step, Consumer<TrainingEvent> emit) {
        if (epoch == config.epochs()) {
            reportLossByTime(step, emit);
            evaluate(epoch, step, emit);
        }
    }

    private void reportLossByTime(long step, Consumer<TrainingEvent> emit) {
        double[] means = new double[bucketSum.length];
        for (int i = 0; i < means.length; i++) {
            means[i] = bucketCount[i] == 0 ? Double.NaN : bucketSum[i] / bucketCount[i];
        }
        Arrays.fill(bucketSum, 0);
        Arrays.fill(bucketCount, 0);
        emit.accept(new TrainingEvent.LossByTime(step, means));
    }

    /** Held-out L_simple and ELBO estimate with the EMA weights, plus preview samples. */
    public Map<Metric, Double> evaluate(int epoch, long step, Consumer<TrainingEvent> emit) {
        Map<Metric, Double> values = heldOutValues();
        emit.accept(new TrainingEvent.Evaluation(epoch, step, values));
        if (config.previewSamples() > 0) {
            // Deterministic DDIM for digits; stochastic (η = 1) for points, where the ODE sampler smears a young
            // model's errors between the arms of a spiral while fresh noise keeps the cloud sharp.
            double eta = model.isImage() ? 0 : 1;
            ReverseChain chain = ReverseChain.fromNoise(model, new Sampler.Ddim(config.previewSteps(), eta),
                    config.previewSamples(), Seeds.derive(config.seed(), 4));
            float[] samples = chain.finish().dup('c').data().asFloat();
            if (model.isImage()) {
                emit.accept(new TrainingEvent.Pictures(step, "samples", pictures(samples)));
            } else {
                emit.accept(new TrainingEvent.Points(step, "samples", model.dimensions(), samples));
            }
        }
        return values;
    }

    public Map<Metric, Double> heldOutValues() {
        long seed = Seeds.derive(config.seed(), 5);
        int n = (int) evalBatch.size(0);
        SplittableRandom random = new SplittableRandom(seed);
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1 + random.nextInt(model.schedule().steps());
        }
        INDArray eps = Gaussian.sample(Seeds.derive(seed, 1), evalBatch.shape());
        INDArray error = model.predictNoise(forward.sampleXt(evalBatch, t, eps), t).subi(eps);
        DiffusionElbo.Terms terms = elbo.estimate(model, evalBatch, config.elboDraws(), seed);
        Map<Metric, Double> values = new LinkedHashMap<>();
        values.put(Metric.LOSS, error.mul(error).meanNumber().doubleValue());
        values.put(Metric.ELBO_RECON, terms.reconstruction());
        values.put(Metric.ELBO_PRIOR, terms.prior());
        values.put(Metric.ELBO_DENOISING, terms.denoising());
        values.put(Metric.NEG_ELBO, terms.total());
        values.put(Metric.NEG_ELBO_BITS, terms.bitsPerDimension());
        return values;
    }

    private List<Picture> pictures(float[] samples) {
        int d = model.dimensions();
        long[] shape = model.sampleShape();
        List<Picture> pictures = new ArrayList<>();
        for (int i = 0; i < samples.length / d; i++) {
            float[] values = new float[d];
            for (int j = 0; j < d; j++) {
                values[j] = Math.min(1f, Math.max(0f, (samples[i * d + j] + 1) / 2));
            }
            pictures.add(new Picture((int) shape[2], (int) shape[1], (int) shape[0], values));
        }
        return pictures;
    }

    @Override
    public void keepLastGood() {
        lastGood[0].assign(online.parameters().values());
        lastGood[1].assign(model.denoiser().parameters().values());
        lastGood[2].assign(adam.state()[0]);
        lastGood[3].assign(adam.state()[1]);
    }

    @Override
    public void restoreLastGood() {
        online.parameters().values().assign(lastGood[0]);
        model.denoiser().parameters().values().assign(lastGood[1]);
        adam.state()[0].assign(lastGood[2]);
        adam.state()[1].assign(lastGood[3]);
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }
}
