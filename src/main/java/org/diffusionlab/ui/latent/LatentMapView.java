package org.diffusionlab.ui.latent;

import java.util.List;
import java.util.function.BiConsumer;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import org.diffusionlab.core.data.Raster;
import org.diffusionlab.ui.common.Theme;
import org.diffusionlab.ui.common.chart.Charts;
import org.diffusionlab.ui.common.chart.Markers;
import org.diffusionlab.ui.common.text.Numbers;

/**
 * The latent plane of two chosen dimensions over ±{@value #EXTENT} prior σ: the decoded manifold as a grid of
 * images, encoded digits as a scatter coloured by label with a legend, and on a separate layer the current
 * point, the posterior ellipse and interpolation paths. A press or drag reports the latent point under the mouse.
 */
public final class LatentMapView extends Region {
    public static final double EXTENT = 3;
    /** Each digit class's colour (Okabe–Ito, extended to ten) — its marker shape is the second cue. */
    static Color labelColour(int label) {
        return Theme.fx(Theme.classColour(label));
    }
    private static final double MARGIN_LEFT = 36;
    private static final double MARGIN_BOTTOM = 30;
    private static final double MARGIN_TOP = 8;
    private static final double LEGEND = 46;

    /** One encoded point: its position in the two shown dimensions and its label. */
    public record Point(double x, double y, int label) {
    }

    /** The posterior q(z|x) in the two shown dimensions: means and standard deviations. */
    public record Ellipse(double meanX, double meanY, double sigmaX, double sigmaY) {
    }

    private final Canvas base = new Canvas();
    private final Canvas overlay = new Canvas();
    private List<Point> points = List.of();
    private Raster[][] manifold;
    private boolean showManifold = true;
    private boolean showScatter = true;
    private String xName = "z₁";
    private String yName = "z₂";
    private double markerX = Double.NaN;
    private double markerY = Double.NaN;
    private Ellipse ellipse;
    private List<double[]> linearPath = List.of();
    private List<double[]> sphericalPath = List.of();
    private BiConsumer<Double, Double> onPick = (x, y) -> { };

