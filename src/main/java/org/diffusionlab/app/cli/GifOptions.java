package org.diffusionlab.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.diffusionlab.core.data.AnimationFrames;
import org.diffusionlab.core.diffusion.ChainFrames;
import org.diffusionlab.core.io.GifWriter;

import picocli.CommandLine.Option;

/** The options of an animated GIF output, shared by the commands that write chains. */
final class GifOptions {
    @Option(names = "--delay", defaultValue = "80", description = "GIF: milliseconds per frame, 20..10000 (default: ${DEFAULT-VALUE})")
    int delay;

    @Option(names = "--once", description = "GIF: play once instead of looping")
    boolean once;

    @Option(names = "--no-labels", description = "GIF: no \"t = …\" under each frame")
    boolean noLabels;

    static boolean isGif(Path out) {
        return out.getFileName() != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif");
    }

    /** Fails before any work if the options cannot make a GIF. */
    void check() {
        if (delay < GifWriter.MIN_DELAY_MILLIS || delay > GifWriter.MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException("--delay must be between " + GifWriter.MIN_DELAY_MILLIS + " and "
                    + GifWriter.MAX_DELAY_MILLIS + " ms, got " + delay);
        }
    }

    void write(ChainFrames.Labelled animation, int scale, Path out) throws IOException {
        GifWriter.write(out, AnimationFrames.frames(animation.rasters(), scale, noLabels ? null : animation.labels()), delay, !once);
    }
}
