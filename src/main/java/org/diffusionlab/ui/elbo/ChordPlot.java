package org.diffusionlab.ui.elbo;

import java.util.Arrays;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.diffusionlab.ui.common.Theme;
import org.diffusionlab.ui.common.chart.Charts;
import org.diffusionlab.ui.common.widget.CanvasRegion;

/**
 * Jensen's inequality on the concave log: the K weights w_k (scaled by the largest, which shifts both sides by
 * the same constant) as points on log w; the chords between them shaded; their centroid (mean w, mean log w)
 * below the curve's point (mean w, log mean w); the vertical gap between the two is Jensen's gap.
 */
final class ChordPlot extends CanvasRegion {
    private double[] logWeights = new double[0];
    private String title = "";
    private final ReadOnlyStringWrapper gapText = new ReadOnlyStringWrapper(this, "gap");
    private String weightAxis = "";

    ChordPlot() {
        setMinSize(260, 220);
    }

    void set(String title, double[] logWeights, String gapText, String weightAxis) {
        this.title = title;
        this.weightAxis = weightAxis;
        this.logWeights = logWeights.clone();
        this.gapText.set(gapText);
        draw();
    }

    /** Jensen's gap as the plot writes it under the curve (its tip's current value); null before any weights. */
    ReadOnlyStringProperty gapProperty() {
        return gapText.getReadOnlyProperty();
    }

    @Override
    protected void draw() {
        GraphicsContext g = blank();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.setFill(Theme.fx(Theme.current().ink()));
        g.setFont(Font.font(Charts.FONT, 14));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 8, 4);
        if (logWeights.length == 0) {
            return;
        }
        double max = Arrays.stream(logWeights).max().orElse(0);
        double[] w = Arrays.stream(logWeights).map(v -> Math.exp(v - max)).toArray();
        double smallest = Math.max(1e-4, Arrays.stream(w).min().orElse(1e-4) * 0.8);
        double lowY = Math.log(smallest);
        double left = 50;
        double top = 30;
        double plotWidth = width - left - 16;
        double plotHeight = height - top - 48;
        if (plotWidth < 20 || plotHeight < 20) {
            return;
        }
        java.util.function.DoubleUnaryOperator sx = x -> left + x / 1.05 * plotWidth;
        java.util.function.DoubleUnaryOperator sy = y -> top + (0.05 - y) / (0.05 - lowY) * plotHeight;
        // the curve log w
        g.setStroke(Theme.fx(Theme.current().ink()));
        g.setLineWidth(2);
        double previousX = smallest;
        for (int i = 1; i <= 200; i++) {
            double x = smallest + (1.05 - smallest) * i / 200.0;
            g.strokeLine(sx.applyAsDouble(previousX), sy.applyAsDouble(Math.log(previousX)), sx.applyAsDouble(x),
                    sy.applyAsDouble(Math.log(x)));
            previousX = x;
        }
        // chords: the polygon through the points in order of w (their convex combinations lie inside it)
        Integer[] order = new Integer[w.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(w[a], w[b]));
        double[] xs = new double[w.length];
        double[] ys = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            xs[i] = sx.applyAsDouble(w[order[i]]);
            ys[i] = sy.applyAsDouble(Math.log(w[order[i]]));
        }
        g.setFill(Color.rgb(0, 114, 178, 0.15));
        g.fillPolygon(xs, ys, xs.length);
        g.setFill(Theme.fx(Theme.BLUE));
        for (int i = 0; i < w.length; i++) {
            g.fillOval(xs[i] - 4, ys[i] - 4, 8, 8);
        }
        double meanW = Arrays.stream(w).average().orElse(1);
        double meanLogW = Arrays.stream(w).map(Math::log).average().orElse(0);
        double gx = sx.applyAsDouble(meanW);
        double upper = sy.applyAsDouble(Math.log(meanW));
        double lower = sy.applyAsDouble(meanLogW);
        g.setFill(Color.rgb(230, 159, 0, 0.45));
        g.fillRect(gx - 5, upper, 10, lower - upper);
        g.setFill(Theme.fx(Theme.VERMILLION));
        g.fillOval(gx - 5, lower - 5, 10, 10);
        g.setFill(Theme.fx(Theme.GREEN));
        g.fillOval(gx - 5, upper - 5, 10, 10);
        g.setFill(Theme.fx(Theme.current().ink()));
        g.setFont(Font.font(Charts.FONT, 12));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(gapText.get(), 8, top + plotHeight + 24);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(weightAxis, left + plotWidth / 2, top + plotHeight + 6);
        g.save();
        g.translate(14, top + plotHeight / 2);
        g.rotate(-90);
        g.fillText("log w", 0, 0);
        g.restore();
    }
}
