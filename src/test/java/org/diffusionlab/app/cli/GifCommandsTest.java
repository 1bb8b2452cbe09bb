package org.diffusionlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.diffusionlab.app.Cli;
import org.diffusionlab.app.ConsoleCapture;
import org.diffusionlab.core.data.Assets;
import org.diffusionlab.core.io.GifReadBack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** forward and sample-ddpm write the chain as an animated GIF when --out names a .gif. */
class GifCommandsTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err();

    @Test
    void forwardWritesTheChainAsALoopingGif() throws Exception {
        Path gif = dir.resolve("chain.gif");
        assertEquals(0, Cli.execute("forward", "--image", "digit:3", "--T", "300", "--frames", "120", "--delay", "50",
                "--tile", "112", "--out", gif.toString()), err.toString());
        GifReadBack back = GifReadBack.read(gif);
        assertEquals(120, back.frames());
        assertTrue(back.delaysCentiseconds().stream().allMatch(d -> d == 5));
        assertArrayEquals(new byte[] {1, 0, 0}, back.loopBlock());
        assertEquals(112, back.images().get(0).getWidth(), "28-pixel digit at 4× for a 112-pixel tile");
        assertTrue(back.images().get(0).getHeight() > 112, "a band for the t label");
    }

    @Test
    void sampleDdpmWritesTheReverseChainAsAGif() throws Exception {
        Path gif = dir.resolve("reverse.gif");
        String model = Assets.models().resolve("ddpm-mnist.zip").toString();
        assertEquals(0, Cli.execute("sample-ddpm", "--model", model, "--sampler", "ddim", "--steps", "6", "--n", "4",
                "--out", gif.toString(), "--frames", "50", "--once"), err.toString());
        GifReadBack back = GifReadBack.read(gif);
        assertEquals(7, back.frames(), "x_T and one frame after each of the 6 steps: fewer than 50 exist");
        assertEquals(null, back.loopBlock());
        int side = 2 * (28 + 2) + 2;
        assertEquals(side * SamplePictures.GRID_SCALE, back.images().get(0).getWidth());
    }

    @Test
    void badGifOptionsSayWhyAndWriteNothing() throws Exception {
        Path gif = dir.resolve("chain.gif");
        assertEquals(2, Cli.execute("forward", "--image", "digit:3", "--frames", "201", "--out", gif.toString()));
        assertEquals(2, Cli.execute("forward", "--image", "digit:3", "--delay", "5", "--out", gif.toString()));
        assertEquals(2, Cli.execute("sample-ddpm", "--model", "m.zip", "--frames", "50", "--out", dir.resolve("g.png").toString()));
        List<String> lines = List.of(err.toString().strip().split("\n"));
        assertEquals(3, lines.size(), err.toString());
        assertTrue(lines.get(0).contains("--frames must be from 2 to 200"), lines.get(0));
        assertTrue(lines.get(1).contains("--delay"), lines.get(1));
        assertTrue(lines.get(2).contains(".gif"), lines.get(2));
        assertFalse(Files.exists(gif));
    }
}
