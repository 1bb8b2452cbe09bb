package org.diffusionlab.core.vae;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * The app's own VAE: an MLP of {@link VaeArchitecture} on ND4J, which it trains and saves ({@link VaeFile}).
 * <p>
 * Threads: it reuses native buffers between calls, so use it from one thread at a time — the UI's model
 * worker thread, never the JavaFX thread (no ND4J call may run there). {@link #copy()} gives an independent one.
 */
public final class MlpVae implements Vae {
    private final VaeParameters parameters;
    private final VaeBatches batches;
    private LatentDecoder latentDecoder;

    MlpVae(VaeParameters parameters) {
        this.parameters = parameters;
        this.batches = new VaeBatches(parameters.architecture(), parameters.dataType());
    }

    /** A freshly initialised (untrained) VAE, float precision. */
    public static MlpVae initial(VaeArchitecture architecture, long seed) {
        return new MlpVae(VaeParameters.initial(architecture, DataType.FLOAT, seed));
    }

    @Override
    public VaeArchitecture architecture() {
        return parameters.architecture();
    }

    /** The weights themselves (not a copy). */
    public VaeParameters parameters() {
        return parameters;
    }

    /** q(z|x) for each image: μ and log σ². */
    @Override
    public GaussianPosterior encode(float[][] images) {
        return batches.encode(parameters, images);
    }

    /** The fast path: decodes one latent vector into {@code pixels}, reusing every internal buffer. */
    @Override
    public void decode(float[] z, float[] pixels) {
        if (latentDecoder == null) {
            latentDecoder = new LatentDecoder(parameters);
        }
        latentDecoder.decode(z, pixels);
    }

    /** Decoded pixel probabilities for many latent vectors at once. */
    @Override
    public float[][] decode(float[][] latents) {
        return batches.decode(parameters, latents);
    }

    /** log p(x|z_k) of one image for each latent vector z_k, in nats (batched decodes). */
    @Override
    public double[] logLikelihood(float[] image, double[][] latents) {
        return batches.logLikelihood(parameters, image, latents);
    }

    /** −ELBO terms of each image (reconstruction from one z ~ q(z|x), noise from {@code seed}). */
    @Override
    public List<ElboTerms> elbo(float[][] images, long seed) {
        return batches.elbo(parameters, images, seed);
    }

    @Override
    public long parameterCount() {
        return architecture().parameterCount();
    }

    @Override
    public String describe() {
        return "VAE " + architecture().describe();
    }

    /** An independent copy (own weights and buffers), e.g. to hand to another thread. */
    @Override
    public MlpVae copy() {
        return new MlpVae(parameters.copy(parameters.dataType()));
    }
}
