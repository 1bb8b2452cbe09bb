package org.diffusionlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.diffusionlab.app.CliRun;
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
    final CliRun cli = new CliRun();

    @Test
    void forwardWritesTheChainAsALoopingGif() throws Exception {
        Path gif = dir.resolve("chain.gif");
        CliRun.Result written = cli.run("forward", "--image", "digit:3", "--T", "300", "--frames", "120", "--delay", "50",
                "--tile", "112", "--out", gif.toString());
        assertEquals(0, written.code(), written.err());
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
        CliRun.Result written = cli.run("sample-ddpm", "--model", model, "--sampler", "ddim", "--steps", "6", "--n", "4",
                "--out", gif.toString(), "--frames", "50", "--once");
        assertEquals(0, written.code(), written.err());
        GifReadBack back = GifReadBack.read(gif);
        assertEquals(7, back.frames(), "x_T and one frame after each of the 6 steps: fewer than 50 exist");
        assertEquals(null, back.loopBlock());
        int side = 2 * (28 + 2) + 2;
        assertEquals(side * SamplePictures.GRID_SCALE, back.images().get(0).getWidth());
    }

    @Test
    void badGifOptionsSayWhyAndWriteNothing() throws Exception {
        Path gif = dir.resolve("chain.gif");
        String frames = cli.refused("forward", "--image", "digit:3", "--frames", "201", "--out", gif.toString());
        assertTrue(frames.contains("--frames must be from 2 to 200"), frames);
        String delay = cli.refused("forward", "--image", "digit:3", "--delay", "5", "--out", gif.toString());
        assertTrue(delay.contains("--delay"), delay);
        String format = cli.refused("sample-ddpm", "--model", "m.zip", "--frames", "50", "--out", dir.resolve("g.png").toString());
        assertTrue(format.contains(".gif"), format);
        assertFalse(Files.exists(gif));
    }
}
