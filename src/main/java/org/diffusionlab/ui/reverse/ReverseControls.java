package org.diffusionlab.ui.reverse;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.ui.common.Controls;
import org.diffusionlab.ui.common.Icons;
import org.diffusionlab.ui.common.Messages;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.Observe;

/** The Reverse view's left column: the model, where the chain starts, the sampler and the seed. */
final class ReverseControls extends ScrollPane {

    ReverseControls(ReverseViewModel model, Messages messages, Runnable openModel) {
        ComboBox<ModelShelf.Entry<DiffusionModel>> models = new ComboBox<>(model.models());
        models.setId("reverse-model");
        models.setMaxWidth(Double.MAX_VALUE);
        models.valueProperty().bindBidirectional(model.modelProperty());
        Label description = new Label();
        description.getStyleClass().add("hint");
        description.setWrapText(true);
        description.setMaxWidth(Double.MAX_VALUE);
        Observe.now(model.modelProperty(), entry -> description.setText(entry == null ? messages.get("reverse.noModel")
                : entry.description().render(messages)));
        Button open = new Button(messages.get("reverse.openModel"));
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> openModel.run());

        ToggleButton fromNoise = Controls.choice("reverse-start-noise", messages.get("reverse.start.noise"), ReverseViewModel.Start.NOISE);
        ToggleButton fromImage = Controls.choice("reverse-start-image", messages.get("reverse.start.image"), ReverseViewModel.Start.IMAGE);
        Controls.bindChoice(model.startProperty(), fromNoise, fromImage);
        GridPane startForm = Controls.form();
        Spinner<Integer> digit = Controls.intSpinner("reverse-start-digit", 0, 999, 1, model.startDigitProperty());
        Spinner<Integer> t = Controls.intSpinner("reverse-start-t", 1, 1000, 50, model.startTProperty());
        startForm.addRow(0, new Label(messages.get("reverse.start.digit")), digit);
        startForm.addRow(1, new Label(messages.get("reverse.start.t")), t);
        startForm.disableProperty().bind(model.startProperty().isEqualTo(ReverseViewModel.Start.NOISE));

        ToggleButton ddpm = Controls.choice("reverse-sampler-ddpm", messages.get("reverse.sampler.ddpm"), ReverseViewModel.SamplerKind.DDPM);
        ToggleButton ddim = Controls.choice("reverse-sampler-ddim", messages.get("reverse.sampler.ddim"), ReverseViewModel.SamplerKind.DDIM);
        Controls.bindChoice(model.samplerProperty(), ddpm, ddim);
        GridPane samplerForm = Controls.form();
        samplerForm.addRow(0, new Label(messages.get("reverse.sampler.steps")),
                Controls.intSpinner("reverse-ddim-steps", 1, 1000, 5, model.ddimStepsProperty()));
        samplerForm.addRow(1, new Label("η"), Controls.doubleSpinner("reverse-eta", 0, 1, 0.1, model.etaProperty()));
        samplerForm.disableProperty().bind(model.samplerProperty().isEqualTo(ReverseViewModel.SamplerKind.DDPM));
        Label samplerHint = new Label();
        samplerHint.getStyleClass().add("hint");
        samplerHint.setWrapText(true);
        samplerHint.setMaxWidth(Double.MAX_VALUE);
        samplerHint.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                model.samplerProperty().get() == ReverseViewModel.SamplerKind.DDPM ? "reverse.sampler.ddpm.hint"
                        : "reverse.sampler.ddim.hint"), model.samplerProperty()));

        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, (int) model.seedProperty().get());
        seed.setId("reverse-seed");
        seed.setEditable(true);
        Controls.commitOnFocusLost(seed);
        seed.getValueFactory().valueProperty().addListener((obs, old, value) -> model.seedProperty().set(value));
        model.seedProperty().addListener((obs, old, value) -> seed.getValueFactory().setValue(value.intValue()));
        Button dice = new Button(null, Icons.of(Icons.DICE));
        dice.setTooltip(new Tooltip(messages.get("forward.newSeed")));
        dice.setOnAction(e -> model.newSeed());
        HBox.setHgrow(seed, Priority.ALWAYS);
        Button restart = new Button(messages.get("reverse.restart"));
        restart.setId("reverse-restart");
        restart.setMaxWidth(Double.MAX_VALUE);
        restart.setOnAction(e -> model.restart());

        Label notice = new Label();
        notice.setId("reverse-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        Observe.now(model.noticeProperty(), value -> {
            notice.setText(value.render(messages));
            notice.getStyleClass().setAll("label", value.error() ? "notice-error" : "notice-info");
        });

        VBox content = new VBox(12,
                Controls.section(messages.get("reverse.section.model"), models, description, open),
                Controls.section(messages.get("reverse.section.start"), fromNoise, fromImage, startForm),
                Controls.section(messages.get("reverse.section.sampler"), new HBox(6, ddpm, ddim), samplerForm, samplerHint),
                Controls.section(messages.get("reverse.section.seed"), new HBox(6, seed, dice), restart),
                notice);
        content.getStyleClass().add("side-panel");
        content.setPadding(new Insets(12));
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("side-scroll");
    }
}
