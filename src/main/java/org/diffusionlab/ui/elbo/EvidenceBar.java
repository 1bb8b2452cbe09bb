package org.diffusionlab.ui.elbo;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.diffusionlab.ui.common.Theme;
import org.diffusionlab.ui.common.chart.Charts;
import org.diffusionlab.ui.common.widget.CanvasRegion;

/**
 * log p(x) = ELBO + KL as one stacked bar: from a baseline fixed by the model (log p(x) − {@link #DEPTH} nats) up
 * to log p(x), split at the ELBO; its top does not move while q does. The three numbers stand beside it.
 */
final class EvidenceBar extends CanvasRegion {
    static final double DEPTH = 12;
    private static final Color ELBO_COLOUR = Theme.fx(Theme.BLUE);
    private static final Color KL_COLOUR = Theme.fx(Theme.ORANGE);

    private double logEvidence;
    private double elbo;
    private String[] lines = {"", "", ""};

    EvidenceBar() {
        setMinSize(260, 220);
        setPrefSize(300, 260);
    }

    /** The values and the three labels (log p(x), ELBO, KL), already formatted. */
    void set(double logEvidence, double elbo, String evidenceLine, String elboLine, String klLine) {
        this.logEvidence = logEvidence;
        this.elbo = elbo;
        this.lines = new String[] {evidenceLine, elboLine, klLine};
        draw();
    }

    /** The three labels as drawn: log p(x), ELBO, KL (for tests). */
    String[] lines() {
        return lines.clone();
    }

    /** The bar's height in pixels from its baseline to log p(x) (the same for every q). */
    double barHeight() {
        return Math.max(0, getHeight() - 40);
    }

    @Override
    protected void draw() {
        GraphicsContext g = blank();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        double top = 20;
        double barWidth = 64;
        double left = 16;
        double full = barHeight();
        if (full <= 0) {
            return;
        }
        double baseline = logEvidence - DEPTH;
        double fraction = Math.max(0, Math.min(1, (elbo - baseline) / DEPTH));
        double elboTop = top + full * (1 - fraction);
        g.setFill(ELBO_COLOUR);
        g.fillRect(left, elboTop, barWidth, top + full - elboTop);
        g.setFill(KL_COLOUR);
        g.fillRect(left, top, barWidth, elboTop - top);
        g.setStroke(Theme.fx(Theme.current().ink()));
        g.setLineWidth(2);
        g.strokeLine(left - 8, top, left + barWidth + 8, top);
        if (elbo < baseline) {   // the ELBO is below the bar's foot: a break mark
            g.setStroke(Theme.fx(Theme.current().chartBackground()));
            g.setLineWidth(4);
            g.strokeLine(left, top + full - 10, left + barWidth, top + full - 16);
        }
        g.setFont(Font.font(Charts.FONT, 14));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Theme.fx(Theme.current().ink()));
        double textX = left + barWidth + 14;
        g.fillText(lines[0], textX, top);
        g.setFill(KL_COLOUR.darker());
        g.fillText(lines[2], textX, Math.max(top + 22, (top + elboTop) / 2));
        g.setFill(ELBO_COLOUR);
        g.fillText(lines[1], textX, Math.min(top + full - 4, Math.max(top + 44, (elboTop + top + full) / 2)));
    }
}
