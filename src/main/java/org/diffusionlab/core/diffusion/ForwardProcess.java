package org.diffusionlab.core.diffusion;

import org.diffusionlab.core.schedule.NoiseSchedule;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The noising chain q: one step q(x_t | x_{t−1}) and the closed form q(x_t | x₀). Pixels live in [−1, 1]. */
public final class ForwardProcess {
    private final NoiseSchedule schedule;

    public ForwardProcess(NoiseSchedule schedule) {
        this.schedule = schedule;
    }

    public NoiseSchedule schedule() {
        return schedule;
    }

    /** x_t = √ᾱ_t x₀ + √(1−ᾱ_t) ε, a draw from q(x_t | x₀) given ε ~ N(0, I). */
    public INDArray sampleXt(INDArray x0, int t, INDArray eps) {
        return x0.mul(schedule.sqrtAlphaBar(t)).addi(eps.mul(schedule.sqrtOneMinusAlphaBar(t)));
    }

    /** x_t = √ᾱ_t x₀ + √(1−ᾱ_t) ε for a batch whose rows each have their own t. */
    public INDArray sampleXt(INDArray x0, int[] t, INDArray eps) {
        int n = t.length;
        if (x0.size(0) != n) {
            throw new IllegalArgumentException(n + " time steps for a batch of " + x0.size(0));
        }
        float[] signal = new float[n];
        float[] noise = new float[n];
        for (int i = 0; i < n; i++) {
            signal[i] = (float) schedule.sqrtAlphaBar(t[i]);
            noise[i] = (float) schedule.sqrtOneMinusAlphaBar(t[i]);
        }
        INDArray flatX0 = x0.reshape('c', n, x0.length() / n);
        INDArray flatEps = eps.reshape('c', n, eps.length() / n);
        INDArray xt = flatX0.mulColumnVector(Nd4j.create(signal, new long[] {n, 1}, 'c'))
                .addi(flatEps.mulColumnVector(Nd4j.create(noise, new long[] {n, 1}, 'c')));
        return xt.reshape('c', x0.shape());
    }

    /** x_t = √α_t x_{t−1} + √β_t z, a draw from q(x_t | x_{t−1}) given z ~ N(0, I). */
    public INDArray step(INDArray xPrevious, int t, INDArray z) {
        return xPrevious.mul(Math.sqrt(schedule.alpha(t))).addi(z.mul(Math.sqrt(schedule.beta(t))));
    }

    /** The ε that the closed form would need to reach x_t from x₀: (x_t − √ᾱ_t x₀)/√(1−ᾱ_t). Zero at t = 0. */
    public INDArray impliedNoise(INDArray x0, INDArray xt, int t) {
        if (t == 0) {
            return xt.mul(0);
        }
        return xt.sub(x0.mul(schedule.sqrtAlphaBar(t))).divi(schedule.sqrtOneMinusAlphaBar(t));
    }

    /** The same for a batch whose rows each have their own t ≥ 1. */
    public INDArray impliedNoiseRows(INDArray x0, INDArray xt, int[] t) {
        int n = t.length;
        float[] signal = new float[n];
        float[] inverseNoise = new float[n];
        for (int i = 0; i < n; i++) {
            signal[i] = (float) schedule.sqrtAlphaBar(t[i]);
            inverseNoise[i] = (float) (1 / schedule.sqrtOneMinusAlphaBar(t[i]));
        }
        INDArray flatX0 = x0.reshape('c', n, x0.length() / n);
        INDArray flatXt = xt.reshape('c', n, xt.length() / n);
        INDArray eps = flatXt.sub(flatX0.mulColumnVector(Nd4j.create(signal, new long[] {n, 1}, 'c')))
                .muliColumnVector(Nd4j.create(inverseNoise, new long[] {n, 1}, 'c'));
        return eps.reshape('c', xt.shape());
    }

    /** KL(q(x_T | x₀) ‖ N(0, I)) in nats, summed over every pixel: the prior-matching term of the ELBO. */
    public double priorKl(INDArray x0) {
        int last = schedule.steps();
        double variance = 1 - schedule.alphaBar(last);
        double sumSquares = Transforms.pow(x0, 2, true).sumNumber().doubleValue();
        return GaussianKl.toStandardNormal(schedule.alphaBar(last) * sumSquares, variance, x0.length());
    }
}
