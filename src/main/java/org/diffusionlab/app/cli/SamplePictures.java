package org.diffusionlab.app.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.AnimationFrames;
import org.diffusionlab.core.data.Filmstrip;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.data.SamplePicture;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.diffusion.ReverseChain;
import org.diffusionlab.core.diffusion.Sampler;
import org.diffusionlab.core.io.Figures;

/** Writes a model's samples to a PNG: a grid of digits, or a scatter of 2-D points, for a person to look at. */
final class SamplePictures {
    static final int GRID_SCALE = 3;

    private SamplePictures() {
    }

    static void write(DiffusionModel model, int count, long seed, Path target) throws IOException, BadInputException {
        write(model, ReverseChain.fromNoise(model, new Sampler.Ddim(50, 0), count, seed).finish().dup('c').data().asFloat(),
                target);
    }

    static void write(DiffusionModel model, float[] samples, Path target) throws IOException, BadInputException {
        Figures.requireFiniteSamples(target.getFileName().toString(), samples);
        Raster picture = picture(model, samples);
        Filmstrip.writePng(AnimationFrames.frame(picture, model.isImage() ? GRID_SCALE : 1, null), target);
    }

    /** The samples as one picture at natural size: a grid of digits (one pixel each), or a 2-D scatter. */
    static Raster picture(DiffusionModel model, float[] samples) {
        long[] shape = model.sampleShape();
        return model.isImage() ? SamplePicture.grid(samples, (int) shape[0], (int) shape[1], (int) shape[2]) : SamplePicture.scatter(samples);
    }
}
