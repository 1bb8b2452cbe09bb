package org.diffusionlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.diffusionlab.app.Cli;
import org.diffusionlab.app.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Outputs are checked before any work: a bad target ends with one line naming it and leaves nothing behind. */
class OutputCheckTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err();

    private String refused(String... args) {
        err.reset();
        assertEquals(2, Cli.execute(args), err.toString());
        String[] lines = err.toString().strip().split("\n");
        assertEquals(1, lines.length, err.toString());
        return lines[0];
    }

    @Test
    void aMissingFolderIsRefusedBeforeTraining() throws Exception {
        Path target = dir.resolve("no-such-folder/model.zip");
        String line = refused("train-vae", "--epochs", "1", "--out", target.toString());
        assertTrue(line.contains(target.toString()) && line.contains("does not exist"), line);
        assertTrue(!line.contains(".part"), line);
        assertEquals(0, Files.list(dir).count());
    }

    @Test
    void aFolderThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        String line = refused("train-ddpm", "--data", "two-moons", "--out", file.resolve("m.zip").toString());
        assertTrue(line.contains("is not a folder"), line);
    }

    @Test
    void anExistingFileIsKeptUnlessForced() throws Exception {
        Path existing = Files.writeString(dir.resolve("strip.png"), "keep me");
        String line = refused("forward", "--image", "digit:3", "--out", existing.toString());
        assertTrue(line.contains("exists already") && line.contains("--force"), line);
        assertEquals("keep me", Files.readString(existing));
        assertEquals(0, Cli.execute("forward", "--image", "digit:3", "--T", "10", "--frames", "2", "--force",
                "--out", existing.toString()));
        assertTrue(Files.size(existing) > 100);
    }

    @Test
    void trainingAModelFurtherIntoItsOwnFileNeedsNoForce() throws Exception {
        Path model = dir.resolve("moons.zip");
        Files.copy(Path.of("models/ddpm-toy2d-two-moons.zip"), model);
        byte[] before = Files.readAllBytes(model);
        assertEquals(0, Cli.execute("train-ddpm", "--data", "two-moons", "--epochs", "1", "--init", model.toString(),
                "--out", model.toString()), err.toString());
        assertTrue(!java.util.Arrays.equals(before, Files.readAllBytes(model)), "the model was trained further in place");
        assertEquals(1, Files.list(dir).count(), "no temporary file is left");
    }

    @Test
    void aSecondOutputIsCheckedBeforeTheFirstIsWritten() throws Exception {
        Path model = dir.resolve("moons.zip");
        String line = refused("train-ddpm", "--data", "two-moons", "--epochs", "1", "--out", model.toString(),
                "--samples-png", dir.resolve("missing/samples.png").toString());
        assertTrue(line.contains("samples.png"), line);
        assertTrue(!Files.exists(model));
        line = refused("train-ddpm", "--data", "two-moons", "--out", model.toString(), "--samples-png", model.toString());
        assertTrue(line.contains("two outputs"), line);
    }
}
