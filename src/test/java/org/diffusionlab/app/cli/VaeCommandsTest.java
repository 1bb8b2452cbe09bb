package org.diffusionlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.diffusionlab.core.io.Json;
import org.diffusionlab.core.vae.VaeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaeCommandsTest {
    @TempDir
    Path directory;

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    @Test
    void trainVaeWritesAModelThatEvalVaeReproduces() throws Exception {
        Path model = directory.resolve("small.zip");
        CliRun trained = cli("train-vae", "--latent", "2", "--hidden", "16", "--epochs", "1", "--batch", "500", "--seed", "5",
                "--out", model.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.err().contains("epoch 1/1: held-out −ELBO"), trained.err());
        assertTrue(Files.isRegularFile(model));
        VaeFile.Loaded loaded = VaeFile.read(model);
        assertEquals("diffusion-lab train-vae --latent 2 --hidden 16 --beta 1 --lr 0.001 --batch 500 --epochs 1 --seed 5 --out "
                + model, loaded.command());

        CliRun evaluated = cli("eval-vae", "--model", model.toString());
        assertEquals(0, evaluated.code(), evaluated.err());
        JsonNode line = Json.MAPPER.readTree(evaluated.out().strip());
        assertEquals(1000, line.get("images").asInt());
        assertEquals("784-16-2", line.get("architecture").asText());
        // the same model and the same evaluation noise give exactly the numbers the manifest recorded
        assertEquals(loaded.manifest().at("/metrics/heldout_neg_elbo_nats").asDouble(),
                line.get("heldout_neg_elbo_nats").asDouble(), 1e-3);
        assertEquals(loaded.heldOut().klNats(), line.get("heldout_kl_nats").asDouble(), 1e-3);
    }

    @Test
    void badArgumentsAndFilesEndWithOneLineAndExitCode2() throws Exception {
        CliRun latent = cli("train-vae", "--latent", "1", "--out", directory.resolve("x.zip").toString());
        assertEquals(2, latent.code());
        assertEquals("error: --latent must be from 2 to 64, not 1", latent.err().strip());

        CliRun missing = cli("eval-vae", "--model", directory.resolve("absent.zip").toString());
        assertEquals(2, missing.code());
        assertEquals("error: absent.zip: no such file", missing.err().strip());

        Path notAModel = directory.resolve("notes.zip");
        Files.writeString(notAModel, "hello");
        CliRun foreign = cli("eval-vae", "--model", notAModel.toString());
        assertEquals(2, foreign.code());
        assertTrue(foreign.err().startsWith("error: notes.zip: not a Diffusion Lab model"), foreign.err());
    }
}
