package org.diffusionlab.ui.common.widget;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.imported.Check;
import org.diffusionlab.core.imported.ModelInfo;
import org.diffusionlab.ui.common.text.Messages;

/**
 * What a model exported from PyTorch is and what its checks found, in an expandable pane: kind, image, graphs with
 * their shapes, weights, opset, producer, the sidecar's likelihood or schedule, the exporting versions, then each
 * check with ✓ or ✗ and its finding. Hidden for the app's own models ({@link #show} with null).
 */
public final class ModelInfoPane extends TitledPane {
    private final Messages messages;
    private final GridPane fields = new GridPane();
    private final VBox checks = new VBox(2);

    public ModelInfoPane(String idPrefix, Messages messages) {
        this.messages = messages;
        setId(idPrefix + "-model-info");
        setText(messages.get("imported.info.title"));
        setExpanded(false);
        fields.setHgap(8);
        fields.setVgap(2);
        checks.setId(idPrefix + "-model-checks");
        Label checksTitle = new Label(messages.get("imported.info.checks"));
        checksTitle.getStyleClass().add("section-title");
        setContent(new VBox(6, fields, checksTitle, checks));
        show(null);
    }

    /** Shows {@code info}, or hides the pane when there is none. */
    public void show(ModelInfo info) {
        setVisible(info != null);
        setManaged(info != null);
        fields.getChildren().clear();
        checks.getChildren().clear();
        if (info == null) {
            return;
        }
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
            value.setId(getId() + "-" + rows.get(row)[0]);
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
            line.setId(getId() + "-check-" + check.id());
            line.getStyleClass().add(check.passed() ? "check-passed" : "check-failed");
            checks.getChildren().add(line);
        }
    }
}
