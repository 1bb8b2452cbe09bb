package org.diffusionlab.ui.train;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.Controls;
import org.diffusionlab.ui.common.widget.NoticeLabel;
import org.diffusionlab.ui.common.widget.SideColumn;

/** The Train view's left column: the model and its hyperparameters, start/pause/stop, progress, files. */
final class TrainControls extends SideColumn {
    /** L_simple, the noise-prediction loss a diffusion model is trained on. */
    static final String SIMPLE_LOSS = "L_{\\mathrm{simple}} = \\mathbb{E}_{t, x_0, \\varepsilon} \\left\\| \\varepsilon - "
            + "\\varepsilon_\\theta(x_t, t) \\right\\|^2";
    private static final String LEARNING_RATE = "\\theta \\leftarrow \\theta - \\mathrm{lr} \\cdot \\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon}";
    private static final String BATCH = "\\nabla_\\theta \\frac{1}{B} \\sum_{i=1}^{B} \\mathcal{L}(x_i)";
    private final TrainViewModel model;
    private final Messages messages;

    TrainControls(TrainViewModel model, Messages messages, Runnable save, Runnable load, Runnable exportCsv,
                  Runnable exportPng) {
        this.model = model;
        this.messages = messages;
        VBox content = new VBox(14, settings(), run(), files(save, load, exportCsv, exportPng));
        setSections(content);
    }

    private VBox settings() {
        ToggleButton vae = Controls.choice("train-kind-vae", messages.get("train.kind.vae"), TrainViewModel.Kind.VAE);
        ToggleButton diffusion = Controls.choice("train-kind-diffusion", messages.get("train.kind.diffusion"),
                TrainViewModel.Kind.DIFFUSION);
        Controls.bindChoice(model.kindProperty(), vae, diffusion);
        Tip.of(messages, "train.kindVae").tex("\\mathrm{ELBO} = \\mathbb{E}_{q}[\\log p_\\theta(x \\mid z)] - \\mathrm{KL}"
                + "(q_\\phi(z \\mid x) \\,\\|\\, p(z))").on(vae);
        Tip.of(messages, "train.kindDiffusion").tex(SIMPLE_LOSS).on(diffusion);
        VBox kinds = new VBox(6, vae, diffusion);
        kinds.disableProperty().bind(Bindings.createBooleanBinding(model::isBusy, model.stateProperty()));

        VBox vaeForm = vaeSettings();
        VBox diffusionForm = diffusionSettings();
        Observe.now(model.kindProperty(), kind -> {
            showIf(vaeForm, kind == TrainViewModel.Kind.VAE);
            showIf(diffusionForm, kind == TrainViewModel.Kind.DIFFUSION);
        });
        GridPane seedForm = Controls.form();
        seedForm.addRow(0, new Label(messages.get("train.seed")), Controls.seed("train-seed", model.seedProperty(), null, messages));
        seedForm.disableProperty().bind(kinds.disableProperty());
        return Controls.section(messages.get("train.section.model"), kinds, vaeForm, diffusionForm, seedForm);
    }

