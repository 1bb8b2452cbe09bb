package org.diffusionlab.app.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.Filmstrip;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.diffusion.ReverseChain;
import org.diffusionlab.core.diffusion.Sampler;
import org.diffusionlab.core.io.Figures;

/** Writes a model's samples to a PNG: a grid of digits, or a scatter of 2-D points, for a person to look at. */
final class SamplePictures {
    private SamplePictures() {
    }

    static void write(DiffusionModel model, int count, long seed, Path target) throws IOException, BadInputException {
        write(model, ReverseChain.fromNoise(model, new Sampler.Ddim(50, 0), count, seed).finish().dup('c').data().asFloat(),
                target);
    }

    static void write(DiffusionModel model, float[] samples, Path target) throws IOException, BadInputException {
        Figures.requireFiniteSamples(target.getFileName().toString(), samples);
        if (model.isImage()) {
            long[] shape = model.sampleShape();
            int side = (int) shape[1];
            int d = model.dimensions();
            int count = samples.length / d;
            int columns = (int) Math.ceil(Math.sqrt(count));
            BufferedImage grid = new BufferedImage(columns * (side + 2), ((count + columns - 1) / columns) * (side + 2),
                    BufferedImage.TYPE_INT_RGB);
            for (int i = 0; i < count; i++) {
                float[] one = new float[d];
                System.arraycopy(samples, i * d, one, 0, d);
                Raster raster = Raster.of(one, side, side, 1, -1f, 1f);
                grid.setRGB((i % columns) * (side + 2) + 1, (i / columns) * (side + 2) + 1, side, side, raster.argb(), 0, side);
            }
            BufferedImage scaled = new BufferedImage(grid.getWidth() * 3, grid.getHeight() * 3, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scaled.createGraphics();
            g.drawImage(grid, 0, 0, scaled.getWidth(), scaled.getHeight(), null);
            g.dispose();
            Filmstrip.writePng(scaled, target);
        } else {
            int size = 480;
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
            Filmstrip.writePng(image, target);
        }
    }
}
