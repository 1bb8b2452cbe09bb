package org.diffusionlab.ui.reverse;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.Controls;
import org.diffusionlab.ui.common.widget.ModelChooser;
import org.diffusionlab.ui.common.widget.NoticeLabel;
import org.diffusionlab.ui.common.widget.SideColumn;

/** The Reverse view's left column: the model, where the chain starts, the sampler and the seed. */
final class ReverseControls extends SideColumn {

    ReverseControls(ReverseViewModel model, Messages messages, Runnable openModel) {
        ModelChooser<DiffusionModel> models = new ModelChooser<>("reverse", model.models(), model.modelProperty(), messages,
                "reverse.noModel", "reverse.openModel", openModel);

        ToggleButton fromNoise = Controls.choice("reverse-start-noise", messages.get("reverse.start.noise"), ReverseViewModel.Start.NOISE);
        ToggleButton fromImage = Controls.choice("reverse-start-image", messages.get("reverse.start.image"), ReverseViewModel.Start.IMAGE);
        Controls.bindChoice(model.startProperty(), fromNoise, fromImage);
        Tip.of(messages, "reverse.startNoise").tex("x_T \\sim \\mathcal{N}(0, I)").on(fromNoise);
        Tip.of(messages, "reverse.startImage").tex("x_t = \\sqrt{\\bar\\alpha_t}\\, x_0 + \\sqrt{1 - \\bar\\alpha_t}\\, \\varepsilon").on(fromImage);
        GridPane startForm = Controls.form();
        Spinner<Integer> digit = Controls.intSpinner("reverse-start-digit", 0, 999, 1, model.startDigitProperty());
        Spinner<Integer> t = Controls.intSpinner("reverse-start-t", 1, 1000, 50, model.startTProperty());
        Tip.of(messages, "reverse.startDigit").tex("x_0").on(digit);
        Tip.of(messages, "reverse.startT").tex("t").on(t);
        startForm.addRow(0, new Label(messages.get("reverse.start.digit")), digit);
        startForm.addRow(1, new Label(messages.get("reverse.start.t")), t);
        startForm.disableProperty().bind(model.startProperty().isEqualTo(ReverseViewModel.Start.NOISE));

        ToggleButton ddpm = Controls.choice("reverse-sampler-ddpm", messages.get("reverse.sampler.ddpm"), ReverseViewModel.SamplerKind.DDPM);
        ToggleButton ddim = Controls.choice("reverse-sampler-ddim", messages.get("reverse.sampler.ddim"), ReverseViewModel.SamplerKind.DDIM);
        Controls.bindChoice(model.samplerProperty(), ddpm, ddim);
        Tip.of(messages, "reverse.ddpm").tex("x_{t-1} = \\mu_\\theta(x_t, t) + \\sigma_t z").on(ddpm);
        Tip.of(messages, "reverse.ddim").tex("x_{t'} = \\sqrt{\\bar\\alpha_{t'}}\\, \\hat{x}_0 + \\sqrt{1 - \\bar\\alpha_{t'} - \\sigma^2}\\, "
                + "\\hat\\varepsilon + \\sigma z").on(ddim);
        GridPane samplerForm = Controls.form();
        samplerForm.addRow(0, new Label(messages.get("reverse.sampler.steps")),
                Tip.of(messages, "reverse.ddimSteps").tex("T \\to 0").on(
                        Controls.intSpinner("reverse-ddim-steps", 1, 1000, 5, model.ddimStepsProperty())));
        samplerForm.addRow(1, new Label("η"), Tip.of(messages, "reverse.eta").tex("\\sigma_t = \\eta \\sqrt{\\frac{1 - \\bar\\alpha_{t'}}"
                + "{1 - \\bar\\alpha_t} \\left(1 - \\frac{\\bar\\alpha_t}{\\bar\\alpha_{t'}}\\right)}").on(
                Controls.doubleSpinner("reverse-eta", 0, 1, 0.1, model.etaProperty())));
        samplerForm.disableProperty().bind(model.samplerProperty().isEqualTo(ReverseViewModel.SamplerKind.DDPM));
        Label samplerHint = new Label();
        samplerHint.getStyleClass().add("hint");
        samplerHint.setWrapText(true);
        samplerHint.setMaxWidth(Double.MAX_VALUE);
        samplerHint.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                model.samplerProperty().get() == ReverseViewModel.SamplerKind.DDPM ? "reverse.sampler.ddpm.hint"
                        : "reverse.sampler.ddim.hint"), model.samplerProperty()));

        Button restart = new Button(messages.get("reverse.restart"));
        restart.setId("reverse-restart");
        restart.setMaxWidth(Double.MAX_VALUE);
        restart.setOnAction(e -> model.restart());
        Tip.of(messages, "reverse.restart").on(restart);

        VBox content = new VBox(12,
                Controls.section(messages.get("reverse.section.model"), models),
                Controls.section(messages.get("reverse.section.start"), fromNoise, fromImage, startForm),
                Controls.section(messages.get("reverse.section.sampler"), new HBox(6, ddpm, ddim), samplerForm, samplerHint),
                Controls.section(messages.get("reverse.section.seed"),
                        Controls.seed("reverse-seed", model.seedProperty(), model::newSeed, messages), restart),
                new NoticeLabel("reverse-notice", model.noticeProperty(), messages));
        setSections(content);
    }
}
