package org.diffusionlab.ui.common.widget;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A raster with a caption above it. */
public final class CaptionedRaster extends VBox {
    private final Label caption = new Label();
    private final RasterView raster;

    public CaptionedRaster(String id, double preferredSide) {
        raster = new RasterView(preferredSide);
        raster.setId(id);
        caption.getStyleClass().add("image-caption");
        caption.setMaxWidth(Double.MAX_VALUE); // so a long caption wraps to the column instead of overflowing it
        caption.setAlignment(Pos.CENTER);
        setAlignment(Pos.TOP_CENTER);
        setSpacing(4);
        VBox.setVgrow(raster, Priority.ALWAYS);
        getChildren().addAll(caption, raster);
    }

    public Label caption() {
        return caption;
    }

    public RasterView raster() {
        return raster;
    }
}
