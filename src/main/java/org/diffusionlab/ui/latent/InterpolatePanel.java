package org.diffusionlab.ui.latent;

import java.util.Collections;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.Controls;
import org.diffusionlab.ui.common.widget.FilmstripView;

/** Two held-out digits encoded (μ) and the decoded steps between them: along a line and along the sphere (slerp). */
final class InterpolatePanel extends VBox {
    InterpolatePanel(LatentViewModel model, Messages messages) {
        setSpacing(8);
        GridPane form = Controls.form();
        form.addRow(0, new Label(messages.get("latent.from")), Tip.of(messages, "latent.from").tex("z_A = \\mu_\\phi(x_A)").on(
                Controls.intSpinner("latent-from", 0, LatentViewModel.HELD_OUT_SHOWN - 1, 1, model.interpolationFromProperty())));
        form.addRow(1, new Label(messages.get("latent.to")), Tip.of(messages, "latent.to").tex("z_B = \\mu_\\phi(x_B)").on(
                Controls.intSpinner("latent-to", 0, LatentViewModel.HELD_OUT_SHOWN - 1, 1, model.interpolationToProperty())));
        form.addRow(2, new Label(messages.get("latent.steps")), Tip.of(messages, "latent.steps").tex("s \\in [0, 1]").on(
                Controls.intSpinner("latent-steps", 2, 12, 1, model.interpolationStepsProperty())));
        Button fromDrawing = new Button(messages.get("latent.fromDrawing"));
        fromDrawing.setId("latent-from-drawing");
        fromDrawing.setOnAction(e -> model.interpolateFromDrawing(true));
        Button toDrawing = new Button(messages.get("latent.toDrawing"));
        toDrawing.setId("latent-to-drawing");
        toDrawing.setOnAction(e -> model.interpolateFromDrawing(false));
        fromDrawing.disableProperty().bind(model.encoderPresentProperty().not());
        toDrawing.disableProperty().bind(model.encoderPresentProperty().not());
        Tip.of(messages, "latent.fromDrawing").on(fromDrawing);
        Tip.of(messages, "latent.toDrawing").on(toDrawing);
        Label ends = new Label();
        ends.getStyleClass().add("hint");
        Observe.present(model.interpolationProperty(), path -> ends.setText(messages.format("latent.ends",
                messages.get(path.fromDrawing() ? "latent.end.drawing" : "latent.end.digit"),
                messages.get(path.toDrawing() ? "latent.end.drawing" : "latent.end.digit"))));
        Label hint = new Label(messages.get("latent.interpolate.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMaxWidth(Double.MAX_VALUE);
        Label linearTitle = new Label(messages.get("latent.linear"));
        linearTitle.getStyleClass().add("section-title");
        Tip.of(messages, "latent.linear").tex("z(s) = (1 - s)\\, z_A + s\\, z_B").on(linearTitle);
        FilmstripView linear = new FilmstripView();
        linear.setId("latent-linear");
        linear.setPrefHeight(70);
        Label sphericalTitle = new Label(messages.get("latent.spherical"));
        sphericalTitle.getStyleClass().add("section-title");
        Tip.of(messages, "latent.spherical").tex("z(s) = \\frac{\\sin((1 - s)\\Omega)}{\\sin \\Omega}\\, z_A + \\frac{\\sin(s \\Omega)}"
                + "{\\sin \\Omega}\\, z_B").on(sphericalTitle);
        FilmstripView spherical = new FilmstripView();
        spherical.setId("latent-spherical");
        spherical.setPrefHeight(70);
        Observe.present(model.interpolationProperty(), path -> {
            linear.show(path.linear(), Collections.nCopies(path.linear().size(), ""));
            spherical.show(path.spherical(), Collections.nCopies(path.spherical().size(), ""));
        });
        getChildren().addAll(form, new HBox(6, fromDrawing, toDrawing), ends, hint, linearTitle, linear, sphericalTitle, spherical);
    }
}
