package org.diffusionlab.ui.elbo;

import java.util.List;

import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.elbo.CorrelatedModel;
import org.diffusionlab.core.elbo.DiagonalGaussian;
import org.diffusionlab.core.elbo.ElboParts;
import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.Controls;

/** Panel 1b: two latents with a correlated posterior; a mean-field q stops at the floor −½ log(1 − ρ²). */
final class MeanFieldPanel extends BorderPane {
    private final ElboViewModel model;
    private final Messages messages;
    private final EllipsePlot plot = new EllipsePlot();
    private final Label figures = new Label();
    private final Formula floor = new Formula("elbo-mean-field-tex");

    MeanFieldPanel(ElboViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("elbo-mean-field");
        AnimationTimer fitting = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!model.pairFitStep()) {
                    stop();
                }
            }
        };
        Sliders sliders = new Sliders(messages);
        sliders.add("elbo-coupling", messages.get("elbo.coupling"), -0.9, 0.9, model.couplingProperty());
        Button fit = new Button(messages.get("elbo.fit"));
        fit.setId("elbo-pair-fit");
        fit.disableProperty().bind(model.pairFittingProperty());
        fit.setOnAction(e -> {
            model.startPairFit();
            fitting.start();
        });
        Button reset = new Button(messages.get("elbo.resetQ"));
        reset.setOnAction(e -> model.resetPair());
        figures.setId("elbo-pair-figures");
        figures.setWrapText(true);
        Label hint = new Label(messages.get("elbo.meanField.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox controls = new VBox(10, Controls.section(messages.get("elbo.section.meanField"),
                floor, sliders.node(), new HBox(8, fit, reset)),
                figures, hint);
        controls.setPadding(new Insets(10));
        controls.setPrefWidth(420);
        Tip.of(messages, "elbo.pairFit").tex(Equations.MEAN_FIELD).on(fit);
        Tip.of(messages, "elbo.resetQ").on(reset);
        Tip.of(messages, "elbo.pairFigures").on(figures);
        Tip.of(messages, "elbo.pairPlot").tex(Equations.MEAN_FIELD).hover((x, y) -> {
            double[] z = plot.latentAt(x, y);
            return z == null ? null : messages.format("hover.latent", "z₁", messages.numbers().fixed(z[0], 2), "z₂",
                    messages.numbers().fixed(z[1], 2));
        }).on(plot);
        setLeft(Side.of(controls));
        setCenter(plot);
        BorderPane.setMargin(plot, new Insets(10));
        Observe.present(model.pairPartsProperty(), parts -> show(parts));
        model.pairPathProperty().addListener(o -> show(model.pairPartsProperty().get()));
        model.couplingProperty().addListener(o -> show(model.pairPartsProperty().get()));
    }

    private void show(ElboParts parts) {
        CorrelatedModel pair = model.pairModel();
        DiagonalGaussian q = model.pairQProperty().get();
        double[] covariance = pair.posteriorCovariance();
        double[] qCovariance = {q.sigma()[0] * q.sigma()[0], 0, q.sigma()[1] * q.sigma()[1]};
        plot.set(messages.get("elbo.meanField.plot"), List.of(
                new EllipsePlot.Ellipse(pair.posteriorMean(model.observedPair()), covariance, EllipsePlot.POSTERIOR,
                        messages.get("elbo.posterior")),
                new EllipsePlot.Ellipse(q.mean(), qCovariance, EllipsePlot.Q, messages.get("elbo.q"))),
                model.pairPathProperty().get());
        floor.setTex(new Equations(messages).meanField(pair.posteriorCorrelation(), pair.meanFieldFloor()));
        figures.setText(messages.format("elbo.meanField.figures", Figures.six(messages, parts.posteriorKl()),
                Figures.six(messages, pair.meanFieldFloor()), Figures.significant(messages, pair.posteriorCorrelation(), 3),
                Figures.six(messages, parts.elbo()), Figures.six(messages, parts.logEvidence())));
    }
}
