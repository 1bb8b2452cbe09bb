package org.diffusionlab.ui.forward;

import java.util.Locale;

import org.diffusionlab.core.diffusion.NoisingChain;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.ui.common.Subscripts;

/** The step of the forward chain shown at t, written out and with its numbers: the jump from x₀ or one step. */
record ForwardEquation(String symbolic, String numbers) {
    static ForwardEquation of(NoiseSchedule s, int t, NoisingChain.Mode mode) {
        String sub = Subscripts.of(t);
        if (mode == NoisingChain.Mode.JUMP || t == 0) {
            return new ForwardEquation("x" + sub + " = √ᾱ" + sub + " · x₀ + √(1 − ᾱ" + sub + ") · ε",
                    String.format(Locale.ROOT, "x%s = %.4f · x₀ + %.4f · ε      (ᾱ%s = %.4g)", sub,
                            s.sqrtAlphaBar(t), s.sqrtOneMinusAlphaBar(t), sub, s.alphaBar(t)));
        }
        String previous = Subscripts.of(t - 1);
        return new ForwardEquation("x" + sub + " = √α" + sub + " · x" + previous + " + √β" + sub + " · z" + sub
                + "    ⇒  x" + sub + " ~ N(√ᾱ" + sub + " x₀, (1 − ᾱ" + sub + ") I)",
                String.format(Locale.ROOT, "x%s = %.4f · x%s + %.4f · z%s      (β%s = %.4g, ᾱ%s = %.4g)",
                        sub, Math.sqrt(s.alpha(t)), previous, Math.sqrt(s.beta(t)), sub, sub, s.beta(t), sub, s.alphaBar(t)));
    }
}