    public LatentMapView() {
        getChildren().addAll(base, overlay);
        getStyleClass().add("latent-map");
        overlay.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pick);
        overlay.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::pick);
        setMinSize(200, 200);
        setPrefSize(520, 520);
    }

    public void setOnPick(BiConsumer<Double, Double> action) {
        this.onPick = action;
    }

    public void setAxisNames(String x, String y) {
        this.xName = x;
        this.yName = y;
        drawBase();
    }

    public void setPoints(List<Point> encoded) {
        this.points = encoded;
        drawBase();
    }

    /** Rows from top (highest z_y) to bottom, columns left (lowest z_x) to right; null for none. */
    public void setManifold(Raster[][] grid) {
        this.manifold = grid;
        drawBase();
    }

    public void setLayers(boolean manifoldVisible, boolean scatterVisible) {
        this.showManifold = manifoldVisible;
        this.showScatter = scatterVisible;
        drawBase();
    }

    public void setMarker(double x, double y) {
        markerX = x;
        markerY = y;
        drawOverlay();
    }

    public void setEllipse(Ellipse value) {
        ellipse = value;
        drawOverlay();
    }

    /** Latent paths as (x, y) pairs in the two shown dimensions. */
    public void setPaths(List<double[]> linear, List<double[]> spherical) {
        linearPath = linear;
        sphericalPath = spherical;
        drawOverlay();
    }

    // Geometry: the square plot area and conversions between latent and canvas coordinates.

    private double side() {
        return Math.max(10, Math.min(getWidth() - MARGIN_LEFT - LEGEND, getHeight() - MARGIN_BOTTOM - MARGIN_TOP));
    }

    private double left() {
        return MARGIN_LEFT;
    }

    private double top() {
        return MARGIN_TOP;
    }

    public double toCanvasX(double z) {
        return left() + (z + EXTENT) / (2 * EXTENT) * side();
    }

    public double toCanvasY(double z) {
        return top() + (EXTENT - z) / (2 * EXTENT) * side();
    }

    public double toLatentX(double canvasX) {
        return (canvasX - left()) / side() * 2 * EXTENT - EXTENT;
    }

    public double toLatentY(double canvasY) {
        return EXTENT - (canvasY - top()) / side() * 2 * EXTENT;
    }

    /** The latent point (z_x, z_y) under a point in this view's coordinates, or null off the plotted square. */
    public double[] latentAt(double canvasX, double canvasY) {
        double x = toLatentX(canvasX);
        double y = toLatentY(canvasY);
        return Math.abs(x) > EXTENT || Math.abs(y) > EXTENT ? null : new double[] {x, y};
    }

    /** The shown dimensions' names, as the axes are labelled (e.g. "z₁"). */
    public String xName() {
        return xName;
    }

    public String yName() {
        return yName;
    }

    private void pick(MouseEvent event) {
        double x = Math.max(-EXTENT, Math.min(EXTENT, toLatentX(event.getX())));
        double y = Math.max(-EXTENT, Math.min(EXTENT, toLatentY(event.getY())));
        onPick.accept(x, y);
    }

    @Override
    protected void layoutChildren() {
        for (Canvas c : new Canvas[] {base, overlay}) {
            c.setWidth(getWidth());
            c.setHeight(getHeight());
        }
        drawBase();
    }

    private void drawBase() {
        GraphicsContext g = base.getGraphicsContext2D();
        g.clearRect(0, 0, base.getWidth(), base.getHeight());
        double side = side();
        g.setFill(Theme.fx(Theme.current().plotBackground()));
        g.fillRect(left(), top(), side, side);
        if (showManifold && manifold != null && manifold.length > 0) {
            int rows = manifold.length;
            int cols = manifold[0].length;
            double cell = side / cols;
            g.setImageSmoothing(false);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    Raster raster = manifold[r][c];
                    WritableImage image = new WritableImage(raster.width(), raster.height());
                    image.getPixelWriter().setPixels(0, 0, raster.width(), raster.height(), PixelFormat.getIntArgbInstance(),
                            raster.argb(), 0, raster.width());
                    g.drawImage(image, left() + c * cell, top() + r * side / rows, cell, side / rows);
                }
            }
        }
        if (showScatter) {
            double radius = 2.6;
            for (Point p : points) {
                if (Math.abs(p.x()) > EXTENT || Math.abs(p.y()) > EXTENT) {
                    continue;
                }
                Color colour = labelColour(p.label());
                Markers.draw(g, Theme.classMarker(p.label()), toCanvasX(p.x()), toCanvasY(p.y()), radius + 0.6,
                        colour.deriveColor(0, 1, 1, showManifold && manifold != null ? 0.9 : 0.8));
            }
        }
        drawAxes(g, side);
        drawLegend(g, side);
        drawOverlay();
    }

    private void drawAxes(GraphicsContext g, double side) {
        Theme theme = Theme.current();
        Numbers numbers = Numbers.current();
        g.setStroke(Theme.fx(theme.axisLine()));
        g.setLineWidth(1);
        g.strokeRect(left() - 0.5, top() - 0.5, side + 1, side + 1);
        g.setFill(Theme.fx(theme.ink()));
        g.setFont(Charts.canvasFont(12));
        for (int tick = (int) -EXTENT; tick <= EXTENT; tick++) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(numbers.integer(tick), toCanvasX(tick), top() + side + 3);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(numbers.integer(tick), left() - 4, toCanvasY(tick));
        }
        g.setFont(Charts.canvasFont(14));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(xName + " (σ)", left() + side / 2, top() + side + 15);
        g.save();
        g.translate(10, top() + side / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(yName, 0, 0);
        g.restore();
    }

    private void drawLegend(GraphicsContext g, double side) {
        if (!showScatter || points.isEmpty()) {
            return;
        }
        double x = left() + side + 12;
        g.setFont(Charts.canvasFont(13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int label = 0; label < 10; label++) {
            double y = top() + 10 + label * 20;
            Markers.draw(g, Theme.classMarker(label), x + 5, y, 5, labelColour(label));
            g.setFill(Theme.fx(Theme.current().ink()));
            g.fillText(String.valueOf(label), x + 15, y);
        }
    }

    private void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        drawPath(g, linearPath, Color.web("#d55e00"));
        drawPath(g, sphericalPath, Color.web("#0072b2"));
        if (ellipse != null) {
            for (int k = 1; k <= 2; k++) {
                double rx = k * ellipse.sigmaX() / (2 * EXTENT) * side();
                double ry = k * ellipse.sigmaY() / (2 * EXTENT) * side();
                g.setStroke(Color.web("#cc79a7"));
                g.setLineWidth(k == 1 ? 2.5 : 1.2);
                g.strokeOval(toCanvasX(ellipse.meanX()) - rx, toCanvasY(ellipse.meanY()) - ry, 2 * rx, 2 * ry);
            }
        }
        if (Double.isFinite(markerX) && Double.isFinite(markerY)) {
            double x = toCanvasX(markerX);
            double y = toCanvasY(markerY);
            g.setStroke(Theme.fx(Theme.current().plotBackground()));
            g.setLineWidth(4);
            g.strokeOval(x - 8, y - 8, 16, 16);
            g.setStroke(Color.web("#d55e00"));
            g.setLineWidth(2);
            g.strokeOval(x - 8, y - 8, 16, 16);
            g.strokeLine(x - 13, y, x - 4, y);
            g.strokeLine(x + 4, y, x + 13, y);
            g.strokeLine(x, y - 13, x, y - 4);
            g.strokeLine(x, y + 4, x, y + 13);
        }
    }

    private void drawPath(GraphicsContext g, List<double[]> path, Color colour) {
        if (path.size() < 2) {
            return;
        }
        g.setStroke(colour);
        g.setLineWidth(2.5);
        g.beginPath();
        g.moveTo(toCanvasX(path.get(0)[0]), toCanvasY(path.get(0)[1]));
        for (double[] p : path) {
            g.lineTo(toCanvasX(p[0]), toCanvasY(p[1]));
        }
        g.stroke();
        g.setFill(colour);
        for (double[] p : path) {
            g.fillOval(toCanvasX(p[0]) - 3, toCanvasY(p[1]) - 3, 6, 6);
        }
    }
}
