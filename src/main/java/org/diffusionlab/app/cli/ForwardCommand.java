package org.diffusionlab.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.AnimationFrames;
import org.diffusionlab.core.data.Filmstrip;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.diffusion.ChainFrames;
import org.diffusionlab.core.diffusion.NoisingChain;
import org.diffusionlab.core.schedule.NoiseSchedule;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "forward", mixinStandardHelpOptions = true,
        description = "Noise an image step by step and write a filmstrip PNG of x_0 ... x_T, or an animated GIF (--out ….gif).")
public final class ForwardCommand implements Callable<Integer> {
    @Option(names = "--image", required = true, paramLabel = "FILE|digit:N|photo:NAME",
            description = "an image file, a bundled digit (digit:0..9999) or photo (photo:astronaut, chelsea, coffee, rocket, hubble)")
    String image;

    @Option(names = "--schedule", defaultValue = "linear", description = "linear or cosine (default: ${DEFAULT-VALUE})")
    String schedule;

    @Option(names = "--T", defaultValue = "1000", description = "number of steps, 1..1000 (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--beta-start", defaultValue = "1e-4", description = "β_1 of the linear schedule (default: ${DEFAULT-VALUE})")
    double betaStart;

    @Option(names = "--beta-end", defaultValue = "0.02", description = "β_T of the linear schedule (default: ${DEFAULT-VALUE})")
    double betaEnd;

    @Option(names = "--mode", defaultValue = "jump", description = "jump (q(x_t|x_0)) or iterate (q(x_t|x_{t-1})) (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--frames", defaultValue = "10", description = "frames in the strip, 2..100, or in a GIF, 2..200 (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--seed", defaultValue = "1", description = "noise seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--tile", defaultValue = "112", description = "tile size in pixels (default: ${DEFAULT-VALUE})")
    int tile;

    @Option(names = "--out", required = true, description = "the PNG, or the animated GIF (a name ending in .gif), to write")
    Path out;

    @Mixin
    GifOptions gif = new GifOptions();

    @Override
    public Integer call() throws Exception {
        int maxFrames = GifOptions.isGif(out) ? AnimationFrames.MAX_FRAMES : 100;
        if (frames < 2 || frames > maxFrames) {
            throw new IllegalArgumentException("--frames must be from 2 to " + maxFrames + " for a "
                    + (GifOptions.isGif(out) ? "GIF" : "PNG strip") + ", not " + frames);
        }
        if (tile < 8 || tile > 512) {
            throw new IllegalArgumentException("--tile must be between 8 and 512, got " + tile);
        }
        NoiseSchedule noiseSchedule = NoiseSchedule.of(parseKind(schedule), steps, betaStart, betaEnd);
        NoisingChain chain = new NoisingChain(ImageArgument.load(image).picture(), noiseSchedule, seed, parseMode(mode));
        if (GifOptions.isGif(out)) {
            gif.check();
            ChainFrames.Labelled animation = ChainFrames.forward(chain, frames);
            int scale = AnimationFrames.scaleFor(Math.max(chain.picture().width(), chain.picture().height()), tile);
            gif.write(animation, scale, out);
            System.err.println("wrote " + out + " (" + animation.rasters().size() + " frames, " + noiseSchedule + ", seed " + seed + ")");
            return 0;
        }
        List<Raster> rasters = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        var picture = chain.picture();
        for (int i = 0; i < frames; i++) {
            int t = (int) Math.round((double) i * steps / (frames - 1));
            rasters.add(Raster.of(chain.frame(t).xt(), picture.width(), picture.height(), picture.channels(), -1f, 1f));
            captions.add("t = " + t);
        }
        Filmstrip.writePng(Filmstrip.compose(rasters, captions, tile), out);
        System.err.println("wrote " + out + " (" + frames + " frames, " + noiseSchedule + ", seed " + seed + ")");
        return 0;
    }

    static NoiseSchedule.Kind parseKind(String text) throws BadInputException {
        return switch (text.toLowerCase()) {
            case "linear" -> NoiseSchedule.Kind.LINEAR;
            case "cosine" -> NoiseSchedule.Kind.COSINE;
            default -> throw new BadInputException("--schedule must be linear or cosine, not '" + text + "'");
        };
    }

    static NoisingChain.Mode parseMode(String text) throws BadInputException {
        return switch (text.toLowerCase()) {
            case "jump" -> NoisingChain.Mode.JUMP;
            case "iterate" -> NoisingChain.Mode.ITERATE;
            default -> throw new BadInputException("--mode must be jump or iterate, not '" + text + "'");
        };
    }
}
