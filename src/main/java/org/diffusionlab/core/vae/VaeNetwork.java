package org.diffusionlab.core.vae;

import java.util.List;

import org.diffusionlab.core.nn.Block;
import org.diffusionlab.core.nn.Dense;
import org.diffusionlab.core.nn.Elementwise;

/**
 * The VAE's forward pass and its hand-written backward pass, per image i of a batch:
 * <pre>
 *   encoder   h = ReLU(…ReLU(x·W + b)…),  μ = h·W_μ + b_μ,  log σ² = h·W_v + b_v
 *   sample    z = μ + σ ⊙ ε,  σ = exp(½ log σ²),  ε ~ N(0, I)
 *   decoder   l = (ReLU(…ReLU(z·V + c)…))·V_l + c_l   (Bernoulli logits, p(x_j = 1 | z) = σ(l_j))
 *   recon_i   = −log p(x|z) = Σ_j softplus(l_j) − x_j l_j   (see BernoulliLikelihood)
 *   KL_i      = KL(q(z|x) ‖ N(0, I)) = −½ Σ_k (1 + log σ²_k − μ_k² − σ_k²)
 *   loss      = mean_i (recon_i + β KL_i);   −ELBO_i = recon_i + KL_i   (nats, summed over pixels)
 * </pre>
 * Backward, for the summed loss (the 1/rows of the mean is applied to the weight gradients):
 * ∂/∂l = σ(l) − x;  ∂/∂μ = ∂/∂z + β μ;  ∂/∂log σ² = ½ ∂/∂z ⊙ ε ⊙ σ + ½ β (σ² − 1).
 */
final class VaeNetwork {
    private VaeNetwork() {
    }

