package org.diffusionlab.ui.forward;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.diffusion.NoisingChain;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.Controls;
import org.diffusionlab.ui.common.widget.Icons;
import org.diffusionlab.ui.common.widget.SideColumn;

/** The Forward view's left column: the picture, the schedule, the seed and the mode. */
final class ForwardControls extends SideColumn {

    ForwardControls(ForwardViewModel model, Messages messages, Runnable chooseFile) {
        setSections(new VBox(14, imageSection(model, messages, chooseFile), scheduleSection(model, messages),
                modeSection(model, messages)));
    }

    private VBox imageSection(ForwardViewModel model, Messages messages, Runnable chooseFile) {
        Spinner<Integer> digit = Controls.intSpinner("forward-digit-index", 0, 9999, 1, model.digitIndexProperty());
        Tip.of(messages, "forward.digit").tex("x_0 \\in [0, 1]^{28 \\times 28}").on(digit);

        ComboBox<Integer> label = new ComboBox<>();
        label.setId("forward-random-label");
        for (int i = 0; i <= 9; i++) {
            label.getItems().add(i);
        }
        label.setValue(3);
        Tip.of(messages, "forward.label").tex("y \\in \\{0, 1, \\dots, 9\\}").on(label);
        Button random = new Button(messages.get("forward.randomDigit"), Icons.of(Icons.DICE));
        random.setId("forward-random-digit");
        random.setOnAction(e -> model.showRandomDigit(label.getValue()));
        Tip.of(messages, "forward.random").on(random);

        ComboBox<String> photo = new ComboBox<>();
        photo.setId("forward-photo");
        photo.getItems().setAll(model.photoNames());
        photo.setPromptText(messages.get("forward.photo.prompt"));
        photo.valueProperty().bindBidirectional(model.photoProperty());
        photo.setMaxWidth(Double.MAX_VALUE);
        Tip.of(messages, "forward.photo").on(photo);
        // a combo box whose value goes back to null shows a blank button, not its prompt: say the prompt ourselves
        photo.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? photo.getPromptText() : item);
            }
        });

        Button open = new Button(messages.get("forward.openImage"));
        open.setId("forward-open-image");
        open.setOnAction(e -> chooseFile.run());
        open.setMaxWidth(Double.MAX_VALUE);
        Tip.of(messages, "forward.open").on(open);

        Label description = new Label();
        description.setId("forward-source-description");
        description.getStyleClass().add("hint");
        description.setWrapText(true);
        description.setMaxWidth(Double.MAX_VALUE);
        description.textProperty().bind(Bindings.createStringBinding(() -> model.sourceProperty().get() == null ? ""
                : model.sourceProperty().get().description().render(messages), model.sourceProperty()));
        Tip.of(messages, "forward.source").tex("x_0").on(description);

        GridPane grid = Controls.form();
        grid.addRow(0, new Label(messages.get("forward.digit")), digit);
        random.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(1, new Label(messages.get("forward.label")), label);
        grid.add(random, 1, 2);
        grid.add(new Label(messages.get("forward.photo")), 0, 3, 2, 1);
        grid.add(photo, 0, 4, 2, 1);
        Label dropHint = new Label(messages.get("forward.dropHint"));
        dropHint.getStyleClass().add("hint");
        dropHint.setWrapText(true);
        dropHint.setMaxWidth(Double.MAX_VALUE);
        return Controls.section(messages.get("forward.section.image"), grid, open, dropHint, description);
    }

    private VBox scheduleSection(ForwardViewModel model, Messages messages) {
        ComboBox<NoiseSchedule.Kind> kind = new ComboBox<>();
        kind.setId("forward-schedule-kind");
        kind.getItems().setAll(NoiseSchedule.Kind.values());
        kind.setConverter(Controls.converter(k -> messages.get("schedule." + k.name().toLowerCase())));
        kind.valueProperty().bindBidirectional(model.scheduleKindProperty());
        Tip.of(messages, "forward.schedule").tex("\\beta_t = \\beta_1 + \\frac{t - 1}{T - 1} (\\beta_T - \\beta_1)").on(kind);

        Spinner<Integer> steps = Controls.intSpinner("forward-steps", 1, NoiseSchedule.MAX_T, 50, model.stepsProperty());
        Spinner<Double> betaStart = Controls.doubleSpinner("forward-beta-start", 1e-6, NoiseSchedule.MAX_BETA, 1e-5,
                model.betaStartProperty());
        Spinner<Double> betaEnd = Controls.doubleSpinner("forward-beta-end", 1e-6, NoiseSchedule.MAX_BETA, 1e-3,
                model.betaEndProperty());
        Tip.of(messages, "forward.steps").tex("t = 1, \\dots, T").on(steps);
        Tip.of(messages, "forward.betaStart").tex("\\beta_1").on(betaStart);
        Tip.of(messages, "forward.betaEnd").tex("\\beta_T").on(betaEnd);
        betaStart.disableProperty().bind(model.scheduleKindProperty().isEqualTo(NoiseSchedule.Kind.COSINE));
        betaEnd.disableProperty().bind(model.scheduleKindProperty().isEqualTo(NoiseSchedule.Kind.COSINE));

        GridPane grid = Controls.form();
        grid.addRow(0, new Label(messages.get("forward.schedule")), kind);
        grid.addRow(1, new Label("T"), steps);
        grid.addRow(2, new Label("β₁"), betaStart);
        grid.addRow(3, new Label("β_T"), betaEnd);
        grid.addRow(4, new Label(messages.get("forward.seed")),
                Controls.seed("forward-seed", model.seedProperty(), model::newSeed, messages));
        return Controls.section(messages.get("forward.section.schedule"), grid);
    }

    private VBox modeSection(ForwardViewModel model, Messages messages) {
        ToggleButton jump = Controls.choice("forward-mode-jump", messages.get("forward.mode.jump"), NoisingChain.Mode.JUMP);
        ToggleButton iterate = Controls.choice("forward-mode-iterate", messages.get("forward.mode.iterate"),
                NoisingChain.Mode.ITERATE);
        Controls.bindChoice(model.modeProperty(), jump, iterate);
        Tip.of(messages, "forward.jump").tex("x_t = \\sqrt{\\bar\\alpha_t}\\, x_0 + \\sqrt{1 - \\bar\\alpha_t}\\, \\varepsilon").on(jump);
        Tip.of(messages, "forward.iterate").tex("x_t = \\sqrt{\\alpha_t}\\, x_{t-1} + \\sqrt{\\beta_t}\\, z_t").on(iterate);
        Label explanation = new Label();
        explanation.getStyleClass().add("hint");
        explanation.setWrapText(true);
        explanation.setMaxWidth(Double.MAX_VALUE);
        explanation.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                model.modeProperty().get() == NoisingChain.Mode.JUMP ? "forward.mode.jump.hint" : "forward.mode.iterate.hint"),
                model.modeProperty()));
        return Controls.section(messages.get("forward.section.mode"), jump, iterate, explanation);
    }
}
