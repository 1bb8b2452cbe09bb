package org.diffusionlab.ui.elbo;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import org.diffusionlab.core.elbo.PosteriorGrid;

/** A real VAE's p(z|x) on its grid as a heat map (density relative to the peak), q's ellipses over it. */
final class PosteriorPlot extends EllipsePlot {
    private WritableImage heat;

    /** Shows the grid; the plotted square is the grid's box, widened to a square. */
    void setGrid(PosteriorGrid grid) {
        if (grid == null) {
            heat = null;
            return;
        }
        double centreX = (grid.minX() + grid.maxX()) / 2;
        double centreY = (grid.minY() + grid.maxY()) / 2;
        double half = Math.max(grid.maxX() - grid.minX(), grid.maxY() - grid.minY()) / 2;
        minX = centreX - half;
        maxX = centreX + half;
        minY = centreY - half;
        maxY = centreY + half;
        int n = grid.n();
        double peak = Double.NEGATIVE_INFINITY;
        for (double v : grid.logJoint()) {
            peak = Math.max(peak, v);
        }
        heat = new WritableImage(n, n);
        PixelWriter writer = heat.getPixelWriter();
        for (int row = 0; row < n; row++) {
            for (int column = 0; column < n; column++) {
                double density = Math.exp(grid.logJoint()[row * n + column] - peak);
                writer.setColor(column, row, colour(density));
            }
        }
        gridBox = new double[] {grid.minX(), grid.maxX(), grid.minY(), grid.maxY()};
    }

    private double[] gridBox;

    boolean hasHeatMap() {
        return heat != null;
    }

    private static Color colour(double density) {
        double f = Math.sqrt(Math.max(0, Math.min(1, density)));
        return Color.color(1 - 0.9 * f, 1 - 0.6 * f, 1 - 0.2 * f);
    }

    @Override
    protected void background(GraphicsContext g, double[] area) {
        if (heat == null) {
            return;
        }
        double left = screenX(gridBox[0], area);
        double right = screenX(gridBox[1], area);
        double top = screenY(gridBox[3], area);
        double bottom = screenY(gridBox[2], area);
        g.setImageSmoothing(false);
        g.drawImage(heat, left, top, right - left, bottom - top);
    }
}
