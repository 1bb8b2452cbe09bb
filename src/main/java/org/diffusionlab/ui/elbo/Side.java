package org.diffusionlab.ui.elbo;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A panel's controls column, scrolling vertically when it is taller than the window (presentation mode's large
 * fonts), its wrapped labels never shortened to "…".
 */
final class Side {
    private Side() {
    }

    static ScrollPane of(VBox controls) {
        keepWholeLabels(controls);
        ScrollPane pane = new ScrollPane(controls);
        pane.setFitToWidth(true);
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        pane.setMinWidth(controls.getPrefWidth() + 16);
        pane.setPrefWidth(controls.getPrefWidth() + 16);
        pane.getStyleClass().add("edge-to-edge");
        return pane;
    }

    private static void keepWholeLabels(Parent parent) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Label label && label.isWrapText()) {
                label.setMinHeight(Region.USE_PREF_SIZE);
            }
            if (child instanceof Parent inner) {
                keepWholeLabels(inner);
            }
        }
    }
}
