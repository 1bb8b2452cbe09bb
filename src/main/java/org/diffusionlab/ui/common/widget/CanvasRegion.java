package org.diffusionlab.ui.common.widget;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

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
}
