package org.diffusionlab.ui.elbo;

import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.diffusionlab.ui.common.Theme;
import org.diffusionlab.ui.common.chart.Charts;
import org.diffusionlab.ui.common.text.Numbers;
import org.diffusionlab.ui.common.widget.CanvasRegion;

/**
 * The latent plane [−R, R]² with Gaussians drawn as their 1σ and 2σ ellipses: the true posterior (any covariance)
 * and q (axis-aligned), plus q's mean path while it is fitted. Optionally a heat map behind them.
 */
class EllipsePlot extends CanvasRegion {
    static final Color POSTERIOR = Theme.fx(Theme.GREEN);
    static final Color Q = Theme.fx(Theme.VERMILLION);

    /** A Gaussian to draw: mean, covariance {Σ₁₁, Σ₁₂, Σ₂₂}, colour and legend text. */
    record Ellipse(double[] mean, double[] covariance, Color colour, String label) {
    }

    /** The plotted square before anything is fitted to it: ±2.5 prior standard deviations. */
    private static final double PRIOR_HALF = 2.5;

    protected double minX = -PRIOR_HALF;
    protected double maxX = PRIOR_HALF;
    protected double minY = -PRIOR_HALF;
    protected double maxY = PRIOR_HALF;
    private List<Ellipse> ellipses = List.of();
    private List<double[]> path = List.of();
    private String title = "";

    EllipsePlot() {
        setMinSize(240, 240);
    }

    void set(String title, List<Ellipse> ellipses, List<double[]> path) {
        this.title = title;
        this.ellipses = ellipses;
        this.path = path;
        draw();
    }

    /** Back to the square it starts with. */
    protected void showPriorSquare() {
        minX = -PRIOR_HALF;
        maxX = PRIOR_HALF;
        minY = -PRIOR_HALF;
        maxY = PRIOR_HALF;
    }

    /** The square plot area: {left, top, side}. */
    double[] area() {
        double side = Math.max(10, Math.min(getWidth() - 60, getHeight() - 50));
        return new double[] {44, 26, side};
    }

    double screenX(double x, double[] area) {
        return area[0] + (x - minX) / (maxX - minX) * area[2];
    }

    double screenY(double y, double[] area) {
        return area[1] + (maxY - y) / (maxY - minY) * area[2];
    }

    /** The latent point (z₁, z₂) under a point in this plot's coordinates, or null off the plotted square. */
    double[] latentAt(double x, double y) {
        double[] area = area();
        if (x < area[0] || y < area[1] || x > area[0] + area[2] || y > area[1] + area[2]) {
            return null;
        }
        return new double[] {minX + (x - area[0]) / area[2] * (maxX - minX), maxY - (y - area[1]) / area[2] * (maxY - minY)};
    }

    /** Paints what lies under the ellipses (nothing here; a heat map in the real-VAE panel). */
    protected void background(GraphicsContext g, double[] area) {
    }

    @Override
    protected void draw() {
        GraphicsContext g = blank();
        double[] area = area();
        background(g, area);
        g.setStroke(Theme.fx(Theme.current().grid()));
        g.setLineWidth(1);
        g.strokeRect(area[0], area[1], area[2], area[2]);
        g.setFill(Theme.fx(Theme.current().ink()));
        g.setFont(Font.font(Charts.FONT, 14));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, area[0], 4);
        g.setFont(Font.font(Charts.FONT, 12));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("z₁", area[0] + area[2] / 2, area[1] + area[2] + 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(Numbers.current().significant(maxY, 3), area[0] - 4, area[1] + 6);
        g.fillText(Numbers.current().significant(minY, 3), area[0] - 4, area[1] + area[2] - 6);
        g.fillText("z₂", area[0] - 4, area[1] + area[2] / 2);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(Numbers.current().significant(minX, 3), area[0] + 10, area[1] + area[2] + 4);
        g.fillText(Numbers.current().significant(maxX, 3), area[0] + area[2] - 10, area[1] + area[2] + 4);
        int legend = 0;
        for (Ellipse e : ellipses) {
            drawEllipse(g, e, area);
            g.setFill(e.colour());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(e.label(), area[0] + area[2] - 6, area[1] + 6 + 18 * legend++);
        }
        if (path.size() > 1) {
            g.setStroke(Q);
            g.setLineWidth(1.5);
            for (int i = 1; i < path.size(); i++) {
                g.strokeLine(screenX(path.get(i - 1)[0], area), screenY(path.get(i - 1)[1], area),
                        screenX(path.get(i)[0], area), screenY(path.get(i)[1], area));
            }
        }
    }

    private void drawEllipse(GraphicsContext g, Ellipse e, double[] area) {
        double[] c = e.covariance();
        double trace = c[0] + c[2];
        double det = c[0] * c[2] - c[1] * c[1];
        double root = Math.sqrt(Math.max(0, trace * trace / 4 - det));
        double large = trace / 2 + root;
        double small = Math.max(0, trace / 2 - root);
        double angle = Math.abs(c[1]) < 1e-15 ? (c[0] >= c[2] ? 0 : Math.PI / 2) : Math.atan2(large - c[0], c[1]);
        g.setStroke(e.colour());
        for (int radius = 1; radius <= 2; radius++) {
            g.setLineWidth(radius == 1 ? 2.5 : 1.2);
            int n = 96;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                double theta = 2 * Math.PI * i / n;
                double u = radius * Math.sqrt(large) * Math.cos(theta);
                double v = radius * Math.sqrt(small) * Math.sin(theta);
                xs[i] = screenX(e.mean()[0] + u * Math.cos(angle) - v * Math.sin(angle), area);
                ys[i] = screenY(e.mean()[1] + u * Math.sin(angle) + v * Math.cos(angle), area);
            }
            g.strokePolygon(xs, ys, n);
        }
        g.setFill(e.colour());
        g.fillOval(screenX(e.mean()[0], area) - 3, screenY(e.mean()[1], area) - 3, 6, 6);
    }
}
