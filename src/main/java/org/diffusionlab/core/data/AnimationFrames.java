package org.diffusionlab.core.data;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The frames of an exported animation: a raster scaled up by a whole factor with nearest-neighbour (so each
 * pixel of noise stays one sharp square), with an optional label such as "t = 500" in a band below, drawn
 * small without antialiasing and scaled up the same way, so its digits stay crisp in a 256-colour GIF.
 */
public final class AnimationFrames {
    public static final int MIN_FRAMES = 2;
    public static final int MAX_FRAMES = 200;
    private static final int LABEL_FONT = 11;

    private AnimationFrames() {
    }

    /**
     * {@code count} whole numbers spread evenly from {@code first} to {@code last}, both included, in order and
     * without repeats (so fewer when the range holds fewer).
     */
    public static List<Integer> spread(int count, int first, int last) {
        if (count < 1) {
            throw new IllegalArgumentException("the number of frames must be at least 1, not " + count);
        }
        List<Integer> steps = new ArrayList<>();
        int span = last - first;
        int n = Math.min(count, Math.abs(span) + 1);
        for (int i = 0; i < n; i++) {
            int step = n == 1 ? first : first + (int) Math.round((double) i * span / (n - 1));
            if (steps.isEmpty() || steps.get(steps.size() - 1) != step) {
                steps.add(step);
            }
        }
        return steps;
    }

    /** The whole scale factor that brings a side of {@code side} pixels closest to {@code displaySide}, at least 1. */
    public static int scaleFor(int side, double displaySide) {
        return Math.max(1, (int) Math.round(displaySide / side));
    }

    /** One frame: the raster scaled by {@code scale}, and below it the label if there is one (else no band). */
    public static BufferedImage frame(Raster raster, int scale, String label) {
        int width = raster.width() * scale;
        int height = raster.height() * scale;
        BufferedImage small = label == null || label.isEmpty() ? null : labelImage(label);
        int labelScale = small == null ? 0 : labelScale(small, width, height);
        int band = small == null ? 0 : (small.getHeight() + 2) * labelScale;
        BufferedImage frame = new BufferedImage(width, height + band, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(Pixels.toImage(raster.argb(), raster.width(), raster.height()), 0, 0, width, height, null);
        if (small != null) {
            g.setColor(Color.WHITE);
            g.fillRect(0, height, width, band);
            int w = small.getWidth() * labelScale;
            g.drawImage(small, (width - w) / 2, height + labelScale, w, small.getHeight() * labelScale, null);
        }
        g.dispose();
        return frame;
    }

    /** Frames with one label each (or none when {@code labels} is null); every frame gets the same size. */
    public static List<BufferedImage> frames(List<Raster> rasters, int scale, List<String> labels) {
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < rasters.size(); i++) {
            frames.add(frame(rasters.get(i), scale, labels == null ? null : labels.get(i)));
        }
        int band = frames.stream().mapToInt(BufferedImage::getHeight).max().orElse(0);
        if (frames.stream().allMatch(f -> f.getHeight() == band)) {
            return frames;
        }
        List<BufferedImage> even = new ArrayList<>();
        for (BufferedImage f : frames) { // labels of different lengths may scale differently: pad to one height
            BufferedImage padded = new BufferedImage(f.getWidth(), band, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = padded.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, f.getWidth(), band);
            g.drawImage(f, 0, 0, null);
            g.dispose();
            even.add(padded);
        }
        return even;
    }

    /** The label drawn black on white at its natural small size, without antialiasing. */
    private static BufferedImage labelImage(String label) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, LABEL_FONT);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D p = probe.createGraphics();
        FontMetrics metrics = p.getFontMetrics(font);
        p.dispose();
        BufferedImage image = new BufferedImage(metrics.stringWidth(label) + 2, metrics.getAscent() + metrics.getDescent(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(label, 1, metrics.getAscent());
        g.dispose();
        return image;
    }

    /** Label text about a tenth of the frame's height, but never wider than the frame. */
    private static int labelScale(BufferedImage label, int width, int height) {
        int byHeight = Math.max(1, Math.round(height / 10f / label.getHeight()));
        int byWidth = Math.max(1, width / label.getWidth());
        return Math.min(byHeight, byWidth);
    }

    /** Tiles rasters of one size into a grid, {@code columns} wide, with a gap of {@code gap} black pixels. */
    public static Raster grid(List<Raster> tiles, int columns, int gap) {
        int w = tiles.get(0).width();
        int h = tiles.get(0).height();
        int rows = (tiles.size() + columns - 1) / columns;
        int width = columns * (w + gap) + gap;
        int height = rows * (h + gap) + gap;
        int[] argb = new int[width * height];
        Arrays.fill(argb, 0xff000000);
        for (int i = 0; i < tiles.size(); i++) {
            int x0 = gap + (i % columns) * (w + gap);
            int y0 = gap + (i / columns) * (h + gap);
            int[] tile = tiles.get(i).argb();
            for (int y = 0; y < h; y++) {
                System.arraycopy(tile, y * w, argb, (y0 + y) * width + x0, w);
            }
        }
        return new Raster(width, height, argb);
    }
}
