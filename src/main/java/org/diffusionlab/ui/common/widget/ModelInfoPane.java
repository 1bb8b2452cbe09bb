package org.diffusionlab.ui.common.widget;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.diffusionlab.core.imported.Check;
import org.diffusionlab.core.imported.ModelInfo;
import org.diffusionlab.ui.common.text.Messages;

/**
 * What a model exported from PyTorch is and what its checks found: kind, image, graphs with their shapes, weights,
 * opset, producer, the sidecar's likelihood or schedule, the exporting versions, then each check with ✓ or ✗ and its
 * finding. Shown in a dialog ({@link #showDialog}) from the model chooser, where a side column has no room for it.
 */
public final class ModelInfoPane extends VBox {
    private final Messages messages;
    private final GridPane fields = new GridPane();
    private final VBox checks = new VBox(4);

    public ModelInfoPane(String idPrefix, Messages messages, ModelInfo info) {
        super(10);
        this.messages = messages;
        setId(idPrefix + "-model-info-pane");
        fields.setHgap(12);
        fields.setVgap(4);
        checks.setId(idPrefix + "-model-checks");
        Label checksTitle = new Label(messages.get("imported.info.checks"));
        checksTitle.getStyleClass().add("section-title");
        getChildren().addAll(fields, checksTitle, checks);
        setPrefWidth(760);
        show(idPrefix + "-model-info", info);
    }

    /** Opens a dialog over {@code owner} showing {@code info}; it returns at once (the dialog is not modal to the work). */
    public static void showDialog(Window owner, String idPrefix, Messages messages, ModelInfo info) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("imported.info.title"));
        dialog.setHeaderText(info.file());
        dialog.getDialogPane().setContent(new ModelInfoPane(idPrefix, messages, info));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }

    private void show(String id, ModelInfo info) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"kind", messages.get("imported.kind." + info.kind())});
        rows.add(new String[] {"image", info.image() + ", " + info.range()});
        rows.add(new String[] {"graphs", String.join("\n", info.graphs())});
        rows.add(new String[] {"parameters", messages.numbers().integer(info.parameters())});
        rows.add(new String[] {"opset", String.valueOf(info.opset())});
        rows.add(new String[] {"producer", info.producer()});
        rows.add(info.schedule() != null ? new String[] {"schedule", info.schedule()} : new String[] {"likelihood", info.likelihood()});
        rows.add(new String[] {"exported", info.exportedWith()});
        for (int row = 0; row < rows.size(); row++) {
            Label name = new Label(messages.get("imported.info." + rows.get(row)[0]));
            name.getStyleClass().add("hint");
            Label value = new Label(rows.get(row)[1]);
            value.setWrapText(true);
            value.setId(id + "-" + rows.get(row)[0]);
            fields.addRow(row, name, value);
        }
        for (Check check : info.checks()) {
            String mark = switch (check.status()) {
                case PASSED -> "✓";
                case FAILED -> "✗";
                case NOT_RUN -> "–";
            };
            Label line = new Label(mark + " " + messages.get("imported.check." + check.id())
                    + (check.detail().isEmpty() ? "" : ": " + check.detail()));
            line.setWrapText(true);
            line.setId(id + "-check-" + check.id());
            line.getStyleClass().add(check.passed() ? "check-passed" : "check-failed");
            checks.getChildren().add(line);
        }
    }
}
