package org.diffusionlab.core.diffusion;

import org.diffusionlab.core.schedule.NoiseSchedule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A rule for one reverse step x_t → x_{t'} given ε̂ and x̂₀ = (x_t − √(1−ᾱ_t) ε̂)/√ᾱ_t, and the time steps it visits.
 */
public sealed interface Sampler {

    /** The steps visited from {@code startT} down, t₁ > t₂ > … ≥ 1; after the last comes t' = 0. */
    int[] timesteps(int startT);

    /** x_{t'} from x_t; {@code z} is fresh N(0, I) noise (used only when the step is stochastic). */
    INDArray step(NoiseSchedule schedule, INDArray xt, int t, int tNext, INDArray epsHat, INDArray x0Hat, INDArray z);

    /** The standard deviation of the noise this step adds. */
    double sigma(NoiseSchedule schedule, int t, int tNext);

    /** A short label, e.g. "DDPM" or "DDIM-50 (η = 0)". */
    String label();

    /**
     * Ancestral sampling of Ho et al. (2020), every step: x_{t−1} = μ_θ(x_t, t) + σ_t z, where
     * μ_θ = (x_t − β_t/√(1−ᾱ_t)·ε̂)/√α_t, written as the posterior mean μ̃(x_t, x̂₀) so that a clipped x̂₀ can
     * enter (the two agree whenever x̂₀ is not clipped). σ_t² = β̃_t, the posterior variance (the choice that
     * makes the reverse KLs of the ELBO pure mean terms), or β_t with {@code largeVariance}. No noise at t = 1.
     */
    record Ddpm(boolean largeVariance) implements Sampler {
        @Override
        public int[] timesteps(int startT) {
            int[] t = new int[startT];
            for (int i = 0; i < startT; i++) {
                t[i] = startT - i;
            }
            return t;
        }

        @Override
        public INDArray step(NoiseSchedule s, INDArray xt, int t, int tNext, INDArray epsHat, INDArray x0Hat, INDArray z) {
            INDArray mean = x0Hat.mul(s.posteriorMeanCoefX0(t)).addi(xt.mul(s.posteriorMeanCoefXt(t)));
            double sigma = sigma(s, t, tNext);
            return sigma == 0 ? mean : mean.addi(z.mul(sigma));
        }

        @Override
        public double sigma(NoiseSchedule s, int t, int tNext) {
            return t <= 1 ? 0 : Math.sqrt(largeVariance ? s.beta(t) : s.posteriorVariance(t));
        }

        @Override
        public String label() {
            return "DDPM";
        }
    }

    /**
     * DDIM (Song et al. 2021) on {@code steps} evenly spaced time steps:
     * x_{t'} = √ᾱ_{t'} x̂₀ + √(1 − ᾱ_{t'} − σ²) ε̂ + σ z, σ = η·√((1−ᾱ_{t'})/(1−ᾱ_t))·√(1 − ᾱ_t/ᾱ_{t'}).
     * η = 0 is deterministic; η = 1 on every step is DDPM with σ_t² = β̃_t. The ε in the direction term is the one
     * x̂₀ implies, (x_t − √ᾱ_t x̂₀)/√(1−ᾱ_t): it equals ε̂ unless x̂₀ was clipped, and then keeps the step consistent
     * with the clipped x̂₀ (pairing a clipped x̂₀ with the raw ε̂ left stray pixels and wobbly strokes in digits).
     */
    record Ddim(int steps, double eta) implements Sampler {
        public Ddim {
            if (steps < 1 || steps > NoiseSchedule.MAX_T) {
                throw new IllegalArgumentException("DDIM steps must be from 1 to " + NoiseSchedule.MAX_T + ", not " + steps);
            }
            if (!(eta >= 0 && eta <= 1)) {
                throw new IllegalArgumentException("η must lie in [0, 1], not " + eta);
            }
        }

        @Override
        public int[] timesteps(int startT) {
            int count = Math.min(steps, startT);
            int[] t = new int[count];
            for (int i = 0; i < count; i++) {
                t[i] = (int) Math.round((double) (count - i) * startT / count);
            }
            return t;
        }

        @Override
        public INDArray step(NoiseSchedule s, INDArray xt, int t, int tNext, INDArray epsHat, INDArray x0Hat, INDArray z) {
            double sigma = sigma(s, t, tNext);
            double alphaBarNext = s.alphaBar(tNext);
            double direction = Math.sqrt(Math.max(0, 1 - alphaBarNext - sigma * sigma));
            INDArray eps = new ForwardProcess(s).impliedNoise(x0Hat, xt, t);
            INDArray next = x0Hat.mul(Math.sqrt(alphaBarNext)).addi(eps.muli(direction));
            return sigma == 0 ? next : next.addi(z.mul(sigma));
        }

        @Override
        public double sigma(NoiseSchedule s, int t, int tNext) {
            double alphaBar = s.alphaBar(t);
            double alphaBarNext = s.alphaBar(tNext);
            return eta * Math.sqrt((1 - alphaBarNext) / (1 - alphaBar)) * Math.sqrt(1 - alphaBar / alphaBarNext);
        }

        @Override
        public String label() {
            return "DDIM-" + steps + " (η = " + eta + ")";
        }
    }
}
