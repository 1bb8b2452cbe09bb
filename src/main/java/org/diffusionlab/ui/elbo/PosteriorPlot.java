package org.diffusionlab.ui.elbo;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import org.diffusionlab.core.elbo.DiagonalGaussian;
import org.diffusionlab.core.elbo.PosteriorGrid;
import org.diffusionlab.ui.common.Theme;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;

/** A real VAE's p(z|x) on its grid as a heat map (density relative to the peak), q's ellipses over it. */
final class PosteriorPlot extends EllipsePlot {
    /** Cells this far below the peak density (e^−12 ≈ 6e-6) are left out of the plotted square. */
    static final double SHOWN_NATS = 12;

    private WritableImage heat;
    private PosteriorGrid grid;

    /**
     * Shows the grid. The plotted square holds every cell within {@link #SHOWN_NATS} of the peak and q's 3σ box,
     * with a margin: the posterior's mass and q, not the empty rest of the grid.
     */
    void setGrid(PosteriorGrid grid, DiagonalGaussian q) {
        this.grid = grid;
        if (grid == null) {   // nothing to show (e.g. a refused model): the prior's square, not the last model's
            heat = null;
            showPriorSquare();
            return;
        }
        int n = grid.n();
        double peak = Double.NEGATIVE_INFINITY;
        for (double v : grid.logJoint()) {
            peak = Math.max(peak, v);
        }
        double left = q.mean()[0] - 3 * q.sigma()[0];
        double right = q.mean()[0] + 3 * q.sigma()[0];
        double bottom = q.mean()[1] - 3 * q.sigma()[1];
        double top = q.mean()[1] + 3 * q.sigma()[1];
        for (int cell = 0; cell < n * n; cell++) {
            if (grid.logJoint()[cell] > peak - SHOWN_NATS) {
                double[] z = grid.centre(cell / n, cell % n);
                left = Math.min(left, z[0]);
                right = Math.max(right, z[0]);
                bottom = Math.min(bottom, z[1]);
                top = Math.max(top, z[1]);
            }
        }
        double half = 0.6 * Math.max(right - left, top - bottom);
        double centreX = (left + right) / 2;
        double centreY = (bottom + top) / 2;
        minX = centreX - half;
        maxX = centreX + half;
        minY = centreY - half;
        maxY = centreY + half;
        heat = new WritableImage(n, n);
        PixelWriter writer = heat.getPixelWriter();
        Color empty = Theme.fx(Theme.current().plotBackground());
        Color full = Theme.fx(Theme.current() == Theme.DARK ? Theme.SKY : Theme.BLUE);
        for (int row = 0; row < n; row++) {
            for (int column = 0; column < n; column++) {
                double density = Math.exp(grid.logJoint()[row * n + column] - peak);
                writer.setColor(column, row, colour(density, empty, full));
            }
        }
        gridBox = new double[] {grid.minX(), grid.maxX(), grid.minY(), grid.maxY()};
    }

    private double[] gridBox;

    /**
     * The grid cell drawn under a point in this plot's coordinates, as {row, column}, or null off the grid (or with
     * none shown).
     */
    int[] cellAt(double x, double y) {
        double[] z = latentAt(x, y);
        if (grid == null || heat == null || z == null) {
            return null;
        }
        int column = (int) Math.floor((z[0] - grid.minX()) / grid.cellWidth());
        int row = (int) Math.floor((grid.maxY() - z[1]) / grid.cellHeight());
        return column < 0 || row < 0 || column >= grid.n() || row >= grid.n() ? null : new int[] {row, column};
    }

    /** The grid drawn (null for none). */
    PosteriorGrid grid() {
        return grid;
    }

    /** What the tip says under the mouse: the cell's z, its posterior density p(z|x) and log p(x, z). */
    String cellUnderMouse(Messages messages, double x, double y) {
        int[] cell = cellAt(x, y);
        if (cell == null) {
            return null;
        }
        double[] z = grid.centre(cell[0], cell[1]);
        double logJoint = grid.logJoint()[cell[0] * grid.n() + cell[1]];
        Numbers numbers = messages.numbers();
        return messages.format("hover.posterior", numbers.fixed(z[0], 3), numbers.fixed(z[1], 3),
                numbers.significant(Math.exp(logJoint - grid.logEvidence()), 3), numbers.fixed(logJoint, 2));
    }

    boolean hasHeatMap() {
        return heat != null;
    }

    /** From the plot's background (no mass) to the theme's blue (the peak). */
    private static Color colour(double density, Color empty, Color full) {
        double f = Math.pow(Math.max(0, Math.min(1, density)), 0.25);   // weak modes stay visible
        return empty.interpolate(full, f);
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
        g.save();
        g.beginPath();
        g.rect(area[0], area[1], area[2], area[2]);
        g.clip();   // the grid reaches past the plotted square: only the square is drawn
        g.setImageSmoothing(false);
        g.drawImage(heat, left, top, right - left, bottom - top);
        g.restore();
    }
}
