package org.diffusionlab.ui.reverse;

import java.util.Locale;

import org.diffusionlab.core.diffusion.ReverseFrame;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.ui.common.Subscripts;

/**
 * The update a reverse step applies, written out and with its numbers: DDPM's μ_θ = (x_t − β_t/√(1−ᾱ_t)·ε̂)/√α_t
 * plus σ_t z, or DDIM's jump along x̂₀. Two lines each, broken by hand (JavaFX mis-wraps x̂ and ε̂).
 */
record UpdateEquation(String symbolic, String numbers) {
    /** The update this step applies (at the end: the last step, which made x₀), written out and with its numbers. */
    static UpdateEquation of(NoiseSchedule s, ReverseFrame frame) {
        int t = frame.t();
        String sub = Subscripts.of(t);
        if (frame.nextT() == t - 1) {
            String symbolic = "μθ = (x" + sub + " − β" + sub + "/√(1 − ᾱ" + sub + ") · ε̂) / √α" + sub
                    + "\nx" + Subscripts.of(t - 1) + " = μθ + σ" + sub + " z";
            String numbers = String.format(Locale.ROOT, "μθ = (x%s − %.4f · ε̂) / %.4f%nσ%s = %.4f   β%s = %.4g   ᾱ%s = %.4g",
                    sub, s.beta(t) / s.sqrtOneMinusAlphaBar(t), Math.sqrt(s.alpha(t)), sub, frame.sigma(), sub, s.beta(t),
                    sub, s.alphaBar(t));
            return new UpdateEquation(symbolic, numbers);
        }
        String next = Subscripts.of(frame.nextT());
        String symbolic = "x̂₀ = (x" + sub + " − √(1 − ᾱ" + sub + ") ε̂) / √ᾱ" + sub
                + "\nx" + next + " = √ᾱ" + next + " x̂₀ + √(1 − ᾱ" + next + " − σ²) ε̂ + σ z";
        double alphaBarNext = s.alphaBar(frame.nextT());
        String numbers = String.format(Locale.ROOT, "x%s = %.4f x̂₀ + %.4f ε̂ + %.4f z%nᾱ%s = %.4g   ᾱ%s = %.4g", next,
                Math.sqrt(alphaBarNext), Math.sqrt(Math.max(0, 1 - alphaBarNext - frame.sigma() * frame.sigma())), frame.sigma(),
                sub, s.alphaBar(t), next, alphaBarNext);
        return new UpdateEquation(symbolic, numbers);
    }
}
