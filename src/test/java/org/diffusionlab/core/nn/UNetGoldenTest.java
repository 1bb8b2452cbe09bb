package org.diffusionlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.io.Npy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled U-Net computes what it computed before any speed work: ε̂ and a DDIM-10 chain, to float tolerance. */
class UNetGoldenTest {
    private static DiffusionModel model;

    @BeforeAll
    static void load() throws BadInputException {
        model = UNetGolden.model();
    }

    @Test
    void noisePredictionMatchesTheGoldenValues() throws IOException {
        assertClose(golden(UNetGolden.FORWARD), UNetGolden.forward(model), 2e-4f);
    }

    @Test
    void ddimTenStepsFromAFixedSeedMatchesTheGoldenChain() throws IOException {
        assertClose(golden(UNetGolden.DDIM10), UNetGolden.ddim10(model), 2e-3f);
    }

    private static float[] golden(String name) throws IOException {
        return Npy.read(Files.readAllBytes(UNetGolden.DIRECTORY.resolve(name))).data();
    }

    private static void assertClose(float[] expected, float[] actual, float tolerance) {
        assertEquals(expected.length, actual.length);
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double difference = Math.abs(expected[i] - actual[i]);
            if (difference > worst) {
                worst = difference;
                at = i;
            }
        }
        assertEquals(0, worst, tolerance, "largest difference at element " + at);
    }
}
