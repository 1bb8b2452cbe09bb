package org.diffusionlab.core.vae;

/**
 * p(x|z) of a VAE read from a file, from what its decoder outputs: Bernoulli logits l (p = σ(l)), Bernoulli
 * probabilities p, or a Gaussian's mean μ with a fixed σ. Pixels x are grey levels in [0, 1], summed over pixels.
 */
public record DecoderLikelihood(Output output, double sigma) {
    /** What the decoder's output x_hat means. */
    public enum Output { BERNOULLI_LOGITS, BERNOULLI_PROBABILITIES, GAUSSIAN_MEAN }

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    /** Probabilities are kept this far from 0 and 1 before a logit is taken of them. */
    private static final double EDGE = 1e-7;

    public DecoderLikelihood {
        if (output == Output.GAUSSIAN_MEAN && !(sigma > 0 && sigma < 10)) {
            throw new IllegalArgumentException("a Gaussian likelihood's σ must lie in (0, 10), not " + sigma);
        }
    }

    /** The mean of p(x|z) for one output value: the pixel to show, in [0, 1] for a Bernoulli decoder. */
    public float pixel(float value) {
        return output == Output.BERNOULLI_LOGITS ? (float) (1 / (1 + Math.exp(-value))) : value;
    }

    /** Whether an output value can be what the decoder says it is (a probability in [0, 1], else finite). */
    public boolean admits(float value) {
        return output == Output.BERNOULLI_PROBABILITIES ? value >= 0 && value <= 1 : Float.isFinite(value);
    }

    /** −log p(x|z) in nats of image {@code x} given the decoder's outputs {@code decoded[offset .. offset + x.length)}. */
    public double negativeLogLikelihood(float[] decoded, int offset, float[] x) {
        double sum = 0;
        for (int j = 0; j < x.length; j++) {
            double v = decoded[offset + j];
            sum += switch (output) {
                case BERNOULLI_LOGITS -> Math.max(v, 0) - x[j] * v + Math.log1p(Math.exp(-Math.abs(v)));
                case BERNOULLI_PROBABILITIES -> {
                    double p = Math.min(Math.max(v, EDGE), 1 - EDGE);
                    yield -(x[j] * Math.log(p) + (1 - x[j]) * Math.log1p(-p));
                }
                case GAUSSIAN_MEAN -> {
                    double r = (x[j] - v) / sigma;
                    yield 0.5 * r * r + Math.log(sigma) + HALF_LOG_TWO_PI;
                }
            };
        }
        return sum;
    }
}
