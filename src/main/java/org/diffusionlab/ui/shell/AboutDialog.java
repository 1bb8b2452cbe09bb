package org.diffusionlab.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import org.diffusionlab.ui.common.text.Messages;

/** Help → About (credits and licences) and Help → Keyboard. */
final class AboutDialog {
    private AboutDialog() {
    }

    static void show(Window owner, Messages messages) {
        TextArea text = new TextArea(messages.get("about.text"));
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefSize(620, 420);
        text.setId("about-text");
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", close(messages));
        alert.initOwner(owner);
        alert.setTitle(messages.get("menu.about"));
        alert.setHeaderText(messages.get("app.title") + " — " + messages.get("about.tagline"));
        alert.getDialogPane().setContent(text);
        alert.show();
    }

    static void showKeys(Window owner, Messages messages) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, messages.get("keys.text"), close(messages));
        alert.initOwner(owner);
        alert.setTitle(messages.get("menu.keys"));
        alert.setHeaderText(messages.get("menu.keys"));
        alert.show();
    }

    /** JavaFX's own "Close" is English whatever the UI language: the button's word comes from the bundles. */
    static ButtonType close(Messages messages) {
        return new ButtonType(messages.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }
}
