package org.diffusionlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.diffusionlab.app.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Outputs are checked before any work: a bad target ends with one line naming it and leaves nothing behind. */
class OutputCheckTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final CliRun cli = new CliRun();

    @Test
    void aMissingFolderIsRefusedBeforeTraining() throws Exception {
        Path target = dir.resolve("no-such-folder/model.zip");
        String line = cli.refused("train-vae", "--epochs", "1", "--out", target.toString());
        assertTrue(line.contains(target.toString()) && line.contains("does not exist"), line);
        assertTrue(!line.contains(".part"), line);
        assertEquals(0, Files.list(dir).count());
    }

    @Test
    void aFolderThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        String line = cli.refused("train-ddpm", "--data", "two-moons", "--out", file.resolve("m.zip").toString());
        assertTrue(line.contains("is not a folder"), line);
    }

    @Test
    void anExistingFileIsKeptUnlessForced() throws Exception {
        Path existing = Files.writeString(dir.resolve("strip.png"), "keep me");
        String line = cli.refused("forward", "--image", "digit:3", "--out", existing.toString());
        assertTrue(line.contains("exists already") && line.contains("--force"), line);
        assertEquals("keep me", Files.readString(existing));
        assertEquals(0, cli.run("forward", "--image", "digit:3", "--T", "10", "--frames", "2", "--force",
                "--out", existing.toString()).code());
        assertTrue(Files.size(existing) > 100);
    }

    @Test
    void trainingAModelFurtherIntoItsOwnFileNeedsNoForce() throws Exception {
        Path model = dir.resolve("moons.zip");
        Files.copy(Path.of("models/ddpm-toy2d-two-moons.zip"), model);
        byte[] before = Files.readAllBytes(model);
        CliRun.Result trained = cli.run("train-ddpm", "--data", "two-moons", "--epochs", "1", "--init", model.toString(),
                "--out", model.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(!java.util.Arrays.equals(before, Files.readAllBytes(model)), "the model was trained further in place");
        assertEquals(1, Files.list(dir).count(), "no temporary file is left");
    }

    @Test
    void aSecondOutputIsCheckedBeforeTheFirstIsWritten() throws Exception {
        Path model = dir.resolve("moons.zip");
        String line = cli.refused("train-ddpm", "--data", "two-moons", "--epochs", "1", "--out", model.toString(),
                "--samples-png", dir.resolve("missing/samples.png").toString());
        assertTrue(line.contains("samples.png"), line);
        assertTrue(!Files.exists(model));
        line = cli.refused("train-ddpm", "--data", "two-moons", "--out", model.toString(), "--samples-png", model.toString());
        assertTrue(line.contains("two outputs"), line);
    }
}
