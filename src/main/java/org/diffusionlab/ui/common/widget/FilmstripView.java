package org.diffusionlab.ui.common.widget;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.data.Raster;

/** A row of captioned thumbnails; one can be highlighted, and a click reports its index. */
public final class FilmstripView extends HBox {
    private IntConsumer onSelect = index -> { };
    private Consumer<Label> captionTip = caption -> { };

    public FilmstripView() {
        getStyleClass().add("filmstrip");
        setSpacing(4);
        setAlignment(Pos.CENTER);
        setFillHeight(true);
    }

    public void setOnSelect(IntConsumer onSelect) {
        this.onSelect = onSelect;
    }

    /** Installs a tip on each caption shown from now on (a caption says which frame it is). */
    public void setCaptionTip(Consumer<Label> install) {
        this.captionTip = install;
    }

    public void show(List<Raster> frames, List<String> captions) {
        getChildren().clear();
        for (int i = 0; i < frames.size(); i++) {
            RasterView thumbnail = new RasterView(72);
            thumbnail.setRaster(frames.get(i));
            VBox.setVgrow(thumbnail, Priority.ALWAYS);
            Label caption = new Label(i < captions.size() ? captions.get(i) : "");
            caption.getStyleClass().add("caption-small");
            Controls.whole(caption); // "1000" stays "1000" however narrow the strip
            captionTip.accept(caption);
            VBox cell = new VBox(2, thumbnail, caption);
            cell.setAlignment(Pos.CENTER);
            cell.getStyleClass().add("filmstrip-cell");
            HBox.setHgrow(cell, Priority.ALWAYS);
            int index = i;
            cell.setOnMouseClicked(e -> onSelect.accept(index));
            getChildren().add(cell);
        }
    }

    /** Highlights the cell at index (−1 for none). */
    public void highlight(int index) {
        for (int i = 0; i < getChildren().size(); i++) {
            getChildren().get(i).pseudoClassStateChanged(PseudoClass.getPseudoClass("selected"), i == index);
        }
    }
}
