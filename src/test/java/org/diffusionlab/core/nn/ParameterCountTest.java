package org.diffusionlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The weight counts readers check before building a network are exactly what building it allocates. */
class ParameterCountTest {
    @Test
    void denoiserCountsMatchTheBuiltNetworks() {
        for (DenoiserSpec spec : List.of(new DenoiserSpec.UNetSpec(28, 32, 8, 128, true),
                new DenoiserSpec.UNetSpec(28, 16, 4, 64, false), new DenoiserSpec.UNetSpec(8, 8, 4, 16, true),
                new DenoiserSpec.MlpSpec(2, 128, 3, 64), new DenoiserSpec.MlpSpec(3, 17, 1, 8, 0))) {
            assertEquals(spec.build(0).parameterCount(), spec.parameterCount(), spec.toString());
        }
    }

    @Test
    void theClassifierCountMatchesTheBuiltNetwork() {
        DigitClassifierNet net = new DigitClassifierNet(16, 128, 0);
        long built = net.parameters().shapes().values().stream().mapToLong(s -> {
            long n = 1;
            for (long d : s) {
                n *= d;
            }
            return n;
        }).sum();
        assertEquals(built, DigitClassifierNet.parameterCount(16, 128));
    }
}
