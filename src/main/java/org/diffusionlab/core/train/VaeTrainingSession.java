package org.diffusionlab.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.diffusionlab.core.data.Picture;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.NativeThreads;
import org.diffusionlab.core.random.Seeds;
import org.diffusionlab.core.vae.ElboTerms;
import org.diffusionlab.core.vae.MlpVae;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.core.vae.VaeDataset;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.core.vae.VaeTrainer;
import org.diffusionlab.core.vae.VaeTrainingConfig;

/**
 * Trains a VAE under {@link TrainingRun}. Each step: a shuffled minibatch, one ε
 * draw, forward, hand-written backward, Adam. Step events carry {@link Metric#LOSS} (= recon + β·KL), {@link Metric#RECON},
 * {@link Metric#KL} and {@link Metric#NEG_ELBO}, per image of the training batch. After every epoch: an
 * {@code Evaluation} on the held-out images (same keys) and {@code Pictures} "reconstructions" (the fixed
 * held-out digits, decoded from their posterior means) and "samples" (decoded from prior draws with a fixed
 * seed); before the first step, {@code Pictures} "originals" (those held-out digits themselves).
 * <p>
 * The numbers (weights, step, held-out terms) are {@link VaeTrainer}'s.
 * <p>
 * Threads: the constructor touches no ND4J; everything else runs on the training thread (call {@link #model()}
 * after the run has ended, off the JavaFX thread). The first call makes the {@link VaeTrainer}, which allocates the
 * native buffers and applies {@link NativeThreads#denseNetworks()} (process-wide; see there why).
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
    private VaeTrainer trainer;
    private ElboTerms lastHeldOut;

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

    private VaeTrainer trainer() {
        if (trainer == null) {
            trainer = new VaeTrainer(config);
        }
        return trainer;
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
        int indexInEpoch = (int) (step - 1 - (long) (epoch - 1) * stepsPerEpoch);
        if (indexInEpoch == 0) {
            shuffle(epoch);
        }
        ElboTerms terms = trainer().step(data.trainImages(), order, indexInEpoch * config.batchSize(), noise);
        Map<Metric, Double> values = new LinkedHashMap<>();
        values.put(Metric.LOSS, config.loss(terms));
        values.putAll(terms.asMap());
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
        lastHeldOut = trainer().heldOut(data.heldOut());
        emit.accept(new TrainingEvent.Evaluation(epoch, step, lastHeldOut.asMap()));
        float[][] originals = new float[data.pictureIndices().length][];
        for (int i = 0; i < originals.length; i++) {
            originals[i] = data.heldOut()[data.pictureIndices()[i]];
        }
        emit.accept(new TrainingEvent.Pictures(step, "reconstructions", pictures(trainer().reconstruct(originals))));
        emit.accept(new TrainingEvent.Pictures(step, "samples", pictures(trainer().samples(VaeDataset.PICTURES,
                SAMPLES_SEED))));
    }

    /** Nothing to copy: {@link VaeTrainer#step} never overwrites the weights of the latest finite loss. */
    @Override
    public void keepLastGood() {
        trainer();
    }

    @Override
    public void restoreLastGood() {
        if (trainer != null) {
            trainer.restoreLastGood();
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
    public MlpVae model() {
        return trainer().model();
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
