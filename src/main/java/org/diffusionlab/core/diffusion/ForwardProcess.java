package org.diffusionlab.core.diffusion;

import org.diffusionlab.core.schedule.NoiseSchedule;
import org.nd4j.linalg.api.ndarray.INDArray;
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

    /** KL(q(x_T | x₀) ‖ N(0, I)) in nats, summed over every pixel: the prior-matching term of the ELBO. */
    public double priorKl(INDArray x0) {
        int last = schedule.steps();
        double variance = 1 - schedule.alphaBar(last);
        double sumSquares = Transforms.pow(x0, 2, true).sumNumber().doubleValue();
        return GaussianKl.toStandardNormal(schedule.alphaBar(last) * sumSquares, variance, x0.length());
    }
}