    private static void showIf(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private VBox vaeSettings() {
        GridPane grid = Controls.form();
        Label data = new Label(messages.get("train.vae.data"));
        data.getStyleClass().add("value");
        data.setWrapText(true);
        data.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(0, new Label(messages.get("train.data")), Tip.of(messages, "train.data").on(data));
        grid.addRow(1, new Label(messages.get("train.latent")), Tip.of(messages, "train.latent").tex("z \\in \\mathbb{R}^k").on(
                Controls.intSpinner("train-latent", 2, 64, 1, model.vae().latentProperty())));
        grid.addRow(2, new Label(messages.get("train.hidden")), Tip.of(messages, "train.hidden").tex("h = \\mathrm{ReLU}(W x + b)").on(
                Controls.intSpinner("train-hidden", 16, 2048, 16, model.vae().hiddenProperty())));
        grid.addRow(3, new Label(messages.get("train.beta")), Tip.of(messages, "train.beta").tex("\\mathcal{L} = \\mathbb{E}_q[-\\log p(x \\mid z)]"
                + " + \\beta\\, \\mathrm{KL}(q(z \\mid x) \\,\\|\\, \\mathcal{N}(0, I))").on(
                Controls.doubleSpinner("train-beta", 0, 100, 0.1, model.vae().betaProperty())));
        grid.addRow(4, new Label(messages.get("train.learningRate")), Tip.of(messages, "train.learningRate").tex(LEARNING_RATE).on(
                Controls.doubleSpinner("train-learning-rate", 1e-6, 1000, 1e-4, model.vae().learningRateProperty())));
        grid.addRow(5, new Label(messages.get("train.batch")), Tip.of(messages, "train.batch").tex(BATCH).on(
                Controls.intSpinner("train-batch", 1, 4096, 16, model.vae().batchSizeProperty())));
        grid.addRow(6, new Label(messages.get("train.epochs")), Tip.of(messages, "train.epochs").on(
                Controls.intSpinner("train-epochs", 1, 10_000, 1, model.vae().epochsProperty())));
        grid.disableProperty().bind(Bindings.createBooleanBinding(model::isBusy, model.stateProperty()));
        Label hint = new Label(messages.get("train.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMaxWidth(Double.MAX_VALUE);
        return new VBox(8, grid, hint);
    }

    private VBox diffusionSettings() {
        GridPane grid = Controls.form();
        ComboBox<String> data = new ComboBox<>();
        data.setId("train-diffusion-data");
        data.getItems().setAll(DiffusionSetup.DATA);
        data.setConverter(Controls.converter(id -> messages.get("train.data." + id)));
        data.valueProperty().bindBidirectional(model.diffusion().dataProperty());
        data.setMaxWidth(Double.MAX_VALUE);
        ComboBox<NoiseSchedule.Kind> schedule = new ComboBox<>();
        schedule.getItems().setAll(NoiseSchedule.Kind.values());
        schedule.setConverter(Controls.converter(k -> messages.get("schedule." + k.name().toLowerCase())));
        schedule.valueProperty().bindBidirectional(model.diffusion().scheduleProperty());
        Tip.of(messages, "train.diffusionData").on(data);
        Tip.of(messages, "forward.schedule").tex("\\bar\\alpha_t = \\prod_{s \\le t} (1 - \\beta_s)").on(schedule);
        grid.add(new Label(messages.get("train.data")), 0, 0, 2, 1);
        grid.add(data, 0, 1, 2, 1);
        grid.addRow(2, new Label(messages.get("train.epochs")), Tip.of(messages, "train.epochs").on(
                Controls.intSpinner("train-diffusion-epochs", 1, 100_000, 10, model.diffusion().epochsProperty())));
        grid.addRow(3, new Label(messages.get("train.batch")), Tip.of(messages, "train.batch").tex(BATCH).on(
                Controls.intSpinner("train-diffusion-batch", 1, 4096, 16, model.diffusion().batchProperty())));
        grid.addRow(4, new Label(messages.get("train.learningRate")), Tip.of(messages, "train.learningRate").tex(LEARNING_RATE).on(
                Controls.doubleSpinner("train-diffusion-learning-rate", 1e-6, 0.99, 1e-4, model.diffusion().learningRateProperty())));
        grid.addRow(5, new Label("T"), Tip.of(messages, "train.steps").tex("t = 1, \\dots, T").on(
                Controls.intSpinner("train-diffusion-steps", 1, NoiseSchedule.MAX_T, 50, model.diffusion().stepsProperty())));
        grid.addRow(6, new Label(messages.get("forward.schedule")), schedule);
        grid.disableProperty().bind(Bindings.createBooleanBinding(model::isBusy, model.stateProperty()));
        Label hint = new Label();
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                DiffusionSetup.DIGITS.equals(model.diffusion().dataProperty().get()) ? "train.diffusion.hint.digits"
                        : "train.diffusion.hint.toy"), model.diffusion().dataProperty()));
        return new VBox(8, grid, hint);
    }

    private VBox run() {
        Button start = new Button(messages.get("train.start"));
        start.setId("train-start");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> model.start());
        Button pause = new Button();
        pause.setId("train-pause");
        pause.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                model.state() == TrainViewModel.State.PAUSED ? "train.resume" : "train.pause"), model.stateProperty()));
        pause.setOnAction(e -> model.togglePause());
        Button stop = new Button(messages.get("train.stop"));
        stop.setId("train-stop");
        stop.setOnAction(e -> model.stop());
        BooleanBinding busy = Bindings.createBooleanBinding(model::isBusy, model.stateProperty());
        Tip.of(messages, "train.start").on(start);
        Tip.of(messages, "train.pause").on(pause);
        Tip.of(messages, "train.stop").on(stop);
        start.disableProperty().bind(busy);
        pause.disableProperty().bind(Bindings.createBooleanBinding(() -> model.state() != TrainViewModel.State.RUNNING
                && model.state() != TrainViewModel.State.PAUSED, model.stateProperty()));
        stop.disableProperty().bind(busy.not());
        for (Button b : new Button[] {start, pause, stop}) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        ProgressBar bar = new ProgressBar();
        bar.setId("train-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Tip.of(messages, "train.progress").on(bar);
        Label text = new Label();
        text.setId("train-progress-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        Observe.now(model.progressTextProperty(), value -> text.setText(value.render(messages)));
        Tip.of(messages, "train.progressText").on(text);
        NoticeLabel notice = new NoticeLabel("train-notice", model.noticeProperty(), messages);
        return Controls.section(messages.get("train.section.run"), start, new HBox(6, pause, stop), bar, text, notice);
    }

    private VBox files(Runnable save, Runnable load, Runnable exportCsv, Runnable exportPng) {
        Button saveButton = new Button(messages.get("train.save"));
        saveButton.setId("train-save");
        saveButton.setOnAction(e -> save.run());
        saveButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.isBusy() || !model.hasModel(),
                model.stateProperty(), model.modelStatusProperty()));
        Button loadButton = new Button(messages.get("train.load"));
        loadButton.setOnAction(e -> load.run());
        Button csv = new Button(messages.get("train.exportCsv"));
        csv.setOnAction(e -> exportCsv.run());
        Button png = new Button(messages.get("train.exportPng"));
        png.setOnAction(e -> exportPng.run());
        Tip.of(messages, "train.save").on(saveButton);
        Tip.of(messages, "train.load").on(loadButton);
        Tip.of(messages, "train.exportCsv").on(csv);
        Tip.of(messages, "train.exportPng").on(png);
        for (Button b : new Button[] {saveButton, loadButton, csv, png}) {
            b.setMaxWidth(Double.MAX_VALUE);
        }
        return Controls.section(messages.get("train.section.files"), saveButton, loadButton, csv, png);
    }
}
