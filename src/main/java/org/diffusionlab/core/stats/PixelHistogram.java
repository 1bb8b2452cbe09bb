package org.diffusionlab.core.stats;

/**
 * The histogram of x_t's pixel values as a density, beside what q(x_t | x₀) predicts for it: the average over
 * pixels i of N(√ᾱ_t·x₀ᵢ, 1−ᾱ_t), integrated over each bin (so the two are comparable even when 1−ᾱ_t is tiny),
 * and N(0, 1) for reference. Plain Java: cheap enough for every frame.
 */
public record PixelHistogram(double low, double high, double[] observed, double[] predicted, double[] standardNormal) {
    /** x₀ is binned this finely before the mixture is integrated: an error far below any bin width shown. */
    private static final int X0_LEVELS = 2048;

    public int bins() {
        return observed.length;
    }

    public double binWidth() {
        return (high - low) / observed.length;
    }

    public double binCenter(int i) {
        return low + (i + 0.5) * binWidth();
    }

    public static PixelHistogram of(float[] xt, float[] x0Signed, double sqrtAlphaBar, double variance, int bins,
                                    double low, double high) {
        double width = (high - low) / bins;
        double[] observed = new double[bins];
        for (float value : xt) {
            int bin = (int) Math.floor((value - low) / width);
            if (bin >= 0 && bin < bins) {
                observed[bin]++;
            }
        }
        for (int i = 0; i < bins; i++) {
            observed[i] /= xt.length * width;
        }
        double[] predicted = predicted(x0Signed, sqrtAlphaBar, variance, bins, low, width);
        double[] standardNormal = new double[bins];
        for (int i = 0; i < bins; i++) {
            double a = low + i * width;
            standardNormal[i] = (normalCdf(a + width) - normalCdf(a)) / width;
        }
        return new PixelHistogram(low, high, observed, predicted, standardNormal);
    }

    private static double[] predicted(float[] x0, double sqrtAlphaBar, double variance, int bins, double low, double width) {
        double[] counts = new double[X0_LEVELS];
        for (float value : x0) {
            int level = (int) Math.round((Math.max(-1, Math.min(1, value)) + 1) / 2 * (X0_LEVELS - 1));
            counts[level]++;
        }
        double[] predicted = new double[bins];
        double sigma = Math.sqrt(variance);
        for (int level = 0; level < X0_LEVELS; level++) {
            if (counts[level] == 0) {
                continue;
            }
            double mean = sqrtAlphaBar * (2.0 * level / (X0_LEVELS - 1) - 1);
            double weight = counts[level] / x0.length;
            double previous = cdf(low, mean, sigma);
            for (int i = 0; i < bins; i++) {
                double next = cdf(low + (i + 1) * width, mean, sigma);
                predicted[i] += weight * (next - previous) / width;
                previous = next;
            }
        }
        return predicted;
    }

    private static double cdf(double x, double mean, double sigma) {
        if (sigma == 0) {
            return x >= mean ? 1 : 0;
        }
        return normalCdf((x - mean) / sigma);
    }

    /** Φ(z) through erfc, accurate to about 1e-7 (Numerical Recipes' erfcc). */
    public static double normalCdf(double z) {
        double x = z / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - erfc / 2 : erfc / 2;
    }
}
