package org.diffusionlab.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import org.diffusionlab.ui.common.Messages;

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
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(messages.get("menu.about"));
        alert.setHeaderText(messages.get("app.title") + " — " + messages.get("about.tagline"));
        alert.getDialogPane().setContent(text);
        alert.show();
    }

    static void showKeys(Window owner, Messages messages) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, messages.get("keys.text"), ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(messages.get("menu.keys"));
        alert.setHeaderText(messages.get("menu.keys"));
        alert.show();
    }
}
