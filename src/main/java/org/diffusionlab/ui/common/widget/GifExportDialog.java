package org.diffusionlab.ui.common.widget;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.diffusionlab.ui.common.GifSettings;
import org.diffusionlab.ui.common.Page;
import org.diffusionlab.ui.common.text.Messages;

/**
 * File → Export → "… as GIF…": asks for the frame count, the delay, looping and labels, then for the file, then
 * hands both to the page's export. Not modal-blocking (shown, not showAndWait), so tests can drive it.
 */
public final class GifExportDialog extends Dialog<GifSettings> {
    private static GifSettings last = GifSettings.DEFAULT;

    GifExportDialog(Window owner, Messages messages, String spreadKey) {
        initOwner(owner);
        setTitle(messages.get("gif.title"));
        setHeaderText(null);
        IntegerProperty frames = new SimpleIntegerProperty(last.frames());
        IntegerProperty delay = new SimpleIntegerProperty(last.delayMillis());
        GridPane form = Controls.form();
        form.addRow(0, new Label(messages.get("gif.frames")),
                Controls.intSpinner("gif-frames", GifSettings.MIN_FRAMES, GifSettings.MAX_FRAMES, 10, frames));
        form.addRow(1, new Label(messages.get("gif.delay")),
                Controls.intSpinner("gif-delay", 20, GifSettings.MAX_DELAY_MILLIS, 10, delay));
        CheckBox loop = new CheckBox(messages.get("gif.loop"));
        loop.setId("gif-loop");
        loop.setSelected(last.loop());
        CheckBox labels = new CheckBox(messages.get("gif.labels"));
        labels.setId("gif-labels");
        labels.setSelected(last.labels());
        Label spread = new Label(messages.get(spreadKey));
        spread.getStyleClass().add("hint");
        spread.setWrapText(true);
        spread.setMaxWidth(360);
        getDialogPane().setContent(new VBox(10, form, loop, labels, spread));
        ButtonType export = new ButtonType(messages.get("gif.export"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(export, cancel);
        getDialogPane().lookupButton(export).setId("gif-ok");
        setResultConverter(button -> button == export
                ? new GifSettings(frames.get(), delay.get(), loop.isSelected(), labels.isSelected()) : null);
    }

    /** Shows the dialog for this page's animation; on OK asks where to save and starts the export. */
    public static void ask(Window owner, Messages messages, Page.Animation animation) {
        GifExportDialog dialog = new GifExportDialog(owner, messages, animation.spreadKey());
        dialog.setOnHidden(e -> {
            GifSettings settings = dialog.getResult();
            if (settings == null) {
                return;
            }
            last = settings;
            FileDialogs.save(owner, messages, messages.get(animation.labelKey()), animation.suggestedName(), "gif")
                    .ifPresent(file -> animation.write().accept(file, settings));
        });
        dialog.show();
    }
}
