package org.diffusionlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.diffusionlab.app.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every command's numbers are bounded before it starts: one line, exit code 2, nothing written. */
class ArgumentBoundsTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final CliRun cli = new CliRun();

    @Test
    void threadCountsBeyondTheMachineAreRefusedByEveryCommandThatTakesThem() {
        String out = dir.resolve("m.zip").toString();
        String line = cli.refused("eval-ddpm", "--model", "models/ddpm-mnist.zip", "--threads", "100000");
        assertTrue(line.contains("--threads") && line.contains("100000"), line);
        cli.refused("train-ddpm", "--data", "two-moons", "--threads", "100000", "--out", out);
        cli.refused("train-ddpm", "--data", "two-moons", "--threads", "-1", "--out", out);
        assertFalse(Files.exists(dir.resolve("m.zip")));
    }

    @Test
    void negativeOrZeroCountsAreRefusedWithTheRange() {
        String png = dir.resolve("x.png").toString();
        String zip = dir.resolve("x.zip").toString();
        List<String[]> cases = List.of(
                new String[] {"sample-ddpm", "--model", "models/ddpm-mnist.zip", "--n", "-5", "--out", png},
                new String[] {"sample-ddpm", "--model", "models/ddpm-mnist.zip", "--steps", "0", "--out", png},
                new String[] {"sample-ddpm", "--model", "models/ddpm-mnist.zip", "--eta", "NaN", "--out", png},
                new String[] {"eval-ddpm", "--model", "models/ddpm-mnist.zip", "--n", "-1"},
                new String[] {"eval-ddpm", "--model", "models/ddpm-mnist.zip", "--elbo-images", "-3"},
                new String[] {"forward", "--image", "digit:1", "--T", "-10", "--out", png},
                new String[] {"forward", "--image", "digit:1", "--tile", "100000", "--out", png},
                new String[] {"train-vae", "--epochs", "-1", "--out", zip},
                new String[] {"train-vae", "--hidden", "400,-2", "--out", zip},
                new String[] {"train-vae", "--lr", "Infinity", "--out", zip},
                new String[] {"train-ddpm", "--batch", "0", "--out", zip},
                new String[] {"train-ddpm", "--layers", "-4", "--out", zip},
                new String[] {"train-classifier", "--channels", "0", "--out", zip},
                new String[] {"train-classifier", "--features", "-8", "--out", zip});
        for (String[] args : cases) {
            String line = cli.refused(args);
            assertTrue(line.contains(args[args.length - 3]) || line.contains(args[args.length - 1])
                    || line.matches(".*--\\w[\\w-]* must .*"), line);
        }
        assertFalse(Files.exists(dir.resolve("x.png")));
        assertFalse(Files.exists(dir.resolve("x.zip")));
    }

    @Test
    void theMessageStatesTheRange() {
        assertEquals("error: --channels must be from 1 to 256, not 0",
                cli.refused("train-classifier", "--channels", "0", "--out", dir.resolve("c.zip").toString()));
        assertEquals("error: --frames must be from 2 to 200, not 1",
                cli.refused("forward", "--image", "digit:1", "--frames", "1", "--out", dir.resolve("f.png").toString()));
    }
}
