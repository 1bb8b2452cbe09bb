package org.diffusionlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.diffusionlab.core.imported.Fixtures;
import org.diffusionlab.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that take --model take a model exported from PyTorch exactly as they take the app's own files. */
class ImportedModelCommandsTest {
    @TempDir
    Path dir;

    @Test
    void evalVaePrintsTheHeldOutNegativeElboPyTorchComputedWithinATenthOfANat() throws Exception {
        CliRun run = CliRun.of("eval-vae", "--model", Fixtures.path(Fixtures.VAE).toString());
        assertEquals(0, run.code(), run.err());
        JsonNode line = Json.MAPPER.readTree(run.out().trim());
        JsonNode reference = Json.MAPPER.readTree(Files.readString(Fixtures.path("vae-784-400-20.reference.json")));
        assertEquals(1000, line.get("images").asInt());
        assertEquals(1, line.get("samples_per_image").asInt());
        assertEquals(reference.get("heldout_neg_elbo_nats").asDouble(), line.get("heldout_neg_elbo_nats").asDouble(), 0.1);
        assertTrue(line.get("architecture").asText().startsWith("ONNX VAE 784-20"), line.toString());
    }

    @Test
    void inspectModelPrintsEveryCheckAsOneJsonLine() throws Exception {
        CliRun run = CliRun.of("inspect-model", "--model", Fixtures.path(Fixtures.UNET).toString());
        assertEquals(0, run.code(), run.err());
        JsonNode line = Json.MAPPER.readTree(run.out().trim());
        assertTrue(line.get("valid").asBoolean());
        assertEquals("eps-unet", line.get("kind").asText());
        assertEquals(10, line.get("checks").size());
        assertEquals("batch-1-vs-3", line.get("checks").get(9).get("id").asText());
        assertTrue(line.get("schedule").asText().startsWith("linear(T=1000"), line.toString());
    }

    @Test
    void inspectModelOnARefusedFileSaysWhichCheckFailedAndExitsWithTwo() throws Exception {
        Path frozen = Fixtures.decoder(dir, "Sigmoid", 3);
        CliRun run = CliRun.of("inspect-model", "--model", frozen.toString());
        assertEquals(2, run.code());
        JsonNode line = Json.MAPPER.readTree(run.out().trim());
        assertFalse(line.get("valid").asBoolean());
        assertEquals("failed", line.get("checks").get(4).get("status").asText());
        assertEquals("not_run", line.get("checks").get(5).get("status").asText());
        assertTrue(run.err().contains("the check 'batch-axis' failed"), run.err());
    }

    @Test
    void sampleDdpmDrawsAColourUNetsSamplesInColour() throws Exception {
        Path png = dir.resolve("rgb.png");
        CliRun run = CliRun.of("sample-ddpm", "--model", Fixtures.path(Fixtures.UNET_RGB).toString(), "--n", "4", "--steps", "5",
                "--out", png.toString());
        assertEquals(0, run.code(), run.err());
        BufferedImage picture = ImageIO.read(png.toFile());
        assertEquals(3 * (2 * 32 + 3 * 2), picture.getWidth(), "two tiles of 32 pixels with 2-pixel gaps around, at 3× scale");
        int colour = 0;
        for (int x = 0; x < 32 * 3; x++) {
            Color c = new Color(picture.getRGB(x, x));
            colour += c.getRed() != c.getGreen() || c.getGreen() != c.getBlue() ? 1 : 0;
        }
        assertTrue(colour > 48, "most pixels of an untrained colour U-Net's samples are not grey: " + colour);
    }

    @Test
    void elboTakesAnImportedDigitUNet() throws Exception {
        CliRun run = CliRun.of("elbo", "--model", Fixtures.path(Fixtures.UNET).toString(), "--image", "digit:9001");
        assertEquals(0, run.code(), run.err());
        JsonNode line = Json.MAPPER.readTree(run.out().trim());
        assertEquals("ddpm", line.get("kind").asText());
        assertEquals(1000, line.get("T").asInt());
        assertTrue(line.get("neg_elbo_nats").asDouble() > 0);
    }
}
