package org.diffusionlab.ui.elbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.diffusionlab.ui.common.text.Messages;
import org.junit.jupiter.api.Test;

/** The formulas' words follow the UI language and their numbers its convention (no window needed). */
class EquationsTest {
    private final Messages english = new Messages(Messages.ENGLISH);
    private final Messages vietnamese = new Messages(Messages.VIETNAMESE);

    @Test
    void numbersInsideTeXUseTheLocalesDecimalMarkKeptTightAndTeXsMinusAndPowers() {
        assertEquals("-3.96616", Figures.texSix(english, -3.966158));
        assertEquals("-3{,}96616", Figures.texSix(vietnamese, -3.966158));
        assertEquals("5{,}78332\\times 10^{-8}", Figures.texSix(vietnamese, 5.78332e-8));
        assertEquals("\\ldots", Figures.texSix(english, Double.NaN));
    }

    @Test
    void theWordsUnderTheBracesComeFromTheBundles() {
        String en = new Equations(english).split(-3.77, 0.196, -3.966);
        String vi = new Equations(vietnamese).split(-3.77, 0.196, -3.966);
        assertTrue(en.contains("\\textsf{reconstruction}") && en.contains("\\textsf{prior matching}"), en);
        assertTrue(vi.contains("\\textsf{" + vietnamese.get("elbo.tex.reconstruction") + "}"), vi);
        assertTrue(vi.contains("\\textsf{" + vietnamese.get("elbo.tex.priorMatching") + "}"), vi);
        assertFalse(vi.contains("reconstruction"), vi);
        assertTrue(vi.contains("-3{,}77000") && vi.contains("0{,}196000"), vi);
        String chain = new Equations(vietnamese).diffusionElbo(150, 2e-4, 30.5, 180.5);
        assertTrue(chain.contains(vietnamese.get("elbo.tex.denoisingMatching")), chain);
        assertTrue(chain.contains("=\\,-180{,}500"), chain);
    }

    @Test
    void theGaussianKlIsWrittenOutAtQsMeanAndSigma() {
        String tex = new Equations(english).gaussianKl(-0.1, 0.6, 0.195826);
        assertTrue(tex.contains("\\log 0.600^2 - (-0.100)^2 - 0.600^2"), tex);
        assertTrue(tex.contains("=\\,0.195826"), tex);
    }
}
