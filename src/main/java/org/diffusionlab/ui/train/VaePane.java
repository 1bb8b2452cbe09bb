package org.diffusionlab.ui.train;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.ui.common.chart.Charts;
import org.diffusionlab.ui.common.chart.CurveChart;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.PictureRow;

/**
 * A VAE's run: live curves (−ELBO and reconstruction; KL on its own chart so it stays readable) in nats per image;
 * below them the held-out digits, their reconstructions and samples from the prior, refreshed every epoch.
 */
final class VaePane extends VBox implements TrainPane {
    private final CurveChart elboChart;
    private final CurveChart klChart;

    VaePane(TrainViewModel model, Messages messages, Runnable redraw) {
        super(8);
        String step = messages.get("train.axis.step");
        String nats = messages.get("train.axis.nats");
        elboChart = new CurveChart(messages, messages.get("train.chart.elbo"), step, nats, List.of(
                TrainPane.curve(TrainingCurves.TRAIN, Metric.NEG_ELBO, messages.get("train.curve.negElbo"), Charts.BLUE),
                TrainPane.curve(TrainingCurves.TRAIN, Metric.RECON, messages.get("train.curve.recon"), Charts.GREEN),
                TrainPane.curve(TrainingCurves.HELD_OUT, Metric.NEG_ELBO, messages.get("train.curve.negElbo.heldOut"), Charts.VERMILLION),
                TrainPane.curve(TrainingCurves.HELD_OUT, Metric.RECON, messages.get("train.curve.recon.heldOut"), Charts.PURPLE)));
        elboChart.setId("train-chart-elbo");
        klChart = new CurveChart(messages, messages.get("train.chart.kl"), step, nats, List.of(
                TrainPane.curve(TrainingCurves.TRAIN, Metric.KL, messages.get("train.curve.kl"), Charts.ORANGE),
                TrainPane.curve(TrainingCurves.HELD_OUT, Metric.KL, messages.get("train.curve.kl.heldOut"), Charts.VERMILLION)));
        klChart.setId("train-chart-kl");

        VaeSetup setup = model.vae();
        ChartToolbar toolbar = new ChartToolbar(messages, charts(), redraw, Bindings.createStringBinding(() -> messages.format(
                        "train.hyperparameters", setup.latentProperty().get(), setup.hiddenProperty().get(),
                        setup.betaProperty().get(), setup.learningRateProperty().get(), setup.batchSizeProperty().get(),
                        setup.epochsProperty().get(), String.valueOf(model.seedProperty().get())),
                setup.latentProperty(), setup.hiddenProperty(), setup.betaProperty(), setup.learningRateProperty(),
                setup.batchSizeProperty(), setup.epochsProperty(), model.seedProperty()));
        HBox charts = new HBox(8, elboChart, klChart);
        HBox.setHgrow(elboChart, Priority.ALWAYS);
        HBox.setHgrow(klChart, Priority.ALWAYS);
        elboChart.setPrefWidth(560);
        klChart.setPrefWidth(380);
        VBox.setVgrow(charts, Priority.ALWAYS);

        PictureRow originals = new PictureRow(messages.get("train.pictures.originals"), 8);
        originals.setId("train-originals");
        PictureRow reconstructions = new PictureRow(messages.get("train.pictures.reconstructions"), 8);
        reconstructions.setId("train-reconstructions");
        PictureRow samples = new PictureRow(messages.get("train.pictures.samples"), 8);
        samples.setId("train-samples");
        Tip.of(messages, "train.originals").tex("x").on(originals.title());
        Tip.of(messages, "train.reconstructions").tex("\\hat{x} = \\mathrm{dec}_\\theta(\\mu_\\phi(x))").on(reconstructions.title());
        Tip.of(messages, "train.samples").tex("z \\sim \\mathcal{N}(0, I), \\quad x \\sim p_\\theta(x \\mid z)").on(samples.title());
        Runnable showPictures = () -> {
            originals.show(model.pictures().get("originals"));
            reconstructions.show(model.pictures().get("reconstructions"));
            samples.show(model.pictures().get("samples"));
        };
        model.pictures().addListener((MapChangeListener<String, Object>) change -> showPictures.run());
        showPictures.run();
        VBox pictures = new VBox(4, originals, reconstructions, samples);
        pictures.getStyleClass().add("picture-block");
        pictures.setPrefHeight(230);

        getChildren().setAll(toolbar, charts, pictures);
        setPadding(new Insets(10));
        getStyleClass().add("centre");
    }

    @Override
    public List<CurveChart> charts() {
        return List.of(elboChart, klChart);
    }

    CurveChart elboChart() {
        return elboChart;
    }
}
