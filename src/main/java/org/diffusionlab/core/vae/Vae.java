package org.diffusionlab.core.vae;

import java.util.List;
import java.util.SplittableRandom;

import org.diffusionlab.core.data.Raster;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A trained (or training) VAE, with plain Java arrays at its boundary so view-models never see ND4J.
 * Images are float[784] rows in [0, 1]; latent vectors are float[latent].
 * <p>
 * Threads: a Vae reuses native buffers between calls, so use it from one thread at a time — the UI's model
 * worker thread, never the JavaFX thread (no ND4J call may run there). {@link #copy()} gives an independent one.
 */
public final class Vae {
    /** The noise seed of held-out evaluations, so the same model always reports the same numbers. */
    public static final long EVALUATION_SEED = 0;

    private final VaeParameters parameters;
    private final VaeBatches batches;
    private LatentDecoder latentDecoder;

    Vae(VaeParameters parameters) {
        this.parameters = parameters;
        this.batches = new VaeBatches(parameters.architecture(), parameters.dataType());
    }

    /** A freshly initialised (untrained) VAE, float precision. */
    public static Vae initial(VaeArchitecture architecture, long seed) {
        return new Vae(VaeParameters.initial(architecture, DataType.FLOAT, seed));
    }

    public VaeArchitecture architecture() {
        return parameters.architecture();
    }

    /** The weights themselves (not a copy). */
    public VaeParameters parameters() {
        return parameters;
    }

    /** q(z|x) for each image: μ and log σ². */
    public GaussianPosterior encode(float[][] images) {
        return batches.encode(parameters, images);
    }

    /** Decoded pixel probabilities σ(logits) for one latent vector (a new array each call). */
    public float[] decode(float[] z) {
        float[] pixels = new float[architecture().inputSize()];
        decode(z, pixels);
        return pixels;
    }

    /** Decodes one latent vector to display pixels in [0, 1]: the path every slider movement in the Latent view takes. */
    public Raster decodeRaster(float[] z) {
        VaeArchitecture architecture = architecture();
        return Raster.of(decode(z), architecture.width(), architecture.height(), 1, 0f, 1f);
    }

    /** The fast path: decodes one latent vector into {@code pixels}, reusing every internal buffer. */
    public void decode(float[] z, float[] pixels) {
        if (latentDecoder == null) {
            latentDecoder = new LatentDecoder(parameters);
        }
        latentDecoder.decode(z, pixels);
    }

    /** Decoded pixel probabilities for many latent vectors at once. */
    public float[][] decode(float[][] latents) {
        return batches.decode(parameters, latents);
    }

    /** log p(x|z_k) of one image for each latent vector z_k, in nats (batched decodes). */
    public double[] logLikelihood(float[] image, double[][] latents) {
        return batches.logLikelihood(parameters, image, latents);
    }

    /** Each image encoded to its posterior mean μ and decoded again (deterministic). */
    public float[][] reconstruct(float[][] images) {
        return decode(encode(images).mean());
    }

    /** z = μ + σ ⊙ ε for each posterior, with ε ~ N(0, I) from {@code seed}. */
    public float[][] sampleLatent(GaussianPosterior posterior, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int z = architecture().latent();
        float[][] latents = new float[posterior.count()][z];
        for (int i = 0; i < latents.length; i++) {
            for (int k = 0; k < z; k++) {
                latents[i][k] = (float) (posterior.mean()[i][k] + posterior.sigma(i, k) * random.nextGaussian());
            }
        }
        return latents;
    }

    /** {@code count} latent vectors drawn from the prior N(0, I) with {@code seed}. */
    public float[][] samplePrior(int count, long seed) {
        return priorLatents(architecture().latent(), count, seed);
    }

    static float[][] priorLatents(int size, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] latents = new float[count][size];
        for (float[] latent : latents) {
            for (int k = 0; k < latent.length; k++) {
                latent[k] = (float) random.nextGaussian();
            }
        }
        return latents;
    }

    /** {@code count} images decoded from latent vectors drawn from the prior with {@code seed}. */
    public float[][] sample(int count, long seed) {
        return decode(samplePrior(count, seed));
    }

    /** −ELBO terms of each image (reconstruction from one z ~ q(z|x), noise from {@code seed}). */
    public List<ElboTerms> elbo(float[][] images, long seed) {
        return batches.elbo(parameters, images, seed);
    }

    /** Mean −ELBO terms per image over {@code images}, with the fixed {@link #EVALUATION_SEED}. */
    public ElboTerms evaluate(float[][] images) {
        return ElboTerms.mean(elbo(images, EVALUATION_SEED));
    }

    /** An independent copy (own weights and buffers), e.g. to hand to another thread. */
    public Vae copy() {
        return new Vae(parameters.copy(parameters.dataType()));
    }
}
