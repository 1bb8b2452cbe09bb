package org.diffusionlab.ui.common.widget;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

import org.diffusionlab.ui.common.Theme;

/** A region painted on one canvas that always fills it: laying out resizes the canvas and repaints. */
public abstract class CanvasRegion extends Region {
    protected final Canvas canvas = new Canvas();

    protected CanvasRegion() {
        getChildren().add(canvas);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** Paints the whole canvas from the current state. */
    protected abstract void draw();

    /** The canvas's pen, the canvas filled with the theme's chart background first. */
    protected GraphicsContext blank() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Theme.fx(Theme.current().chartBackground()));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        return g;
    }
}
