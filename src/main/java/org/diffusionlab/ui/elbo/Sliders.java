package org.diffusionlab.ui.elbo;

import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;

import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.Controls;

/** Rows of "name  slider  value" bound to view-model properties. */
final class Sliders {
    private final GridPane grid = Controls.form();
    private final Messages messages;
    private int rows;

    Sliders(Messages messages) {
        this.messages = messages;
    }

    Slider add(String id, String name, double min, double max, DoubleProperty property) {
        Slider slider = new Slider(min, max, property.get());
        slider.setId(id);
        slider.setPrefWidth(140);
        slider.setMinWidth(100);
        Controls.bindStrongly(slider, slider.valueProperty(), property);
        Label value = new Label();
        value.setMinWidth(56);
        Observe.now(property, v -> value.setText(Figures.significant(messages, v.doubleValue(), 3)));
        Tip.of(messages, id).on(slider);
        Tip.of(messages, id).on(value);
        grid.addRow(rows++, new Label(name), slider, value);
        return slider;
    }

    GridPane node() {
        return grid;
    }
}