    /** h_i = ReLU(W_i h_{i−1} + b_i) through {@code layers} from {@code input}, into {@code hidden}; the last h. */
    private static Block reluLayers(List<Dense> layers, Block input, List<Block> hidden, Block onesRows) {
        Block previous = input;
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).forward(previous, hidden.get(i), onesRows);
            Elementwise.reluInPlace(hidden.get(i));
            previous = hidden.get(i);
        }
        return previous;
    }

    /** Fills μ and log σ² (native and heap) from {@code ws.input}. */
    static void encode(VaeParameters parameters, VaeWorkspace ws) {
        Block previous = reluLayers(parameters.encoder(), ws.input, ws.encoderHidden, ws.onesRows);
        parameters.mean().forward(previous, ws.mean, ws.onesRows);
        parameters.logVariance().forward(previous, ws.logVariance, ws.onesRows);
        int n = ws.meanValues.length;
        ws.mean.read(ws.meanValues, 0, 0, n);
        ws.logVariance.read(ws.logVarianceValues, 0, 0, n);
    }

    /** z = μ + σ ⊙ ε with ε from {@code ws.epsilon}; KL_i into {@code ws.kl}; z into the latent block. */
    static void reparameterise(VaeWorkspace ws) {
        int z = ws.architecture.latent();
        for (int i = 0; i < ws.rows; i++) {
            double kl = 0;
            for (int k = i * z; k < (i + 1) * z; k++) {
                double mu = ws.meanValues[k];
                double logVariance = ws.logVarianceValues[k];
                double sigma = Math.exp(0.5 * logVariance);
                ws.sigma[k] = sigma;
                ws.latentValues[k] = mu + sigma * ws.epsilon[k];
                kl += GaussianPosterior.klTerm(mu, logVariance, sigma);
            }
            ws.kl[i] = kl;
        }
        ws.latent.write(ws.latentValues, 0, 0, ws.latentValues.length);
    }

    /** Bernoulli logits from the latent block (σ(logits) is left to the caller). */
    static void decodeLogits(VaeParameters parameters, VaeWorkspace ws) {
        Block previous = reluLayers(parameters.decoder(), ws.latent, ws.decoderHidden, ws.onesRows);
        parameters.logits().forward(previous, ws.logits, ws.onesRows);
    }

    /** Pixel probabilities σ(logits) from the latent block, into {@code ws.probabilities}. */
    static void decode(VaeParameters parameters, VaeWorkspace ws) {
        decodeLogits(parameters, ws);
        Elementwise.sigmoid(ws.logits, ws.probabilities);
    }

    /**
     * σ(logits) into {@code ws.probabilities} (the decoded pixels, and what the backward pass needs), then
     * recon_i = −log p(x_i|z_i) on the heap, see {@link BernoulliLikelihood}, into {@code ws.reconstruction}.
     */
    static void reconstructionTerm(VaeWorkspace ws) {
        Elementwise.sigmoid(ws.logits, ws.probabilities);
        int pixels = ws.architecture.inputSize();
        int n = ws.rows * pixels;
        if (ws.logitValues != null) {
            ws.logits.read(ws.logitValues, 0, 0, n);
            ws.probabilities.read(ws.probabilityValues, 0, 0, n);
            for (int i = 0; i < ws.rows; i++) {
                ws.reconstruction[i] = BernoulliLikelihood.negativeLogLikelihood(ws.logitValues, ws.probabilityValues,
                        ws.inputValues, i * pixels, pixels);
            }
        } else {
            ws.logits.read(ws.logitDoubles, 0, 0, n);
            ws.probabilities.read(ws.probabilityDoubles, 0, 0, n);
            for (int i = 0; i < ws.rows; i++) {
                ws.reconstruction[i] = BernoulliLikelihood.negativeLogLikelihood(ws.logitDoubles, ws.probabilityDoubles,
                        ws.inputValues, i * pixels, pixels);
            }
        }
    }

    /** The whole forward pass with ε already in {@code ws.epsilon}. */
    static void forward(VaeParameters parameters, VaeWorkspace ws) {
        encode(parameters, ws);
        reparameterise(ws);
        decodeLogits(parameters, ws);
        reconstructionTerm(ws);
    }

    /**
     * Gradient of mean_i(recon_i + β KL_i) with respect to every parameter, into {@code gradient}; needs the
     * state {@link #forward} left in {@code ws}.
     */
    static void backward(VaeParameters parameters, VaeParameters gradient, VaeWorkspace ws, double beta) {
        if (!ws.hasGradients()) {
            throw new IllegalStateException("this workspace was made without gradient buffers");
        }
        double scale = 1.0 / ws.rows;
        Block logitsGradient = ws.scratch;
        Elementwise.subtract(ws.probabilities, ws.input, logitsGradient);   // σ(l) − x

        List<Dense> decoder = parameters.decoder();
        int last = decoder.size() - 1;
        parameters.logits().backward(ws.decoderHidden.get(last), logitsGradient, gradient.logits(),
                ws.decoderHiddenGradient.get(last), 0, ws.onesRows, scale);
        for (int i = last; i >= 0; i--) {
            Elementwise.reluBackwardInPlace(ws.decoderHiddenGradient.get(i), ws.decoderHidden.get(i), ws.decoderMask.get(i));
            Block input = i > 0 ? ws.decoderHidden.get(i - 1) : ws.latent;
            Block inputGradient = i > 0 ? ws.decoderHiddenGradient.get(i - 1) : ws.latentGradient;
            decoder.get(i).backward(input, ws.decoderHiddenGradient.get(i), gradient.decoder().get(i), inputGradient, 0,
                    ws.onesRows, scale);
        }

        latentBackward(ws, beta);

        List<Dense> encoder = parameters.encoder();
        last = encoder.size() - 1;
        Block top = ws.encoderHidden.get(last);
        Block topGradient = ws.encoderHiddenGradient.get(last);
        parameters.mean().backward(top, ws.meanGradient, gradient.mean(), topGradient, 0, ws.onesRows, scale);
        parameters.logVariance().backward(top, ws.logVarianceGradient, gradient.logVariance(), topGradient, 1, ws.onesRows,
                scale);
        for (int i = last; i >= 0; i--) {
            Elementwise.reluBackwardInPlace(ws.encoderHiddenGradient.get(i), ws.encoderHidden.get(i), ws.encoderMask.get(i));
            Block input = i > 0 ? ws.encoderHidden.get(i - 1) : ws.input;
            Block inputGradient = i > 0 ? ws.encoderHiddenGradient.get(i - 1) : null;
            encoder.get(i).backward(input, ws.encoderHiddenGradient.get(i), gradient.encoder().get(i), inputGradient, 0,
                    ws.onesRows, scale);
        }
    }

    /** ∂/∂μ = ∂/∂z + β μ and ∂/∂log σ² = ½ ∂/∂z ε σ + ½ β (σ² − 1), per image (not yet divided by rows). */
    private static void latentBackward(VaeWorkspace ws, double beta) {
        int n = ws.latentValues.length;
        ws.latentGradient.read(ws.latentGradientValues, 0, 0, n);
        for (int k = 0; k < n; k++) {
            double dz = ws.latentGradientValues[k];
            double sigma = ws.sigma[k];
            ws.meanGradientValues[k] = dz + beta * ws.meanValues[k];
            ws.logVarianceGradientValues[k] = 0.5 * dz * ws.epsilon[k] * sigma + 0.5 * beta * (sigma * sigma - 1);
        }
        ws.meanGradient.write(ws.meanGradientValues, 0, 0, n);
        ws.logVarianceGradient.write(ws.logVarianceGradientValues, 0, 0, n);
    }
}
