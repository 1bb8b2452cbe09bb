package org.diffusionlab.ui.latent;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;
import org.diffusionlab.ui.common.text.Subscripts;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.CaptionedRaster;
import org.diffusionlab.ui.common.widget.DrawingPad;

/**
 * Draw a digit (or load an image) and see q(z|x): μ and σ per dimension, the ε drawn, z = μ + σ ⊙ ε, the
 * reconstruction from that z and KL(q ‖ N(0, I)); "resample ε" draws again from the same q.
 */
final class EncodePanel extends VBox {
    private static final int ROWS_SHOWN = 8;
    private static final String REPARAMETERISED = "z = \\mu + \\sigma \\odot \\varepsilon";
    private final DrawingPad pad = new DrawingPad(28, 28);

    EncodePanel(LatentViewModel model, Messages messages, Runnable loadImage) {
        setSpacing(8);
        pad.setId("latent-drawing");
        pad.setPrefSize(180, 180);
        pad.setOnStrokeEnd(model::encode);
        Slider brush = new Slider(0.6, 3, 1.6);
        brush.setId("latent-brush");
        brush.valueProperty().addListener((obs, old, value) -> pad.setBrushRadius(value.doubleValue()));
        Tip.of(messages, "latent.pad").tex("x \\in [0, 1]^{28 \\times 28}").hover(pad.inkUnderMouse(messages)).on(pad);
        Tip.of(messages, "latent.brush").on(brush);
        Button clear = new Button(messages.get("latent.clear"));
        clear.setOnAction(e -> {
            pad.clear();
            model.keepSketch(null);
        });
        Button undo = new Button(messages.get("latent.undo"));
        undo.setOnAction(e -> {
            pad.undo();
            model.keepSketch(pad.pixels());
        });
        if (model.sketch() != null) {
            pad.setPixels(model.sketch()); // the same drawing as before the view was rebuilt
        }
        Button encode = new Button(messages.get("latent.encode"));
        encode.setId("latent-encode");
        encode.getStyleClass().add("accent");
        encode.setOnAction(e -> model.encode(pad.pixels()));
        Button load = new Button(messages.get("latent.loadImage"));
        load.setOnAction(e -> loadImage.run());
        Tip.of(messages, "latent.clear").on(clear);
        Tip.of(messages, "latent.undo").on(undo);
        Tip.of(messages, "latent.encode").tex(LatentView.ENCODER).on(encode);
        Tip.of(messages, "latent.loadImage").on(load);
        // a decoder alone has no q(z|x): drawing, loading and encoding are off, and a line says why
        for (Node needsEncoder : new Node[] {pad, brush, clear, undo, encode, load}) {
            needsEncoder.disableProperty().bind(model.encoderPresentProperty().not());
        }
        Label noEncoder = new Label(messages.get("latent.encodeNeedsEncoder"));
        noEncoder.setId("latent-no-encoder");
        noEncoder.getStyleClass().add("notice-info");
        noEncoder.setWrapText(true);
        noEncoder.setMaxWidth(Double.MAX_VALUE);
        noEncoder.visibleProperty().bind(model.encoderPresentProperty().not());
        noEncoder.managedProperty().bind(noEncoder.visibleProperty());
        FlowPane buttons = new FlowPane(6, 6, clear, undo, encode, load);
        HBox brushRow = new HBox(6, new Label(messages.get("latent.brush")), brush);
        brushRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(brush, Priority.ALWAYS);

        CaptionedRaster input = new CaptionedRaster("latent-input", 64);
        input.caption().setText(messages.get("latent.input"));
        Tip.of(messages, "latent.input").tex("x").on(input.caption());
        input.raster().rasterProperty().bind(model.posteriorProperty().map(LatentViewModel.Posterior::input));
        CaptionedRaster reconstruction = new CaptionedRaster("latent-reconstruction", 96);
        reconstruction.caption().setText(messages.get("latent.reconstruction"));
        Tip.of(messages, "latent.reconstruction").tex("\\hat{x} = \\mathrm{dec}_\\theta(\\mu + \\sigma \\odot \\varepsilon)")
                .on(reconstruction.caption());
        reconstruction.raster().rasterProperty().bind(model.posteriorProperty().map(LatentViewModel.Posterior::reconstruction));
        Button resample = new Button(messages.get("latent.resample"));
        resample.setId("latent-resample");
        resample.setOnAction(e -> model.resampleEpsilon());
        resample.disableProperty().bind(model.posteriorProperty().isNull());
        Tip.of(messages, "latent.resample").tex(REPARAMETERISED).on(resample);
        // until something is encoded there is nothing to caption: the two pictures appear with their first result
        input.visibleProperty().bind(model.posteriorProperty().isNotNull());
        reconstruction.visibleProperty().bind(model.posteriorProperty().isNotNull());
        VBox result = new VBox(4, input, reconstruction, resample);
        result.setAlignment(Pos.TOP_CENTER);
        result.setPrefWidth(130);
        HBox top = new HBox(10, pad, result);

        Label equation = new Label("z = μ + σ ⊙ ε");
        equation.getStyleClass().add("equation");
        Label numbers = new Label();
        numbers.setId("latent-posterior-numbers");
        numbers.getStyleClass().add("mono");
        numbers.setWrapText(true);
        numbers.setMaxWidth(Double.MAX_VALUE);
        Label kl = new Label();
        kl.setId("latent-kl");
        kl.getStyleClass().add("equation-numbers");
        kl.setWrapText(true);
        kl.setMaxWidth(Double.MAX_VALUE);
        numbers.visibleProperty().bind(model.encoderPresentProperty());   // no "draw and press Encode" then
        numbers.managedProperty().bind(numbers.visibleProperty());
        Tip.of(messages, "latent.reparameterisation").tex(REPARAMETERISED + ", \\quad \\varepsilon \\sim \\mathcal{N}(0, I)").on(equation);
        Tip.of(messages, "latent.posterior").tex(REPARAMETERISED).on(numbers);
        Tip.of(messages, "latent.kl").tex("\\mathrm{KL} = \\tfrac{1}{2} \\sum_k \\left(\\mu_k^2 + \\sigma_k^2 - 1 - \\log \\sigma_k^2\\right)").on(kl);
        Observe.now(model.posteriorProperty(), q -> {
            if (q == null) {
                numbers.setText(messages.get("latent.drawHint"));
                kl.setText("");
                return;
            }
            StringBuilder rows = new StringBuilder();
            int shown = Math.min(ROWS_SHOWN, q.mean().length);
            for (int k = 0; k < shown; k++) {
                Numbers n = messages.numbers();
                rows.append("z").append(Subscripts.of(k + 1)).append(" = ").append(n.signed(q.mean()[k], 2)).append(" + ")
                        .append(n.fixed(q.sigma()[k], 2)).append(" × ").append(n.signed(q.epsilon()[k], 2)).append(" = ")
                        .append(n.signed(q.z()[k], 2)).append('\n');
            }
            if (shown < q.mean().length) {
                rows.append(messages.format("latent.moreDimensions", q.mean().length - shown));
            }
            numbers.setText(rows.toString().stripTrailing());
            kl.setText(messages.format("latent.kl", Numbers.fixedArgument(q.klNats(), 2)));
        });
        getChildren().addAll(noEncoder, top, brushRow, buttons, equation, numbers, kl);
    }

    DrawingPad pad() {
        return pad;
    }
}
