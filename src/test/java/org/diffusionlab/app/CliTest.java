package org.diffusionlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err();
    private final ByteArrayOutputStream out = console.out();

    @Test
    void helpListsTheCommands() {
        assertEquals(0, Cli.execute("--help"));
        String help = out.toString();
        assertTrue(help.contains("forward") && help.contains("bench"), help);
    }

    @Test
    void forwardWritesAFilmstripOfTheRequestedFrames() throws Exception {
        Path strip = dir.resolve("strip.png");
        assertEquals(0, Cli.execute("forward", "--image", "digit:3", "--schedule", "cosine", "--T", "200", "--frames", "5",
                "--seed", "2", "--tile", "56", "--out", strip.toString()));
        BufferedImage image = ImageIO.read(strip.toFile());
        assertEquals(5 * (56 + 6) + 6, image.getWidth());
        assertTrue(image.getHeight() > 56);
    }

    @Test
    void badArgumentsEndWithOneLineAndExitCodeTwo() throws Exception {
        Path notImage = Files.writeString(dir.resolve("notes.txt"), "text");
        assertEquals(2, Cli.execute("forward", "--image", notImage.toString(), "--out", dir.resolve("x.png").toString()));
        assertEquals(2, Cli.execute("forward", "--image", "digit:1", "--schedule", "quadratic", "--out", "x.png"));
        assertEquals(2, Cli.execute("forward", "--image", "digit:99999", "--out", "x.png"));
        assertEquals(2, Cli.execute("forward", "--T", "abc"));
        assertEquals(2, Cli.execute("bench", "no_such_bench"));
        String[] lines = err.toString().strip().split("\n");
        assertEquals(5, lines.length, err.toString());
        for (String line : lines) {
            assertTrue(line.startsWith("error: "), line);
        }
        assertFalse(Files.exists(dir.resolve("x.png")));
    }
}
