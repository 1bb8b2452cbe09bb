package org.diffusionlab.ui.common.widget;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.HoverValue;

/**
 * A small grey canvas (e.g. 28×28) to draw a digit on with the mouse: a soft round brush of adjustable radius,
 * clear, and undo per stroke. Pixels are in [0, 1] (0 background, 1 ink), row-major.
 */
public final class DrawingPad extends CanvasRegion {
    private final int width;
    private final int height;
    private float[] pixels;
    private final Deque<float[]> undo = new ArrayDeque<>();
    private double brushRadius = 1.6;
    private double lastX;
    private double lastY;
    private Consumer<float[]> onStrokeEnd = p -> { };

    public DrawingPad(int width, int height) {
        this.width = width;
        this.height = height;
        this.pixels = new float[width * height];
        getStyleClass().add("drawing-pad");
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            undo.push(pixels.clone());
            lastX = e.getX();
            lastY = e.getY();
            paint(lastX, lastY);
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            strokeTo(e.getX(), e.getY());
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> onStrokeEnd.accept(pixels.clone()));
        setPrefSize(224, 224);
        setMinSize(112, 112);
    }

    /** Called with the pixels after every stroke, clear and undo. */
    public void setOnStrokeEnd(Consumer<float[]> action) {
        this.onStrokeEnd = action;
    }

    public void setBrushRadius(double radiusInPixels) {
        this.brushRadius = radiusInPixels;
    }

    public float[] pixels() {
        return pixels.clone();
    }

    public void setPixels(float[] values) {
        undo.push(pixels.clone());
        pixels = values.clone();
        draw();
    }

    public void clear() {
        undo.push(pixels.clone());
        pixels = new float[width * height];
        draw();
        onStrokeEnd.accept(pixels.clone());
    }

    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        pixels = undo.pop();
        draw();
        onStrokeEnd.accept(pixels.clone());
        return true;
    }

    /** Paints along the segment from the last point, so a fast drag leaves a line, not dots. */
    private void strokeTo(double x, double y) {
        double cell = side() / width;
        int steps = Math.max(1, (int) Math.ceil(Math.hypot(x - lastX, y - lastY) / (cell / 3)));
        for (int i = 1; i <= steps; i++) {
            paintCells(lastX + (x - lastX) * i / steps, lastY + (y - lastY) * i / steps);
        }
        lastX = x;
        lastY = y;
        draw();
    }

    /** Paints at a position in canvas coordinates: ink falls off smoothly at the brush edge. */
    public void paint(double canvasX, double canvasY) {
        paintCells(canvasX, canvasY);
        draw();
    }

    private void paintCells(double canvasX, double canvasY) {
        double side = side();
        double x = (canvasX - offsetX(side)) / side * width;
        double y = (canvasY - offsetY(side)) / side * height;
        int reach = (int) Math.ceil(brushRadius + 1);
        for (int row = (int) y - reach; row <= (int) y + reach; row++) {
            for (int col = (int) x - reach; col <= (int) x + reach; col++) {
                if (row < 0 || col < 0 || row >= height || col >= width) {
                    continue;
                }
                double distance = Math.hypot(col + 0.5 - x, row + 0.5 - y);
                float ink = (float) Math.max(0, Math.min(1, brushRadius + 0.5 - distance));
                int i = row * width + col;
                pixels[i] = Math.max(pixels[i], ink);
            }
        }
    }

    /** The pad's cell under a point in its coordinates, as {column, row}, or null outside the pad. */
    public int[] cellAt(double canvasX, double canvasY) {
        double side = side();
        if (side <= 0) {
            return null;
        }
        int column = (int) Math.floor((canvasX - offsetX(side)) / side * width);
        int row = (int) Math.floor((canvasY - offsetY(side)) / side * height);
        return column < 0 || row < 0 || column >= width || row >= height ? null : new int[] {column, row};
    }

    /** The ink of one cell, in [0, 1]. */
    public float ink(int column, int row) {
        return pixels[row * width + column];
    }

    /** What the pad's tip says under the mouse: the cell and its ink, in the reader's words and numbers. */
    public HoverValue.Reader inkUnderMouse(Messages messages) {
        return (x, y) -> {
            int[] cell = cellAt(x, y);
            return cell == null ? null : messages.format("hover.ink", HoverValue.pixel(messages, cell[0], cell[1]),
                    messages.numbers().fixed(ink(cell[0], cell[1]), 2));
        };
    }

    private double side() {
        return Math.min(getWidth(), getHeight());
    }

    private double offsetX(double side) {
        return (getWidth() - side) / 2;
    }

    private double offsetY(double side) {
        return (getHeight() - side) / 2;
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double side = side();
        double cell = side / width;
        double ox = offsetX(side);
        double oy = offsetY(side);
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                g.setFill(Color.gray(pixels[row * width + col]));
                g.fillRect(ox + col * cell, oy + row * cell, Math.ceil(cell), Math.ceil(cell));
            }
        }
        g.setStroke(Color.gray(0.5));
        g.strokeRect(ox - 0.5, oy - 0.5, side + 1, side + 1);
    }
}
