package org.diffusionlab.core.vae;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.data.Picture;
import org.diffusionlab.core.nn.Adam;
import org.diffusionlab.core.nn.NativeThreads;
import org.diffusionlab.core.random.Seeds;
import org.diffusionlab.core.train.TrainingEvent;
import org.diffusionlab.core.train.TrainingSession;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Trains a VAE under {@link org.diffusionlab.core.train.TrainingRun}. Each step: a shuffled minibatch, one ε
 * draw, forward, hand-written backward, Adam. Step events carry {@code loss} (= recon + β·KL), {@code recon_nats},
 * {@code kl_nats} and {@code neg_elbo_nats}, per image of the training batch. After every epoch: an
 * {@code Evaluation} on the held-out images (same keys) and {@code Pictures} "reconstructions" (the fixed
 * held-out digits, decoded from their posterior means) and "samples" (decoded from prior draws with a fixed
 * seed); before the first step, {@code Pictures} "originals" (those held-out digits themselves).
 * <p>
 * Last good weights cost no copy: the weights live in two preallocated buffers; a step reads one and writes
 * its update into the other, and only after its loss has proved finite. The buffer that produced the latest
 * finite loss is therefore always intact, and {@link #restoreLastGood()} just makes it current again.
 * <p>
 * Threads: the constructor touches no ND4J; everything else runs on the training thread (call {@link #model()}
 * after the run has ended, off the JavaFX thread). The first call allocates the native buffers and applies
 * {@link NativeThreads#denseNetworks()} (process-wide; see there why).
 */
public final class VaeTrainingSession implements TrainingSession {
    public static final long SAMPLES_SEED = 7;
    private static final long SHUFFLE_STREAM = 1;
    private static final long NOISE_STREAM = 2;

    private final VaeTrainingConfig config;
    private final VaeDataset data;
    private final int[] order;
    private final SplittableRandom noise;
    private final int stepsPerEpoch;
    private Buffers state;
    private int current;
    private int lastGood;
    private ElboTerms lastHeldOut;

    /** Everything in native memory or sized like the weights, made on first use, on the training thread. */
    private static final class Buffers {
        final VaeParameters[] weights = new VaeParameters[2];
        final VaeParameters gradient;
        final VaeWorkspace workspace;
        final VaeBatches batches;
        final float[] parameterValues;
        final float[] gradientValues;
        final Adam adam;

        Buffers(VaeTrainingConfig config) {
            VaeArchitecture architecture = config.architecture();
            weights[0] = VaeParameters.initial(architecture, DataType.FLOAT, Seeds.derive(config.seed(), 0));
            weights[1] = VaeParameters.zeros(architecture, DataType.FLOAT);
            gradient = VaeParameters.zeros(architecture, DataType.FLOAT);
            workspace = new VaeWorkspace(architecture, DataType.FLOAT, config.batchSize(), true);
            batches = new VaeBatches(architecture, DataType.FLOAT);
            parameterValues = weights[0].toFloatArray();
            gradientValues = new float[parameterValues.length];
            adam = new Adam(parameterValues.length, config.learningRate());
        }
    }

    /**
     * Checks the config against the data; allocates nothing native (safe to call on any thread, the JavaFX
     * thread included): the weights and buffers are made by the first call from the training thread.
     */
    public VaeTrainingSession(VaeTrainingConfig config, VaeDataset data) {
        VaeArchitecture architecture = config.architecture();
        if (architecture.width() != data.width() || architecture.height() != data.height()) {
            throw new IllegalArgumentException("the VAE takes " + architecture.width() + "×" + architecture.height()
                    + " images, the data has " + data.width() + "×" + data.height());
        }
        if (data.trainCount() < config.batchSize()) {
            throw new IllegalArgumentException("the batch size " + config.batchSize() + " is larger than the "
                    + data.trainCount() + " training images");
        }
        this.config = config;
        this.data = data;
        order = new int[data.trainCount()];
        noise = new SplittableRandom(Seeds.derive(config.seed(), NOISE_STREAM));
        // every epoch sees whole batches only; the reshuffle each epoch means every image is used
        stepsPerEpoch = data.trainCount() / config.batchSize();
    }

    private Buffers state() {
        if (state == null) {
            NativeThreads.denseNetworks();
            state = new Buffers(config);
        }
        return state;
    }

    public VaeTrainingConfig config() {
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

    @Override
    public Map<Metric, Double> step(int epoch, long step) {
        Buffers b = state();
        int indexInEpoch = (int) (step - 1 - (long) (epoch - 1) * stepsPerEpoch);
        if (indexInEpoch == 0) {
            shuffle(epoch);
        }
        VaeWorkspace ws = b.workspace;
        ws.loadImages(data.trainImages(), order, indexInEpoch * config.batchSize());
        for (int k = 0; k < ws.epsilon.length; k++) {
            ws.epsilon[k] = noise.nextGaussian();
        }
        VaeParameters parameters = b.weights[current];
        VaeNetwork.forward(parameters, ws);
        double recon = 0;
        double kl = 0;
        for (int i = 0; i < ws.rows; i++) {
            recon += ws.reconstruction[i];
            kl += ws.kl[i];
        }
        recon /= ws.rows;
        kl /= ws.rows;
        double loss = recon + config.beta() * kl;
        if (Double.isFinite(loss)) {
            lastGood = current;
            VaeNetwork.backward(parameters, b.gradient, ws, config.beta());
            b.gradient.read(b.gradientValues);
            b.adam.update(b.parameterValues, b.gradientValues);
            int next = 1 - current;
            b.weights[next].write(b.parameterValues);
            current = next;
        }
        Map<Metric, Double> values = new LinkedHashMap<>();
        values.put(Metric.LOSS, loss);
        values.putAll(new ElboTerms(recon, kl).asMap());
        return values;
    }

    /** Fisher–Yates with a generator derived from (seed, epoch), so any epoch's order can be reproduced. */
    private void shuffle(int epoch) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(config.seed(), SHUFFLE_STREAM, epoch));
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    @Override
    public void beforeStep(int epoch, long step, Consumer<TrainingEvent> emit) {
        if (step == 1) {
            List<Picture> originals = new ArrayList<>();
            for (int index : data.pictureIndices()) {
                originals.add(picture(data.heldOut()[index]));
            }
            emit.accept(new TrainingEvent.Pictures(step, "originals", originals));
        }
    }

    @Override
    public void endOfEpoch(int epoch, long step, Consumer<TrainingEvent> emit) {
        VaeBatches batches = state().batches;
        VaeParameters parameters = state().weights[current];
        lastHeldOut = ElboTerms.mean(batches.elbo(parameters, data.heldOut(), Vae.EVALUATION_SEED));
        emit.accept(new TrainingEvent.Evaluation(epoch, step, lastHeldOut.asMap()));
        float[][] originals = new float[data.pictureIndices().length][];
        for (int i = 0; i < originals.length; i++) {
            originals[i] = data.heldOut()[data.pictureIndices()[i]];
        }
        float[][] reconstructions = batches.decode(parameters, batches.encode(parameters, originals).mean());
        emit.accept(new TrainingEvent.Pictures(step, "reconstructions", pictures(reconstructions)));
        float[][] prior = Vae.priorLatents(config.architecture().latent(), VaeDataset.PICTURES, SAMPLES_SEED);
        emit.accept(new TrainingEvent.Pictures(step, "samples", pictures(batches.decode(parameters, prior))));
    }

    /**
     * Nothing to copy: {@link #step} writes each update into the other weight buffer and only after its loss
     * proved finite, so the weights that produced the latest finite loss are never overwritten.
     */
    @Override
    public void keepLastGood() {
        state();
    }

    @Override
    public void restoreLastGood() {
        if (state != null && current != lastGood) {
            current = lastGood;
            state.weights[current].read(state.parameterValues);
        }
    }

    /** The held-out terms of the latest evaluation, or null before the first epoch ends. */
    public ElboTerms lastHeldOut() {
        return lastHeldOut;
    }

    /**
     * What a model file records about this run: the config, the CLI command that reproduces it (writing to
     * {@code out}), the data, the training time and the latest held-out terms.
     */
    public VaeFile.Training trainingRecord(String out, double seconds) {
        return new VaeFile.Training(config, config.command(out), data.name(), data.split(), seconds, lastHeldOut);
    }

    /** A copy of the current weights as a model of its own (call once the run has ended, not on the FX thread). */
    public Vae model() {
        return new Vae(state().weights[current].copy(DataType.FLOAT));
    }

    private List<Picture> pictures(float[][] images) {
        List<Picture> pictures = new ArrayList<>(images.length);
        for (float[] image : images) {
            pictures.add(picture(image));
        }
        return pictures;
    }

    private Picture picture(float[] image) {
        return new Picture(data.width(), data.height(), 1, image.clone());
    }
}
