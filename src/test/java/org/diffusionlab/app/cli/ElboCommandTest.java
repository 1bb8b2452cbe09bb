package org.diffusionlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.diffusionlab.app.Cli;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.elbo.ElboKeys;
import org.diffusionlab.core.elbo.VaeElboReport;
import org.diffusionlab.core.io.Json;
import org.diffusionlab.core.vae.VaeFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ElboCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void aVaePrintsItsBoundsAsOneJsonLineEqualToTheCore() throws Exception {
        assertEquals(0, Cli.execute("elbo", "--model", "models/vae-mnist-z2.zip", "--image", "digit:9003", "--k", "2000",
                "--seed", "3"));
        String[] lines = out.toString().trim().split("\n");
        assertEquals(1, lines.length);
        JsonNode line = Json.MAPPER.readTree(lines[0]);
        VaeElboReport core = VaeElboReport.compute(VaeFile.read(Path.of("models/vae-mnist-z2.zip")).vae(),
                Digits.bundled().pixels(9003), 2000, 3, VaeElboReport.GRID_SIZE, VaeElboReport.REFINEMENTS, () -> false);
        assertEquals(core.elbo().value(), line.get(ElboKeys.ELBO).asDouble(), 1e-12);
        assertEquals(core.iwae().value(), line.get(ElboKeys.IWAE).asDouble(), 1e-12);
        assertEquals(core.gridLogEvidence(), line.get(ElboKeys.GRID_LOG_EVIDENCE).asDouble(), 1e-12);
        assertEquals(line.get(ElboKeys.GRID_LOG_EVIDENCE).asDouble() - line.get(ElboKeys.ELBO).asDouble(),
                line.get(ElboKeys.POSTERIOR_KL).asDouble(), 1e-9);
        assertEquals(line.get(ElboKeys.EXPECTED_LOG_LIKELIHOOD).asDouble() - line.get(ElboKeys.PRIOR_KL).asDouble(),
                line.get(ElboKeys.ELBO).asDouble(), 1e-9);
        assertTrue(line.get(ElboKeys.IWAE_STANDARD_ERROR).asDouble() > 0);
        assertEquals(40_000, line.get(ElboKeys.GRID_CELLS).asInt());
    }

    @Test
    void aLargerLatentHasNoGrid() throws Exception {
        assertEquals(0, Cli.execute("elbo", "--model", "models/vae-mnist-z16.zip", "--image", "digit:9001", "--k", "500"));
        JsonNode line = Json.MAPPER.readTree(out.toString().trim());
        assertEquals(16, line.get(ElboKeys.LATENT).asInt());
        assertFalse(line.has(ElboKeys.GRID_LOG_EVIDENCE));
        assertTrue(line.get(ElboKeys.IWAE).asDouble() >= line.get(ElboKeys.ELBO).asDouble() - 1);
    }

    @Test
    void aModelOfAnotherKindIsRefusedInWords() {
        assertEquals(Cli.EXIT_BAD_INPUT, Cli.execute("elbo", "--model", "models/digit-classifier.zip", "--image", "digit:1"));
        assertTrue(err.toString().contains("elbo takes a VAE or a diffusion model"), err.toString());
        assertEquals(Cli.EXIT_BAD_INPUT, Cli.execute("elbo", "--model", "models/vae-mnist-z2.zip", "--image", "digit:1",
                "--k", "0"));
    }
}
