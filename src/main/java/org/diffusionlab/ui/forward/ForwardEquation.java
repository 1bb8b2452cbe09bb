package org.diffusionlab.ui.forward;

import static org.diffusionlab.ui.common.text.Numbers.fixedArgument;
import static org.diffusionlab.ui.common.text.Numbers.significantArgument;

import org.diffusionlab.core.diffusion.NoisingChain;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.Subscripts;

/** The step of the forward chain shown at t, written out and with its numbers: the jump from x₀ or one step. */
record ForwardEquation(String symbolic, Localized numbers) {
    static ForwardEquation of(NoiseSchedule s, int t, NoisingChain.Mode mode) {
        String sub = Subscripts.of(t);
        if (mode == NoisingChain.Mode.JUMP || t == 0) {
            return new ForwardEquation("x" + sub + " = √ᾱ" + sub + " · x₀ + √(1 − ᾱ" + sub + ") · ε",
                    Localized.of("equation.forward.jump", sub, fixedArgument(s.sqrtAlphaBar(t), 4),
                            fixedArgument(s.sqrtOneMinusAlphaBar(t), 4), significantArgument(s.alphaBar(t), 4)));
        }
        String previous = Subscripts.of(t - 1);
        return new ForwardEquation("x" + sub + " = √α" + sub + " · x" + previous + " + √β" + sub + " · z" + sub
                + "    ⇒  x" + sub + " ~ N(√ᾱ" + sub + " x₀, (1 − ᾱ" + sub + ") I)",
                Localized.of("equation.forward.step", sub, previous, fixedArgument(Math.sqrt(s.alpha(t)), 4),
                        fixedArgument(Math.sqrt(s.beta(t)), 4), significantArgument(s.beta(t), 4),
                        significantArgument(s.alphaBar(t), 4)));
    }
}
