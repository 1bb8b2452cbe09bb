package org.diffusionlab.ui.common.widget;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;

/**
 * Which model a view uses: the shelf's models in a list, a line about the chosen one, "open a model file", and for a model
 * exported from PyTorch its info and checks ({@link ModelInfoPane}).
 */
public final class ModelChooser<M> extends VBox {
    public ModelChooser(String idPrefix, ObservableList<ModelShelf.Entry<M>> models, ObjectProperty<ModelShelf.Entry<M>> chosen,
                        Messages messages, String noModelKey, String openKey, Runnable open) {
        super(8);
        ComboBox<ModelShelf.Entry<M>> list = new ComboBox<>(models);
        list.setId(idPrefix + "-model");
        list.setMaxWidth(Double.MAX_VALUE);
        list.valueProperty().bindBidirectional(chosen);
        list.setConverter(Controls.converter(entry -> entry.title().render(messages)));
        Tip.of(messages, idPrefix + ".model").on(list);
        list.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ModelShelf.Entry<M> entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.title().render(messages));
            }
        });
        Label description = new Label();
        description.getStyleClass().add("hint");
        description.setWrapText(true);
        description.setMaxWidth(Double.MAX_VALUE);
        Observe.now(chosen, entry -> description.setText(entry == null ? messages.get(noModelKey)
                : entry.description().render(messages)));
        Button openButton = new Button(messages.get(openKey));
        openButton.setId(idPrefix + "-open-model");
        openButton.setMaxWidth(Double.MAX_VALUE);
        openButton.setOnAction(e -> open.run());
        Tip.of(messages, idPrefix + ".openModel").on(openButton);
        Button info = new Button(messages.get("imported.info.open"));
        info.setId(idPrefix + "-model-info");
        info.setMaxWidth(Double.MAX_VALUE);
        info.setOnAction(e -> ModelInfoPane.showDialog(getScene().getWindow(), idPrefix, messages, chosen.get().info()));
        Observe.now(chosen, entry -> {
            info.setVisible(entry != null && entry.info() != null);
            info.setManaged(info.isVisible());
        });
        Tip.of(messages, "imported.info").on(info);
        getChildren().addAll(list, description, openButton, info);
    }
}
