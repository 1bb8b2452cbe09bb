package org.diffusionlab.core.data;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.diffusionlab.core.io.AtomicFile;

/** Lays frames side by side, each scaled up with nearest-neighbour to a square tile, with a caption under each. */
public final class Filmstrip {
    private static final int GAP = 6;
    private static final int CAPTION = 22;

    private Filmstrip() {
    }

    public static BufferedImage compose(List<Raster> frames, List<String> captions, int tileSize) {
        int width = frames.size() * (tileSize + GAP) + GAP;
        int height = tileSize + 2 * GAP + CAPTION;
        BufferedImage strip = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = strip.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        FontMetrics metrics = g.getFontMetrics();
        for (int i = 0; i < frames.size(); i++) {
            Raster frame = frames.get(i);
            double scale = (double) tileSize / Math.max(frame.width(), frame.height());
            int w = (int) Math.round(frame.width() * scale);
            int h = (int) Math.round(frame.height() * scale);
            int x = GAP + i * (tileSize + GAP);
            g.drawImage(Pixels.toImage(frame.argb(), frame.width(), frame.height()),
                    x + (tileSize - w) / 2, GAP + (tileSize - h) / 2, w, h, null);
            String caption = i < captions.size() ? captions.get(i) : "";
            g.setColor(Color.DARK_GRAY);
            g.drawString(caption, x + (tileSize - metrics.stringWidth(caption)) / 2, GAP + tileSize + CAPTION - 6);
        }
        g.dispose();
        return strip;
    }

    /** Writes a PNG whole or not at all, so an existing file is replaced only by a complete one. */
    public static void writePng(BufferedImage image, Path target) throws IOException {
        AtomicFile.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
