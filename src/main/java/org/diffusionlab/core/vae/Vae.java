package org.diffusionlab.core.vae;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.random.Seeds;

/**
 * A trained (or training) VAE, with plain Java arrays at its boundary so view-models never see ND4J: the app's own
 * {@link MlpVae}, or a user's {@link OnnxVae} read from an ONNX file. Images are rows of width × height pixels in
 * [0, 1]; latent vectors are float[latent].
 * <p>
 * Threads: a Vae reuses native buffers between calls, so use it from one thread at a time — the UI's model
 * worker thread, never the JavaFX thread. {@link #copy()} gives an independent one.
 */
public interface Vae {
    /** The noise seed of held-out evaluations, so the same model always reports the same numbers. */
    long EVALUATION_SEED = 0;

    /** A freshly initialised (untrained) MLP VAE, float precision. */
    static MlpVae initial(VaeArchitecture architecture, long seed) {
        return MlpVae.initial(architecture, seed);
    }

    /** The sizes: image width × height, latent size and, for the app's own MLP, its hidden layers (else none). */
    VaeArchitecture architecture();

    /** Whether {@link #encode} works: a decoder read on its own has no q(z|x). */
    default boolean hasEncoder() {
        return true;
    }

    /** q(z|x) for each image: μ and log σ². */
    GaussianPosterior encode(float[][] images);

    /** The fast path: decodes one latent vector into {@code pixels} (display values in [0, 1]). */
    void decode(float[] z, float[] pixels);

    /** Decoded pixels (the likelihood's mean, in [0, 1]) for many latent vectors at once. */
    float[][] decode(float[][] latents);

    /** log p(x|z_k) of one image for each latent vector z_k, in nats (batched decodes). */
    double[] logLikelihood(float[] image, double[][] latents);

    /** −ELBO terms of each image (reconstruction from one z ~ q(z|x), noise from {@code seed} in image order). */
    List<ElboTerms> elbo(float[][] images, long seed);

    /** Weights and biases in all. */
    long parameterCount();

    /** One line, e.g. "VAE 784-400-16". */
    String describe();

    /** An independent copy (own buffers), e.g. to hand to another thread. */
    Vae copy();

    /** Decoded pixels for one latent vector (a new array each call). */
    default float[] decode(float[] z) {
        float[] pixels = new float[architecture().inputSize()];
        decode(z, pixels);
        return pixels;
    }

    /** Decodes one latent vector to display pixels in [0, 1]: the path every slider movement in the Latent view takes. */
    default Raster decodeRaster(float[] z) {
        VaeArchitecture architecture = architecture();
        return Raster.of(decode(z), architecture.width(), architecture.height(), 1, 0f, 1f);
    }

    /** Each image encoded to its posterior mean μ and decoded again (deterministic). */
    default float[][] reconstruct(float[][] images) {
        return decode(encode(images).mean());
    }

    /** z = μ + σ ⊙ ε for each posterior, with ε ~ N(0, I) from {@code seed}, image after image. */
    default float[][] sampleLatent(GaussianPosterior posterior, long seed) {
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
    default float[][] samplePrior(int count, long seed) {
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
    default float[][] sample(int count, long seed) {
        return decode(samplePrior(count, seed));
    }

    /** Mean −ELBO terms per image over {@code images}, with the fixed {@link #EVALUATION_SEED}. */
    default ElboTerms evaluate(float[][] images) {
        return evaluate(images, 1);
    }

    /**
     * The same with {@code samples} draws of z ~ q(z|x) per image (the first from {@link #EVALUATION_SEED}, as
     * {@link #evaluate(float[][])}, the others from streams derived from it): the reconstruction term's Monte Carlo
     * error shrinks as 1/√samples, so two programs' estimates of one model can be compared to a tenth of a nat.
     */
    default ElboTerms evaluate(float[][] images, int samples) {
        List<ElboTerms> means = new ArrayList<>(samples);
        for (int s = 0; s < samples; s++) {
            means.add(ElboTerms.mean(elbo(images, s == 0 ? EVALUATION_SEED : Seeds.derive(EVALUATION_SEED, s))));
        }
        return ElboTerms.mean(means);
    }
}
