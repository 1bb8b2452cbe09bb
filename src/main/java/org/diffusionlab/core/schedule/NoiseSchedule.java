package org.diffusionlab.core.schedule;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * A variance schedule β₁..β_T and every quantity derived from it, precomputed in double precision.
 * Index t runs from 0 to T; t = 0 is the clean image (β₀ = 0, ᾱ₀ = 1).
 * Names follow Ho et al. (2020) and Luo (2022): α_t = 1 − β_t, ᾱ_t = ∏_{s≤t} α_s.
 */
public final class NoiseSchedule {

    public enum Kind { LINEAR, COSINE }

    public static final double DEFAULT_BETA_START = 1e-4;
    public static final double DEFAULT_BETA_END = 0.02;
    public static final double COSINE_OFFSET = 0.008;
    public static final double MAX_BETA = 0.999;
    public static final int MAX_T = 1000;

    private final Kind kind;
    private final int steps;
    private final double betaStart;
    private final double betaEnd;
    private final double[] beta;
    private final double[] alpha;
    private final double[] alphaBar;
    private final double[] sqrtAlphaBar;
    private final double[] sqrtOneMinusAlphaBar;
    private final double[] posteriorVariance;
    private final double[] posteriorMeanCoefX0;
    private final double[] posteriorMeanCoefXt;

    private NoiseSchedule(Kind kind, int steps, double betaStart, double betaEnd, double[] beta) {
        this.kind = kind;
        this.steps = steps;
        this.betaStart = betaStart;
        this.betaEnd = betaEnd;
        this.beta = beta;
        int n = steps + 1;
        alpha = new double[n];
        alphaBar = new double[n];
        sqrtAlphaBar = new double[n];
        sqrtOneMinusAlphaBar = new double[n];
        posteriorVariance = new double[n];
        posteriorMeanCoefX0 = new double[n];
        posteriorMeanCoefXt = new double[n];
        alpha[0] = 1;
        alphaBar[0] = 1;
        sqrtAlphaBar[0] = 1;
        for (int t = 1; t <= steps; t++) {
            alpha[t] = 1 - beta[t];
            alphaBar[t] = alphaBar[t - 1] * alpha[t];
            sqrtAlphaBar[t] = Math.sqrt(alphaBar[t]);
            sqrtOneMinusAlphaBar[t] = Math.sqrt(1 - alphaBar[t]);
            // q(x_{t-1} | x_t, x_0): Luo eq. 84
            double oneMinusAlphaBar = 1 - alphaBar[t];
            posteriorVariance[t] = beta[t] * (1 - alphaBar[t - 1]) / oneMinusAlphaBar;
            posteriorMeanCoefX0[t] = Math.sqrt(alphaBar[t - 1]) * beta[t] / oneMinusAlphaBar;
            posteriorMeanCoefXt[t] = Math.sqrt(alpha[t]) * (1 - alphaBar[t - 1]) / oneMinusAlphaBar;
        }
    }

    /** Linear β from betaStart (t = 1) to betaEnd (t = T), as in Ho et al. (2020). */
    public static NoiseSchedule linear(int steps, double betaStart, double betaEnd) {
        checkSteps(steps);
        if (!(betaStart > 0 && betaEnd > 0 && betaStart < 1 && betaEnd < 1)) {
            throw new IllegalArgumentException("β must lie in (0, 1); got β₁ = " + betaStart + ", β_T = " + betaEnd);
        }
        double[] beta = new double[steps + 1];
        for (int t = 1; t <= steps; t++) {
            beta[t] = steps == 1 ? betaStart : betaStart + (betaEnd - betaStart) * (t - 1) / (steps - 1);
        }
        return new NoiseSchedule(Kind.LINEAR, steps, betaStart, betaEnd, beta);
    }

    public static NoiseSchedule linear(int steps) {
        return linear(steps, DEFAULT_BETA_START, DEFAULT_BETA_END);
    }

    /** Cosine schedule (Nichol & Dhariwal 2021): ᾱ_t = f(t)/f(0), f(t) = cos²((t/T + s)/(1 + s)·π/2), β clipped at 0.999. */
    public static NoiseSchedule cosine(int steps) {
        checkSteps(steps);
        double[] beta = new double[steps + 1];
        double f0 = cosineF(0, steps);
        for (int t = 1; t <= steps; t++) {
            double ratio = (cosineF(t, steps) / f0) / (cosineF(t - 1, steps) / f0);
            beta[t] = Math.min(1 - ratio, MAX_BETA);
        }
        return new NoiseSchedule(Kind.COSINE, steps, beta[1], beta[steps], beta);
    }

    public static NoiseSchedule of(Kind kind, int steps, double betaStart, double betaEnd) {
        return kind == Kind.COSINE ? cosine(steps) : linear(steps, betaStart, betaEnd);
    }

    private static double cosineF(int t, int steps) {
        double c = Math.cos(((double) t / steps + COSINE_OFFSET) / (1 + COSINE_OFFSET) * Math.PI / 2);
        return c * c;
    }

    private static void checkSteps(int steps) {
        if (steps < 1 || steps > MAX_T) {
            throw new IllegalArgumentException("T must be between 1 and " + MAX_T + "; got " + steps);
        }
    }

    public Kind kind() { return kind; }
    /** T, the number of noising steps. */
    public int steps() { return steps; }
    public double betaStart() { return betaStart; }
    public double betaEnd() { return betaEnd; }

    public double beta(int t) { return beta[t]; }
    public double alpha(int t) { return alpha[t]; }
    public double alphaBar(int t) { return alphaBar[t]; }
    public double sqrtAlphaBar(int t) { return sqrtAlphaBar[t]; }
    public double sqrtOneMinusAlphaBar(int t) { return sqrtOneMinusAlphaBar[t]; }
    /** SNR(t) = ᾱ_t / (1 − ᾱ_t); infinite at t = 0. */
    public double snr(int t) { return alphaBar[t] / (1 - alphaBar[t]); }
    public double logSnr(int t) { return Math.log(alphaBar[t]) - Math.log1p(-alphaBar[t]); }
    /** Variance of q(x_{t−1} | x_t, x₀): β_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t). Zero at t = 1. */
    public double posteriorVariance(int t) { return posteriorVariance[t]; }
    /** Coefficient of x₀ in the posterior mean: √ᾱ_{t−1} β_t / (1 − ᾱ_t). */
    public double posteriorMeanCoefX0(int t) { return posteriorMeanCoefX0[t]; }
    /** Coefficient of x_t in the posterior mean: √α_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t). */
    public double posteriorMeanCoefXt(int t) { return posteriorMeanCoefXt[t]; }

    /** A copy of one quantity for t = 0..T, for plotting. */
    public double[] series(IntToDoubleFunction quantity) {
        double[] values = new double[steps + 1];
        for (int t = 0; t <= steps; t++) values[t] = quantity.applyAsDouble(t);
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoiseSchedule s && s.kind == kind && s.steps == steps && Arrays.equals(s.beta, beta);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(beta);
    }

    @Override
    public String toString() {
        return kind == Kind.COSINE ? "cosine(T=" + steps + ")"
                : "linear(T=" + steps + ", β₁=" + betaStart + ", β_T=" + betaEnd + ")";
    }
}
