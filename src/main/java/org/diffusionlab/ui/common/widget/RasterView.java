package org.diffusionlab.ui.common.widget;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import org.diffusionlab.core.data.Raster;

/**
 * Shows a {@link Raster} as large as the space allows, keeping its aspect ratio, scaled with
 * nearest-neighbour so a 28×28 digit stays crisp. Redraws only when the raster or the size changes.
 */
public class RasterView extends Region {
    private final Canvas canvas = new Canvas();
    private final ObjectProperty<Raster> raster = new SimpleObjectProperty<>(this, "raster");
    private WritableImage image;

    public RasterView() {
        getStyleClass().add("raster-view");
        getChildren().add(canvas);
        raster.addListener((obs, old, value) -> redraw());
        widthProperty().addListener((obs, old, value) -> redraw());
        heightProperty().addListener((obs, old, value) -> redraw());
    }

    public RasterView(double preferredSide) {
        this();
        setPrefSize(preferredSide, preferredSide);
    }

    public ObjectProperty<Raster> rasterProperty() {
        return raster;
    }

    public Raster getRaster() {
        return raster.get();
    }

    public void setRaster(Raster value) {
        raster.set(value);
    }

    /**
     * The pixel of the raster drawn under a point in this view's coordinates, as {column, row}, or null outside
     * the picture (or with none shown).
     */
    public int[] pixelAt(double x, double y) {
        Raster value = raster.get();
        if (value == null || getWidth() <= 0 || getHeight() <= 0) {
            return null;
        }
        double[] placed = placement(value, getWidth(), getHeight());
        double left = placed[0];
        double top = placed[1];
        double scale = placed[2];
        int column = (int) Math.floor((x - left) / scale);
        int row = (int) Math.floor((y - top) / scale);
        return column < 0 || row < 0 || column >= value.width() || row >= value.height() ? null : new int[] {column, row};
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    private void redraw() {
        double width = getWidth();
        double height = getHeight();
        canvas.setWidth(width);
        canvas.setHeight(height);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        Raster value = raster.get();
        if (value == null || width <= 0 || height <= 0) {
            return;
        }
        if (image == null || image.getWidth() != value.width() || image.getHeight() != value.height()) {
            image = new WritableImage(value.width(), value.height());
        }
        image.getPixelWriter().setPixels(0, 0, value.width(), value.height(), PixelFormat.getIntArgbInstance(),
                value.argb(), 0, value.width());
        double[] placed = placement(value, width, height);
        double x = placed[0];
        double y = placed[1];
        double w = value.width() * placed[2];
        double h = value.height() * placed[2];
        g.setImageSmoothing(false);
        g.drawImage(image, x, y, w, h);
        g.setStroke(Color.gray(0.5, 0.6));
        g.setLineWidth(1);
        g.strokeRect(x - 0.5, y - 0.5, w + 1, h + 1);
    }

    /** Where the picture is drawn in a {@code width × height} view: {left, top, scale}, whole pixels of the screen. */
    private static double[] placement(Raster value, double width, double height) {
        double scale = Math.min(width / value.width(), height / value.height());
        return new double[] {Math.floor((width - value.width() * scale) / 2), Math.floor((height - value.height() * scale) / 2), scale};
    }

    @Override
    protected double computeMinWidth(double height) {
        return 32;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 32;
    }
}
