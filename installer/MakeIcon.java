import java.awt.*;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.ImageIO;

/** Draws the app icon: a ring that dissolves into Gaussian noise from left to right. Run: java installer/MakeIcon.java OUT.png */
public class MakeIcon {
    public static void main(String[] args) throws Exception {
        int size = 256, cells = 16, cell = 12, margin = (size - cells * cell) / 2;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x1d3557), size, size, new Color(0x0b132b)));
        g.fill(new RoundRectangle2D.Double(4, 4, size - 8, size - 8, 56, 56));
        Random random = new Random(1);
        for (int y = 0; y < cells; y++) {
            for (int x = 0; x < cells; x++) {
                double dx = x - 7.5, dy = y - 7.5, r = Math.sqrt(dx * dx + dy * dy);
                double clean = Math.exp(-Math.pow((r - 5.2) / 1.3, 2)) * 2 - 1;   // a ring in [-1, 1]
                double alphaBar = Math.pow(Math.cos(x / (double) (cells - 1) * Math.PI / 2 * 0.97), 2);
                double v = Math.sqrt(alphaBar) * clean + Math.sqrt(1 - alphaBar) * random.nextGaussian();
                float level = (float) Math.max(0, Math.min(1, (v + 1) / 2));
                g.setColor(new Color(0.98f * level + 0.02f, 0.62f * level + 0.12f, 0.18f + 0.1f * level));
                g.fillRoundRect(margin + x * cell + 1, margin + y * cell + 1, cell - 2, cell - 2, 4, 4);
            }
        }
        g.dispose();
        ImageIO.write(image, "png", new File(args[0]));
    }
}
