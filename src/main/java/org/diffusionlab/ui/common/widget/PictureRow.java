package org.diffusionlab.ui.common.widget;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.diffusionlab.core.data.Raster;

/** A titled row of small pictures (e.g. eight reconstructions), crisp at any size. */
public final class PictureRow extends HBox {
    private final Label title = new Label();
    private final int slots;

    public PictureRow(String titleText, int slots) {
        this.slots = slots;
        title.setText(titleText);
        title.getStyleClass().add("picture-row-title");
        title.setWrapText(true);
        title.setMinWidth(USE_PREF_SIZE);
        title.setPrefWidth(165);
        getStyleClass().add("picture-row");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(4);
        getChildren().add(title);
        for (int i = 0; i < slots; i++) {
            RasterView view = new RasterView(56);
            HBox.setHgrow(view, Priority.ALWAYS);
            getChildren().add(view);
        }
    }

    public void show(List<Raster> pictures) {
        for (int i = 0; i < slots; i++) {
            ((RasterView) getChildren().get(i + 1)).setRaster(pictures != null && i < pictures.size() ? pictures.get(i) : null);
        }
    }

    /** The row's title (a view puts its tip there). */
    public Label title() {
        return title;
    }

    /** The picture in slot i, or null. */
    public Raster picture(int i) {
        return ((RasterView) getChildren().get(i + 1)).getRaster();
    }
}
