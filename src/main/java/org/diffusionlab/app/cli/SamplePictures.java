package org.diffusionlab.app.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.diffusionlab.core.data.AnimationFrames;
import org.diffusionlab.core.data.Filmstrip;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.diffusion.ReverseChain;
import org.diffusionlab.core.diffusion.Sampler;

/** Writes a model's samples to a PNG: a grid of digits, or a scatter of 2-D points, for a person to look at. */
final class SamplePictures {
    static final int GRID_SCALE = 3;
    private static final int SCATTER_SIZE = 480;

    private SamplePictures() {
    }

    static void write(DiffusionModel model, int count, long seed, Path target) throws IOException {
        write(model, ReverseChain.fromNoise(model, new Sampler.Ddim(50, 0), count, seed).finish().dup('c').data().asFloat(),
                target);
    }

    static void write(DiffusionModel model, float[] samples, Path target) throws IOException {
        Raster picture = picture(model, samples);
        if (model.isImage()) {
            Filmstrip.writePng(AnimationFrames.frame(picture, GRID_SCALE, null), target);
        } else {
            Filmstrip.writePng(AnimationFrames.frame(picture, 1, null), target);
        }
    }

    /** The samples as one picture at natural size: a grid of digits (one pixel each), or a 2-D scatter. */
    static Raster picture(DiffusionModel model, float[] samples) {
        if (model.isImage()) {
            int side = (int) model.sampleShape()[1];
            int d = model.dimensions();
            List<Raster> tiles = new ArrayList<>();
            for (int i = 0; i < samples.length / d; i++) {
                float[] one = new float[d];
                System.arraycopy(samples, i * d, one, 0, d);
                tiles.add(Raster.of(one, side, side, 1, -1f, 1f));
            }
            return AnimationFrames.grid(tiles, (int) Math.ceil(Math.sqrt(tiles.size())), 2);
        }
        int size = SCATTER_SIZE;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setColor(new Color(0, 0, 0, 40));
        g.drawLine(size / 2, 0, size / 2, size);
        g.drawLine(0, size / 2, size, size / 2);
        g.setColor(new Color(20, 60, 200, 120));
        for (int i = 0; i + 1 < samples.length; i += 2) {
            double x = size / 2.0 + samples[i] * size / 6.0;
            double y = size / 2.0 - samples[i + 1] * size / 6.0;
            g.fillOval((int) x - 2, (int) y - 2, 4, 4);
        }
        g.dispose();
        return new Raster(size, size, image.getRGB(0, 0, size, size, null, 0, size));
    }
}
