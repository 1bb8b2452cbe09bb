package org.diffusionlab.ui.common.chart;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.diffusionlab.ui.common.Theme;

/** Draws a {@link Theme.Marker} on a canvas, so ten digit classes differ in shape as well as colour. */
public final class Markers {
    private Markers() {
    }

    public static void draw(GraphicsContext g, Theme.Marker marker, double x, double y, double r, Color colour) {
        g.setFill(colour);
        g.setStroke(colour);
        g.setLineWidth(Math.max(1.2, r / 2.5));
        switch (marker) {
            case CIRCLE -> g.fillOval(x - r, y - r, 2 * r, 2 * r);
            case SQUARE -> g.fillRect(x - r * 0.9, y - r * 0.9, 1.8 * r, 1.8 * r);
            case TRIANGLE -> g.fillPolygon(new double[] {x, x + r, x - r}, new double[] {y - r, y + r * 0.8, y + r * 0.8}, 3);
            case TRIANGLE_DOWN -> g.fillPolygon(new double[] {x - r, x + r, x}, new double[] {y - r * 0.8, y - r * 0.8, y + r}, 3);
            case DIAMOND -> g.fillPolygon(new double[] {x, x + r, x, x - r}, new double[] {y - r, y, y + r, y}, 4);
            case CROSS -> {
                g.strokeLine(x - r, y - r, x + r, y + r);
                g.strokeLine(x - r, y + r, x + r, y - r);
            }
            case PLUS -> {
                g.strokeLine(x - r, y, x + r, y);
                g.strokeLine(x, y - r, x, y + r);
            }
            case CIRCLE_OPEN -> g.strokeOval(x - r * 0.85, y - r * 0.85, 1.7 * r, 1.7 * r);
            case SQUARE_OPEN -> g.strokeRect(x - r * 0.8, y - r * 0.8, 1.6 * r, 1.6 * r);
            case STAR -> {
                g.strokeLine(x - r, y, x + r, y);
                g.strokeLine(x, y - r, x, y + r);
                g.strokeLine(x - r * 0.7, y - r * 0.7, x + r * 0.7, y + r * 0.7);
                g.strokeLine(x - r * 0.7, y + r * 0.7, x + r * 0.7, y - r * 0.7);
            }
            default -> throw new IllegalStateException();
        }
    }
}
