package org.diffusionlab.ui.reverse;

import static org.diffusionlab.ui.common.text.Numbers.fixedArgument;
import static org.diffusionlab.ui.common.text.Numbers.significantArgument;

import org.diffusionlab.core.diffusion.ReverseFrame;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.Subscripts;

/**
 * The update a reverse step applies, written out and with its numbers: DDPM's μ_θ = (x_t − β_t/√(1−ᾱ_t)·ε̂)/√α_t
 * plus σ_t z, or DDIM's jump along x̂₀. Two lines each, broken by hand (JavaFX mis-wraps x̂ and ε̂).
 */
record UpdateEquation(String symbolic, Localized numbers) {
    /** The update this step applies (at the end: the last step, which made x₀), written out and with its numbers. */
    static UpdateEquation of(NoiseSchedule s, ReverseFrame frame) {
        int t = frame.t();
        String sub = Subscripts.of(t);
        if (frame.nextT() == t - 1) {
            String symbolic = "μθ = (x" + sub + " − β" + sub + "/√(1 − ᾱ" + sub + ") · ε̂) / √α" + sub
                    + "\nx" + Subscripts.of(t - 1) + " = μθ + σ" + sub + " z";
            Localized numbers = Localized.of("equation.reverse.ddpm", sub, fixedArgument(s.beta(t) / s.sqrtOneMinusAlphaBar(t), 4),
                    fixedArgument(Math.sqrt(s.alpha(t)), 4), fixedArgument(frame.sigma(), 4), significantArgument(s.beta(t), 4),
                    significantArgument(s.alphaBar(t), 4));
            return new UpdateEquation(symbolic, numbers);
        }
        String next = Subscripts.of(frame.nextT());
        String symbolic = "x̂₀ = (x" + sub + " − √(1 − ᾱ" + sub + ") ε̂) / √ᾱ" + sub
                + "\nx" + next + " = √ᾱ" + next + " x̂₀\n        + √(1 − ᾱ" + next + " − σ²) ε̂ + σ z";
        double alphaBarNext = s.alphaBar(frame.nextT());
        Localized numbers = Localized.of("equation.reverse.ddim", next, fixedArgument(Math.sqrt(alphaBarNext), 4),
                fixedArgument(Math.sqrt(Math.max(0, 1 - alphaBarNext - frame.sigma() * frame.sigma())), 4),
                fixedArgument(frame.sigma(), 4), sub, significantArgument(s.alphaBar(t), 4), significantArgument(alphaBarNext, 4));
        return new UpdateEquation(symbolic, numbers);
    }
}
