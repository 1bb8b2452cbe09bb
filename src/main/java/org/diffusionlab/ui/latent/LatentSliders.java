package org.diffusionlab.ui.latent;

import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;
import org.diffusionlab.ui.common.text.Subscripts;
import org.diffusionlab.ui.common.tip.Tip;

/** One slider per latent dimension, z₁ … z_k, from −3σ to +3σ, with its value. Rebuilt when the model changes. */
final class LatentSliders extends GridPane {
    private static final String Z_K = "z_k, \\quad p(z_k) = \\mathcal{N}(0, 1)";
    private final Messages messages;

    LatentSliders(LatentViewModel model, Messages messages) {
        this.messages = messages;
        setHgap(6);
        setVgap(2);
        getStyleClass().add("latent-sliders");
        model.latent().addListener((ListChangeListener<DoubleProperty>) change -> rebuild(model));
        rebuild(model);
    }

    private void rebuild(LatentViewModel model) {
        getChildren().clear();
        for (int k = 0; k < model.latent().size(); k++) {
            DoubleProperty value = model.latent().get(k);
            Label name = new Label("z" + Subscripts.of(k + 1));
            name.getStyleClass().add("latent-name");
            Slider slider = new Slider(-LatentViewModel.RANGE, LatentViewModel.RANGE, value.get());
            slider.setId("latent-slider-" + (k + 1));
            slider.valueProperty().bindBidirectional(value);
            slider.setMajorTickUnit(1);
            slider.setFocusTraversable(true);
            GridPane.setHgrow(slider, Priority.ALWAYS);
            Tip.of(messages, "latent.z").tex(Z_K).on(slider);
            Label number = new Label();
            number.getStyleClass().add("latent-value");
            number.setMinWidth(USE_PREF_SIZE);
            number.setAlignment(Pos.CENTER_RIGHT);
            number.textProperty().bind(Bindings.createStringBinding(
                    () -> Numbers.current().signed(value.get(), 2), value));
            Tip.of(messages, "latent.z").tex(Z_K).on(number);
            addRow(k, name, slider, number);
        }
    }
}
