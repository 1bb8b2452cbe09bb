package org.diffusionlab.core.diffusion;

import org.diffusionlab.core.schedule.NoiseSchedule;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Data x₀ ~ N(m, s² I), for which the best ε-predictor is known in closed form: q(x_t) = N(√ᾱ_t m, (ᾱ_t s² + 1 − ᾱ_t) I)
 * and E[ε | x_t] = √(1−ᾱ_t) (x_t − √ᾱ_t m) / (ᾱ_t s² + 1 − ᾱ_t). A sampler driven by it must return N(m, s² I).
 */
record GaussianData(NoiseSchedule schedule, double mean, double std) implements NoisePredictor {
    @Override
    public INDArray predictNoise(INDArray xt, int[] t) {
        int n = t.length;
        float[] shift = new float[n];
        float[] scale = new float[n];
        for (int i = 0; i < n; i++) {
            double alphaBar = schedule.alphaBar(t[i]);
            shift[i] = (float) (Math.sqrt(alphaBar) * mean);
            scale[i] = (float) (Math.sqrt(1 - alphaBar) / (alphaBar * std * std + 1 - alphaBar));
        }
        INDArray flat = xt.reshape('c', n, xt.length() / n);
        INDArray eps = flat.subColumnVector(Nd4j.create(shift, new long[] {n, 1}, 'c'))
                .muliColumnVector(Nd4j.create(scale, new long[] {n, 1}, 'c'));
        return eps.reshape('c', xt.shape());
    }
}
