package org.diffusionlab.core.vae;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OrtException;

import org.diffusionlab.core.onnx.OnnxSession;

/**
 * A user's VAE exported from PyTorch, run by ONNX Runtime: an encoder graph x → (mu, logvar) (optional) and a decoder
 * graph z → x_hat, whose output the {@link DecoderLikelihood} reads. Inference only: it cannot be trained or saved here.
 * Made by core.imported after its checks; the sessions are shared by {@link #copy()} (ONNX Runtime's run is thread-safe).
 */
public final class OnnxVae implements Vae {
    private static final int CHUNK = 256;
    private final VaeArchitecture architecture;
    private final DecoderLikelihood likelihood;
    private final OnnxSession encoder;
    private final long[] imageShape;
    private final OnnxSession decoder;
    private final long parameters;
    private final String description;

    /**
     * @param imageShape the encoder's input shape after the batch, e.g. [784] or [1, 28, 28]
     * @param encoder    null for a decoder alone
     */
    public OnnxVae(VaeArchitecture architecture, DecoderLikelihood likelihood, OnnxSession encoder, long[] imageShape,
                   OnnxSession decoder, long parameters, String description) {
        this.architecture = architecture;
        this.likelihood = likelihood;
        this.encoder = encoder;
        this.imageShape = imageShape.clone();
        this.decoder = decoder;
        this.parameters = parameters;
        this.description = description;
    }

    @Override
    public VaeArchitecture architecture() {
        return architecture;
    }

    @Override
    public boolean hasEncoder() {
        return encoder != null;
    }

    @Override
    public GaussianPosterior encode(float[][] images) {
        if (encoder == null) {
            throw new UnsupportedOperationException(description + " is a decoder alone: it has no encoder q(z|x)");
        }
        int z = architecture.latent();
        float[][] mean = new float[images.length][];
        float[][] logVariance = new float[images.length][];
        for (int from = 0; from < images.length; from += CHUNK) {
            int rows = Math.min(CHUNK, images.length - from);
            Map<String, float[]> out = run(encoder, "x", images, from, rows, imageShape);
            for (int i = 0; i < rows; i++) {
                mean[from + i] = slice(out.get("mu"), i, z);
                logVariance[from + i] = slice(out.get("logvar"), i, z);
            }
        }
        return new GaussianPosterior(mean, logVariance);
    }

    @Override
    public void decode(float[] z, float[] pixels) {
        float[] raw = decodeRaw(new float[][] {z}, 0, 1);
        for (int j = 0; j < pixels.length; j++) {
            pixels[j] = likelihood.pixel(raw[j]);
        }
    }

    @Override
    public float[][] decode(float[][] latents) {
        int n = architecture.inputSize();
        float[][] images = new float[latents.length][n];
        for (int from = 0; from < latents.length; from += CHUNK) {
            int rows = Math.min(CHUNK, latents.length - from);
            float[] raw = decodeRaw(latents, from, rows);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < n; j++) {
                    images[from + i][j] = likelihood.pixel(raw[i * n + j]);
                }
            }
        }
        return images;
    }

    @Override
    public double[] logLikelihood(float[] image, double[][] latents) {
        float[][] z = new float[latents.length][];
        for (int i = 0; i < z.length; i++) {
            z[i] = new float[latents[i].length];
            for (int k = 0; k < z[i].length; k++) {
                z[i][k] = (float) latents[i][k];
            }
        }
        double[] values = new double[latents.length];
        for (int from = 0; from < z.length; from += CHUNK) {
            int rows = Math.min(CHUNK, z.length - from);
            float[] raw = decodeRaw(z, from, rows);
            for (int i = 0; i < rows; i++) {
                values[from + i] = -likelihood.negativeLogLikelihood(raw, i * image.length, image);
            }
        }
        return values;
    }

    @Override
    public List<ElboTerms> elbo(float[][] images, long seed) {
        GaussianPosterior posterior = encode(images);
        float[][] z = sampleLatent(posterior, seed);
        List<ElboTerms> terms = new ArrayList<>(images.length);
        int n = architecture.inputSize();
        for (int from = 0; from < images.length; from += CHUNK) {
            int rows = Math.min(CHUNK, images.length - from);
            float[] raw = decodeRaw(z, from, rows);
            for (int i = 0; i < rows; i++) {
                terms.add(new ElboTerms(likelihood.negativeLogLikelihood(raw, i * n, images[from + i]), posterior.kl(from + i)));
            }
        }
        return terms;
    }

    @Override
    public long parameterCount() {
        return parameters;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public OnnxVae copy() {
        return this;
    }

    private float[] decodeRaw(float[][] latents, int from, int rows) {
        return run(decoder, "z", latents, from, rows, new long[] {architecture.latent()}).get("x_hat");
    }

    private static Map<String, float[]> run(OnnxSession session, String input, float[][] rows, int from, int count, long[] tail) {
        int width = rows[from].length;
        float[] data = new float[count * width];
        for (int i = 0; i < count; i++) {
            if (rows[from + i].length != width) {
                throw new IllegalArgumentException("row " + (from + i) + " has " + rows[from + i].length + " numbers, not " + width);
            }
            System.arraycopy(rows[from + i], 0, data, i * width, width);
        }
        long[] shape = new long[tail.length + 1];
        shape[0] = count;
        System.arraycopy(tail, 0, shape, 1, tail.length);
        try {
            return session.runAll(Map.of(input, new OnnxSession.Input(data, shape)));
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on the VAE: " + e.getMessage(), e);
        }
    }

    private static float[] slice(float[] values, int row, int width) {
        float[] out = new float[width];
        System.arraycopy(values, row * width, out, 0, width);
        return out;
    }
}
