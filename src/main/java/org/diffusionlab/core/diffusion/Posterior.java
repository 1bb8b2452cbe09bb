package org.diffusionlab.core.diffusion;

import org.diffusionlab.core.schedule.NoiseSchedule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The forward-process posterior q(x_{t−1} | x_t, x₀) = N(μ̃_t, β̃_t I) (Luo eq. 84):
 * μ̃_t = [√α_t (1 − ᾱ_{t−1}) x_t + √ᾱ_{t−1} β_t x₀] / (1 − ᾱ_t), β̃_t = β_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t).
 */
public final class Posterior {
    private final NoiseSchedule schedule;

    public Posterior(NoiseSchedule schedule) {
        this.schedule = schedule;
    }

    public INDArray mean(INDArray xt, INDArray x0, int t) {
        return xt.mul(schedule.posteriorMeanCoefXt(t)).addi(x0.mul(schedule.posteriorMeanCoefX0(t)));
    }

    public double variance(int t) {
        return schedule.posteriorVariance(t);
    }
}
