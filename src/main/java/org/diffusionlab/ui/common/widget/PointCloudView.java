package org.diffusionlab.ui.common.widget;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;

import org.diffusionlab.ui.common.Theme;

/**
 * Points in the plane over [−extent, extent]²: a data set faintly behind, optionally a vector field as arrows on a
 * square grid (e.g. a model's denoising direction −ε̂), and the points themselves.
 */
public final class PointCloudView extends CanvasRegion {
    private static final Color DATA = Color.gray(0.55, 0.35);
    private static final Color POINT = Color.web("#d55e00", 0.55);

    /** The field's arrows: Okabe–Ito blue, or its sky blue where blue would be too dark on the dark theme. */
    private static Color arrow() {
        return Theme.fx(Theme.current() == Theme.DARK ? Theme.SKY : Theme.BLUE, 0.7);
    }

    private float[] points = new float[0];
    private float[] data = new float[0];
    private float[] fieldOrigins = new float[0];
    private float[] fieldVectors = new float[0];
    private int fieldSide = 1;
    private double extent = 3;

    public PointCloudView() {
        getStyleClass().add("cloud-view");
        setMinSize(200, 200);
        setPrefSize(560, 560);
    }

    /** Shows points and data (x, y pairs) and a field of {@code fieldSide}² arrows (origins and vectors, may be empty). */
    public void show(float[] points, float[] data, float[] fieldOrigins, float[] fieldVectors, int fieldSide, double extent) {
        this.points = points;
        this.data = data;
        this.fieldOrigins = fieldOrigins;
        this.fieldVectors = fieldVectors;
        this.fieldSide = Math.max(1, fieldSide);
        this.extent = extent;
        draw();
    }

    /**
     * The point drawn nearest to a position in this view's coordinates, as {x, y} in the plane, or null if no
     * point is shown or the position is outside the square.
     */
    public float[] nearestPoint(double x, double y) {
        double[] square = square();
        double left = square[0];
        double top = square[1];
        double side = square[2];
        if (points.length < 2 || side <= 0 || x < left || y < top || x > left + side || y > top + side) {
            return null;
        }
        double scale = side / (2 * extent);
        double planeX = (x - left - side / 2) / scale;
        double planeY = -(y - top - side / 2) / scale;
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < points.length; i += 2) {
            double distance = (points[i] - planeX) * (points[i] - planeX) + (points[i + 1] - planeY) * (points[i + 1] - planeY);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return new float[] {points[best], points[best + 1]};
    }

    /** The plotted square, centred in the view: {left, top, side}. */
    private double[] square() {
        double side = Math.min(getWidth(), getHeight());
        return new double[] {(getWidth() - side) / 2, (getHeight() - side) / 2, side};
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double[] square = square();
        double left = square[0];
        double top = square[1];
        double side = square[2];
        g.clearRect(0, 0, getWidth(), getHeight());
        Theme theme = Theme.current();
        g.setFill(Theme.fx(theme.plotBackground()));
        g.fillRect(left, top, side, side);
        g.setStroke(Theme.fx(theme.axisLine()));
        g.strokeRect(left + 0.5, top + 0.5, side - 1, side - 1);
        double scale = side / (2 * extent);
        double cx = left + side / 2;
        double cy = top + side / 2;
        g.setStroke(Theme.fx(theme.grid()));
        g.strokeLine(left, cy, left + side, cy);
        g.strokeLine(cx, top, cx, top + side);
        g.setFill(DATA);
        for (int i = 0; i + 1 < data.length; i += 2) {
            g.fillOval(cx + data[i] * scale - 1.5, cy - data[i + 1] * scale - 1.5, 3, 3);
        }
        drawField(g, scale, cx, cy);
        g.setFill(POINT);
        for (int i = 0; i + 1 < points.length; i += 2) {
            double x = cx + points[i] * scale;
            double y = cy - points[i + 1] * scale;
            if (x >= left && x <= left + side && y >= top && y <= top + side) {
                g.fillOval(x - 2, y - 2, 4, 4);
            }
        }
    }

    /** Arrows of −ε̂, all scaled by the longest so directions and relative strengths read at a glance. */
    private void drawField(GraphicsContext g, double scale, double cx, double cy) {
        float[] origins = fieldOrigins;
        float[] vectors = fieldVectors;
        double longest = 0;
        for (int i = 0; i + 1 < vectors.length; i += 2) {
            longest = Math.max(longest, Math.hypot(vectors[i], vectors[i + 1]));
        }
        if (longest == 0) {
            return;
        }
        double cell = 2 * extent / fieldSide * scale;
        g.setStroke(arrow());
        g.setLineWidth(1.6);
        g.setLineCap(StrokeLineCap.ROUND);
        for (int i = 0; i + 1 < origins.length; i += 2) {
            double x = cx + origins[i] * scale;
            double y = cy - origins[i + 1] * scale;
            double dx = vectors[i] / longest * cell * 0.85;
            double dy = -vectors[i + 1] / longest * cell * 0.85;
            double length = Math.hypot(dx, dy);
            if (length < 1) {
                continue;
            }
            g.strokeLine(x, y, x + dx, y + dy);
            double ux = dx / length;
            double uy = dy / length;
            double head = Math.min(5, length / 2.5);
            g.strokeLine(x + dx, y + dy, x + dx - head * (ux + 0.5 * uy), y + dy - head * (uy - 0.5 * ux));
            g.strokeLine(x + dx, y + dy, x + dx - head * (ux - 0.5 * uy), y + dy - head * (uy + 0.5 * ux));
        }
    }
}
