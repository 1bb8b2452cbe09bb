package org.diffusionlab.ui.elbo;

import java.util.Arrays;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.data.MnistStyle;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.Controls;
import org.diffusionlab.ui.common.widget.DrawingPad;
import org.diffusionlab.ui.common.widget.FileDialogs;
import org.diffusionlab.ui.common.widget.RasterView;

/**
 * What the real-model panels take: a held-out digit (a spinner), a drawing (a pad; each stroke recomputes) or an image
 * file (File → Open image… too), with the 28 × 28 picture the models are given. The mode follows the input.
 */
final class InputChooser extends VBox {
    private static final int SIDE = MnistStyle.SIDE;

    private final DrawingPad pad = new DrawingPad(SIDE, SIDE);
    private final ToggleGroup modes = new ToggleGroup();

    InputChooser(String prefix, RealModelsViewModel model, Messages messages) {
        super(8);
        ToggleButton digitMode = mode(prefix + "-input-digit", messages.get("elbo.input.digit"), RealModelsViewModel.Source.DIGIT);
        ToggleButton drawMode = mode(prefix + "-input-drawing", messages.get("elbo.input.drawing"),
                RealModelsViewModel.Source.DRAWING);
        ToggleButton fileMode = mode(prefix + "-input-file", messages.get("elbo.input.file"), RealModelsViewModel.Source.FILE);
        FlowPane modeRow = new FlowPane(4, 4, digitMode, drawMode, fileMode);   // wraps rather than cut a name short

        Spinner<Integer> digit = Controls.intSpinner(prefix + "-digit", 9000, 9999, 1, model.digitProperty());
        HBox digitRow = new HBox(8, new Label(messages.get("elbo.digit")), digit);
        digitRow.setAlignment(Pos.CENTER_LEFT);

        pad.setId(prefix + "-drawing");
        pad.setPrefSize(140, 140);
        pad.setMinSize(112, 112);
        pad.setOnStrokeEnd(pixels -> {
            if (modes.getSelectedToggle() == drawMode) {
                model.useDrawing(pixels);
            }
        });
        Button clear = new Button(messages.get("latent.clear"));
        clear.setOnAction(e -> pad.setPixels(new float[SIDE * SIDE]));
        Label drawHint = new Label(messages.get("elbo.input.drawHint"));
        drawHint.getStyleClass().add("hint");
        drawHint.setWrapText(true);
        VBox drawTools = new VBox(6, clear, drawHint);
        HBox drawRow = new HBox(8, pad, drawTools);

        Button open = new Button(messages.get("forward.openImage"));
        open.setId(prefix + "-open-image");
        open.setOnAction(e -> FileDialogs.openImage(getScene().getWindow(), messages).ifPresent(model::openImage));

        RasterView seen = new RasterView(56);
        seen.setId(prefix + "-seen");
        seen.rasterProperty().bind(model.seenProperty().map(p -> Raster.of(p, SIDE, SIDE, 1, 0, 1)));
        Label described = new Label();
        described.setId(prefix + "-input-description");
        described.setWrapText(true);
        Label seenCaption = new Label(messages.get("elbo.input.seen"));
        seenCaption.getStyleClass().add("hint");
        HBox seenRow = new HBox(10, seen, new VBox(4, seenCaption, described));
        seenRow.setAlignment(Pos.CENTER_LEFT);

        show(digitRow, digitMode);
        show(drawRow, drawMode);
        show(open, fileMode);
        digitMode.setOnAction(e -> model.useDigit());
        drawMode.setOnAction(e -> {
            if (!RealModelsViewModel.isBlank(pad.pixels())) {
                model.useDrawing(pad.pixels());   // the drawing already on the pad; a blank pad waits for a stroke
            }
        });
        fileMode.setOnAction(e -> open.fire());
        Observe.now(model.inputProperty(), input -> {
            described.setText(input.description().render(messages));
            modes.getToggles().stream().filter(t -> t.getUserData() == input.source()).findFirst().ifPresent(modes::selectToggle);
            if (input.source() == RealModelsViewModel.Source.DRAWING && !Arrays.equals(input.pixels(), pad.pixels())) {
                pad.setPixels(input.pixels());   // drawn on the other panel
            }
        });
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                modes.selectToggle(old);   // one mode is always chosen
            }
        });
        Tip.of(messages, "elbo.inputDigit").on(digitMode);
        Tip.of(messages, "elbo.inputDrawing").on(drawMode);
        Tip.of(messages, "elbo.inputFile").on(fileMode);
        Tip.of(messages, "elbo.digit").tex("x").on(digit);
        Tip.of(messages, "latent.pad").tex("x \\in [0, 1]^{28 \\times 28}").hover(pad.inkUnderMouse(messages)).on(pad);
        Tip.of(messages, "latent.clear").on(clear);
        Tip.of(messages, "forward.open").on(open);
        Tip.of(messages, "elbo.inputSeen").tex("x").on(seen);
        Tip.of(messages, "elbo.inputSeen").value(described.textProperty()).on(described);
        getChildren().addAll(modeRow, digitRow, drawRow, open, seenRow);
    }

    private ToggleButton mode(String id, String text, RealModelsViewModel.Source source) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setUserData(source);
        button.setToggleGroup(modes);
        button.setMnemonicParsing(false);
        return button;
    }

    /** {@code node} is shown (and takes room) only while {@code mode} is chosen. */
    private static void show(Node node, ToggleButton mode) {
        node.visibleProperty().bind(mode.selectedProperty());
        node.managedProperty().bind(mode.selectedProperty());
    }

    DrawingPad pad() {
        return pad;
    }
}
