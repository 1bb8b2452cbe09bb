package org.diffusionlab.ui.latent;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.CaptionedRaster;
import org.diffusionlab.ui.common.widget.Controls;
import org.diffusionlab.ui.common.widget.Icons;
import org.diffusionlab.ui.common.widget.ModelChooser;
import org.diffusionlab.ui.common.widget.SideColumn;

/** The Latent view's left column: the model, the decoded image and one slider per latent dimension. */
final class LatentControls extends SideColumn {

    LatentControls(LatentViewModel model, Messages messages, Runnable openModel) {
        ModelChooser<org.diffusionlab.core.vae.Vae> models = new ModelChooser<>("latent", model.models(), model.modelProperty(),
                messages, "latent.noModel", "latent.openModel", openModel);

        CaptionedRaster decoded = new CaptionedRaster("latent-decoded", 168);
        decoded.caption().setText(messages.get("latent.decoded"));
        decoded.raster().rasterProperty().bind(model.decodedProperty());
        decoded.setPrefHeight(200);
        Tip.of(messages, "latent.decoded").tex("\\hat{x} = \\mathrm{dec}_\\theta(z)").on(decoded.caption());

        Button reset = new Button(messages.get("latent.reset"));
        reset.setId("latent-reset");
        reset.setOnAction(e -> model.reset());
        Button sample = new Button(messages.get("latent.sample"), Icons.of(Icons.DICE));
        sample.setId("latent-sample");
        sample.setOnAction(e -> model.sampleFromPrior());
        Tip.of(messages, "latent.reset").tex("z = 0").on(reset);
        Tip.of(messages, "latent.sample").tex("z \\sim \\mathcal{N}(0, I)").on(sample);
        for (Button b : new Button[] {reset, sample}) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        Label slidersHint = new Label();
        slidersHint.getStyleClass().add("hint");
        slidersHint.setWrapText(true);
        slidersHint.setMaxWidth(Double.MAX_VALUE);
        slidersHint.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("latent.sliders.hint", model.latentSize()), model.latent()));

        VBox content = new VBox(12,
                Controls.section(messages.get("latent.section.model"), models),
                Controls.section(messages.get("latent.section.decode"), decoded, new HBox(6, reset, sample), slidersHint,
                        new LatentSliders(model, messages)));
        setSections(content);
    }
}
