package org.diffusionlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final CliRun cli = new CliRun();

    @Test
    void helpListsTheCommands() {
        CliRun.Result result = cli.run("--help");
        assertEquals(0, result.code());
        String help = result.out();
        assertTrue(help.contains("forward") && help.contains("bench"), help);
    }

    @Test
    void forwardWritesAFilmstripOfTheRequestedFrames() throws Exception {
        Path strip = dir.resolve("strip.png");
        assertEquals(0, cli.run("forward", "--image", "digit:3", "--schedule", "cosine", "--T", "200", "--frames", "5",
                "--seed", "2", "--tile", "56", "--out", strip.toString()).code());
        BufferedImage image = ImageIO.read(strip.toFile());
        assertEquals(5 * (56 + 6) + 6, image.getWidth());
        assertTrue(image.getHeight() > 56);
    }

    @Test
    void badArgumentsEndWithOneLineAndExitCodeTwo() throws Exception {
        Path notImage = Files.writeString(dir.resolve("notes.txt"), "text");
        cli.refused("forward", "--image", notImage.toString(), "--out", dir.resolve("x.png").toString());
        cli.refused("forward", "--image", "digit:1", "--schedule", "quadratic", "--out", "x.png");
        cli.refused("forward", "--image", "digit:99999", "--out", "x.png");
        cli.refused("forward", "--T", "abc");
        cli.refused("bench", "no_such_bench");
        assertFalse(Files.exists(dir.resolve("x.png")));
    }
}
