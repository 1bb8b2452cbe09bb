package org.diffusionlab.core.vae;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * Forward passes over any number of images, in chunks of at most {@link #CHUNK} rows, with workspaces kept
 * per chunk size. For one thread at a time.
 */
final class VaeBatches {
    static final int CHUNK = 500;
    private static final int KEPT_WORKSPACES = 4;

    private final VaeArchitecture architecture;
    private final DataType type;
    private final Map<Integer, VaeWorkspace> workspaces = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, VaeWorkspace> eldest) {
            return size() > KEPT_WORKSPACES;
        }
    };

    VaeBatches(VaeArchitecture architecture, DataType type) {
        this.architecture = architecture;
        this.type = type;
    }

    private VaeWorkspace workspace(int rows) {
        return workspaces.computeIfAbsent(rows, r -> new VaeWorkspace(architecture, type, r, false));
    }

    /** Per image: reconstruction (one z ~ q(z|x), noise from {@code seed} in image order) and KL. */
    List<ElboTerms> elbo(VaeParameters parameters, float[][] images, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ElboTerms> terms = new ArrayList<>(images.length);
        for (int from = 0; from < images.length; from += CHUNK) {
            VaeWorkspace ws = workspace(Math.min(CHUNK, images.length - from));
            ws.loadImages(images, from);
            for (int k = 0; k < ws.epsilon.length; k++) {
                ws.epsilon[k] = random.nextGaussian();
            }
            VaeNetwork.forward(parameters, ws);
            for (int i = 0; i < ws.rows; i++) {
                terms.add(new ElboTerms(ws.reconstruction[i], ws.kl[i]));
            }
        }
        return terms;
    }

    GaussianPosterior encode(VaeParameters parameters, float[][] images) {
        int z = architecture.latent();
        float[][] mean = new float[images.length][z];
        float[][] logVariance = new float[images.length][z];
        for (int from = 0; from < images.length; from += CHUNK) {
            VaeWorkspace ws = workspace(Math.min(CHUNK, images.length - from));
            ws.loadImages(images, from);
            VaeNetwork.encode(parameters, ws);
            for (int i = 0; i < ws.rows; i++) {
                for (int k = 0; k < z; k++) {
                    mean[from + i][k] = (float) ws.meanValues[i * z + k];
                    logVariance[from + i][k] = (float) ws.logVarianceValues[i * z + k];
                }
            }
        }
        return new GaussianPosterior(mean, logVariance);
    }

    /** σ(logits) for each latent vector. */
    float[][] decode(VaeParameters parameters, float[][] latents) {
        int z = architecture.latent();
        int pixels = architecture.inputSize();
        float[][] images = new float[latents.length][pixels];
        for (int from = 0; from < latents.length; from += CHUNK) {
            VaeWorkspace ws = workspace(Math.min(CHUNK, latents.length - from));
            for (int i = 0; i < ws.rows; i++) {
                float[] latent = latents[from + i];
                if (latent.length != z) {
                    throw new IllegalArgumentException("latent vector " + (from + i) + " has " + latent.length
                            + " values, the VAE's latent size is " + z);
                }
                for (int k = 0; k < z; k++) {
                    ws.latentValues[i * z + k] = latent[k];
                }
            }
            ws.latent.write(ws.latentValues, 0, 0, ws.latentValues.length);
            VaeNetwork.decode(parameters, ws);
            for (int i = 0; i < ws.rows; i++) {
                ws.probabilities.read(images[from + i], 0, (long) i * pixels, pixels);
            }
        }
        return images;
    }

    /** log p(x|z_k) of one image under the Bernoulli decoder, for each latent z_k (batched decodes), in nats. */
    double[] logLikelihood(VaeParameters parameters, float[] image, double[][] latents) {
        int z = architecture.latent();
        int pixels = architecture.inputSize();
        if (image.length != pixels) {
            throw new IllegalArgumentException("the image has " + image.length + " pixels, the VAE takes " + pixels);
        }
        double[] values = new double[latents.length];
        for (int from = 0; from < latents.length; from += CHUNK) {
            VaeWorkspace ws = workspace(Math.min(CHUNK, latents.length - from));
            for (int i = 0; i < ws.rows; i++) {
                System.arraycopy(image, 0, ws.inputValues, i * pixels, pixels);
                double[] latent = latents[from + i];
                if (latent.length != z) {
                    throw new IllegalArgumentException("latent vector " + (from + i) + " has " + latent.length
                            + " values, the VAE's latent size is " + z);
                }
                System.arraycopy(latent, 0, ws.latentValues, i * z, z);
            }
            ws.latent.write(ws.latentValues, 0, 0, ws.latentValues.length);
            VaeNetwork.decodeLogits(parameters, ws);
            VaeNetwork.reconstructionTerm(ws);
            for (int i = 0; i < ws.rows; i++) {
                values[from + i] = -ws.reconstruction[i];
            }
        }
        return values;
    }
}
