package org.diffusionlab.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoiseScheduleTest {

    @Test
    void linearDefaultMatchesHoEtAl() {
        NoiseSchedule s = NoiseSchedule.linear(1000);
        assertEquals(1e-4, s.beta(1), 1e-15);
        assertEquals(0.02, s.beta(1000), 1e-15);
        assertEquals(0.524085, s.alphaBar(250), 1e-5);
        assertEquals(0.078587, s.alphaBar(500), 1e-5);
        assertEquals(4.0358e-5, s.alphaBar(1000), 1e-8);
        assertEquals(1.0, s.alphaBar(0));
    }

    @Test
    void alphaBarIsTheProductOfAlphas() {
        NoiseSchedule s = NoiseSchedule.linear(37, 3e-4, 0.05);
        double product = 1;
        for (int t = 1; t <= 37; t++) {
            product *= 1 - (3e-4 + (0.05 - 3e-4) * (t - 1) / 36.0);
            assertEquals(product, s.alphaBar(t), 1e-14);
            assertEquals(Math.sqrt(product), s.sqrtAlphaBar(t), 1e-14);
            assertEquals(Math.sqrt(1 - product), s.sqrtOneMinusAlphaBar(t), 1e-14);
            assertEquals(product / (1 - product), s.snr(t), 1e-9 * s.snr(t));
            assertEquals(Math.log(product / (1 - product)), s.logSnr(t), 1e-10);
        }
    }

    @Test
    void cosineFollowsNicholAndDhariwal() {
        NoiseSchedule s = NoiseSchedule.cosine(1000);
        assertEquals(0.49384, s.alphaBar(500), 1e-4);
        double f0 = Math.pow(Math.cos(0.008 / 1.008 * Math.PI / 2), 2);
        for (int t : new int[] {1, 10, 100, 500, 900}) {
            double f = Math.pow(Math.cos((t / 1000.0 + 0.008) / 1.008 * Math.PI / 2), 2);
            assertEquals(f / f0, s.alphaBar(t), 1e-9, "t = " + t); // no clipping this early
        }
        assertEquals(0.999, s.beta(1000), 1e-12, "the last β is clipped at 0.999");
        for (int t = 1; t <= 1000; t++) {
            assertTrue(s.beta(t) > 0 && s.beta(t) <= 0.999);
            assertTrue(s.alphaBar(t) < s.alphaBar(t - 1));
        }
    }

    @Test
    void posteriorCoefficientsMatchTheFormulas() {
        NoiseSchedule s = NoiseSchedule.linear(1000);
        for (int t : new int[] {2, 17, 250, 999, 1000}) {
            double abPrev = s.alphaBar(t - 1);
            double ab = s.alphaBar(t);
            double beta = s.beta(t);
            assertEquals(beta * (1 - abPrev) / (1 - ab), s.posteriorVariance(t), 1e-15);
            assertEquals(Math.sqrt(abPrev) * beta / (1 - ab), s.posteriorMeanCoefX0(t), 1e-15);
            assertEquals(Math.sqrt(1 - beta) * (1 - abPrev) / (1 - ab), s.posteriorMeanCoefXt(t), 1e-15);
        }
        assertEquals(0, s.posteriorVariance(1), "x₀ is known exactly given x₁ and x₀");
        assertEquals(1, s.posteriorMeanCoefX0(1), 1e-12);
    }

    @Test
    void everyTFromOneToAThousandWorks() {
        assertEquals(1e-4, NoiseSchedule.linear(1).beta(1));
        assertEquals(1, NoiseSchedule.cosine(1).steps());
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.linear(0));
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.linear(1001));
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.linear(10, 0, 0.02));
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.linear(10, 1e-4, 1.5));
    }
}
