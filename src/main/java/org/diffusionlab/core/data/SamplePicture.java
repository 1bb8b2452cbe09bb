package org.diffusionlab.core.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** A batch of a model's samples as one picture: a grid of images (grey or colour), or a scatter of 2-D points. */
public final class SamplePicture {
    public static final int SCATTER_SIZE = 480;
    /** The scatter shows x and y from −3 to 3, the range of the 2-D sets and of N(0, I)'s bulk. */
    private static final double SCATTER_EXTENT = 3;

    private SamplePicture() {
    }

    /** Samples of side×side pixels in [−1, 1], one after another, tiled into a square-ish grid with 2-pixel gaps. */
    public static Raster grid(float[] samples, int side) {
        return grid(samples, 1, side, side);
    }

    /** Samples of channels × height × width (planar, 1 or 3 channels) in [−1, 1], tiled the same way. */
    public static Raster grid(float[] samples, int channels, int height, int width) {
        int d = channels * height * width;
        List<Raster> tiles = new ArrayList<>();
        for (int i = 0; i < samples.length / d; i++) {
            float[] one = new float[d];
            System.arraycopy(samples, i * d, one, 0, d);
            tiles.add(Raster.of(one, width, height, channels, -1f, 1f));
        }
        return AnimationFrames.grid(tiles, (int) Math.ceil(Math.sqrt(tiles.size())), 2);
    }

    /** Points (x, y), one pair after another, as translucent dots on white with the axes faintly drawn. */
    public static Raster scatter(float[] points) {
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
        double unit = size / (2 * SCATTER_EXTENT);
        for (int i = 0; i + 1 < points.length; i += 2) {
            double x = size / 2.0 + points[i] * unit;
            double y = size / 2.0 - points[i + 1] * unit;
            g.fillOval((int) x - 2, (int) y - 2, 4, 4);
        }
        g.dispose();
        return new Raster(size, size, image.getRGB(0, 0, size, size, null, 0, size));
    }
}
