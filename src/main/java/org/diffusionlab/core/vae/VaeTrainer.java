package org.diffusionlab.core.vae;

import java.util.SplittableRandom;

import org.diffusionlab.core.nn.Adam;
import org.diffusionlab.core.nn.NativeThreads;
import org.diffusionlab.core.random.Seeds;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The VAE's numerical half of training, for {@link org.diffusionlab.core.train.VaeTrainingSession}: the weights,
 * one optimisation step (a minibatch, one ε draw, forward, hand-written backward, Adam), and what the weights of
 * the moment give on held-out images.
 * <p>
 * Last good weights cost no copy: the weights live in two preallocated buffers; a step reads one and writes
 * its update into the other, and only after its loss has proved finite. The buffer that produced the latest
 * finite loss is therefore always intact, and {@link #restoreLastGood()} just makes it current again.
 * <p>
 * Allocates native memory and applies {@link NativeThreads#denseNetworks()} (process-wide): make it on the
 * training thread.
 */
public final class VaeTrainer {
    private final VaeTrainingConfig config;
    private final VaeParameters[] weights = new VaeParameters[2];
    private final VaeParameters gradient;
    private final VaeWorkspace workspace;
    private final VaeBatches batches;
    private final float[] parameterValues;
    private final float[] gradientValues;
    private final Adam adam;
    private int current;
    private int lastGood;

    public VaeTrainer(VaeTrainingConfig config) {
        NativeThreads.denseNetworks();
        this.config = config;
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

    /**
     * One step on the images {@code order[from..from+batch)} of {@code images} (one image after another), with ε
     * drawn from {@code noise}: the batch's mean terms; the weights are updated only if the loss is finite.
     */
    public ElboTerms step(float[] images, int[] order, int from, SplittableRandom noise) {
        VaeWorkspace ws = workspace;
        ws.loadImages(images, order, from);
        for (int k = 0; k < ws.epsilon.length; k++) {
            ws.epsilon[k] = noise.nextGaussian();
        }
        VaeParameters parameters = weights[current];
        VaeNetwork.forward(parameters, ws);
        double recon = 0;
        double kl = 0;
        for (int i = 0; i < ws.rows; i++) {
            recon += ws.reconstruction[i];
            kl += ws.kl[i];
        }
        ElboTerms terms = new ElboTerms(recon / ws.rows, kl / ws.rows);
        if (Double.isFinite(config.loss(terms))) {
            lastGood = current;
            VaeNetwork.backward(parameters, gradient, ws, config.beta());
            gradient.read(gradientValues);
            adam.update(parameterValues, gradientValues);
            int next = 1 - current;
            weights[next].write(parameterValues);
            current = next;
        }
        return terms;
    }

    /** Makes the weights that produced the latest finite loss current again. */
    public void restoreLastGood() {
        if (current != lastGood) {
            current = lastGood;
            weights[current].read(parameterValues);
        }
    }

    /** The mean terms over {@code images}, one z ~ q(z|x) each from {@link Vae#EVALUATION_SEED}. */
    public ElboTerms heldOut(float[][] images) {
        return ElboTerms.mean(batches.elbo(weights[current], images, Vae.EVALUATION_SEED));
    }

    /** Each image decoded from its posterior mean. */
    public float[][] reconstruct(float[][] images) {
        return batches.decode(weights[current], batches.encode(weights[current], images).mean());
    }

    /** {@code count} images decoded from prior draws of {@code seed}. */
    public float[][] samples(int count, long seed) {
        return batches.decode(weights[current], Vae.priorLatents(config.architecture().latent(), count, seed));
    }

    /** A copy of the current weights as a model of its own. */
    public MlpVae model() {
        return new MlpVae(weights[current].copy(DataType.FLOAT));
    }
}
