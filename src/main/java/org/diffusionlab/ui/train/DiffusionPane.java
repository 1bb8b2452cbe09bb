package org.diffusionlab.ui.train;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.chart.Charts;
import org.diffusionlab.ui.common.chart.CurveChart;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.HeatMapView;
import org.diffusionlab.ui.common.widget.PictureRow;
import org.diffusionlab.ui.common.widget.PointCloudView;

/**
 * A diffusion model's run: L_simple (training and held-out), the held-out −ELBO and its terms in bits per
 * dimension, the loss by t, and samples (digits, or a 2-D cloud over its data set) at every evaluation.
 */
final class DiffusionPane extends VBox implements TrainPane {
    private final DiffusionSetup setup;
    private final Messages messages;
    private final CurveChart lossChart;
    private final CurveChart bitsChart;
    private final HeatMapView lossByTime = new HeatMapView();

    DiffusionPane(TrainViewModel model, Messages messages, Runnable redraw) {
        super(8);
        this.setup = model.diffusion();
        this.messages = messages;
        String step = messages.get("train.axis.step");
        lossChart = new CurveChart(messages, messages.get("train.chart.loss"), step, messages.get("train.axis.loss"), List.of(
                TrainPane.curve(TrainingCurves.TRAIN, Metric.LOSS, messages.get("train.curve.loss"), Charts.BLUE),
                TrainPane.curve(TrainingCurves.HELD_OUT, Metric.LOSS, messages.get("train.curve.loss.heldOut"),
                        Charts.VERMILLION)));
        lossChart.setId("train-chart-loss");
        bitsChart = new CurveChart(messages, messages.get("train.chart.bits"), step, messages.get("train.axis.bits"), List.of(
                TrainPane.curve(TrainingCurves.HELD_OUT, Metric.NEG_ELBO_BITS, messages.get("train.curve.bits.total"),
                        Charts.BLUE),
                TrainPane.curve(TrainingCurves.HELD_OUT, Metric.ELBO_RECON_BITS, messages.get("train.curve.bits.recon"),
                        Charts.GREEN),
                TrainPane.curve(TrainingCurves.HELD_OUT, Metric.ELBO_DENOISING_BITS,
                        messages.get("train.curve.bits.denoising"), Charts.ORANGE),
                TrainPane.curve(TrainingCurves.HELD_OUT, Metric.ELBO_PRIOR_BITS, messages.get("train.curve.bits.prior"),
                        Charts.PURPLE)));
        bitsChart.setId("train-chart-bits");
        lossByTime.setId("train-loss-by-t");

        ChartToolbar toolbar = new ChartToolbar(messages, charts(), redraw, Bindings.createStringBinding(() -> messages.format(
                        "train.diffusion.hyperparameters", messages.get("train.data." + setup.dataProperty().get()),
                        setup.epochsProperty().get(), setup.batchProperty().get(), setup.learningRateProperty().get(),
                        setup.stepsProperty().get(), String.valueOf(model.seedProperty().get())),
                setup.dataProperty(), setup.epochsProperty(), setup.batchProperty(), setup.learningRateProperty(),
                setup.stepsProperty(), model.seedProperty()));
        HBox charts = new HBox(8, lossChart, bitsChart);
        HBox.setHgrow(lossChart, Priority.ALWAYS);
        HBox.setHgrow(bitsChart, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        Label difference = new Label(messages.get("train.diffusion.difference"));
        difference.getStyleClass().add("hint");
        difference.setWrapText(true);
        difference.setMaxWidth(Double.MAX_VALUE);

        lossByTime.setLabels(messages.get("train.lossByTime"), "t", setup.stepsProperty().get());
        lossByTime.setPrefSize(420, 230);
        PictureRow samplesTop = new PictureRow(messages.get("train.pictures.diffusionSamples"), 8);
        samplesTop.setId("train-diffusion-samples");
        Tip.of(messages, "train.diffusionSamples").tex("x_T \\sim \\mathcal{N}(0, I) \\to x_0").on(samplesTop.title());
        Tip.of(messages, "train.lossByTime").tex(TrainControls.SIMPLE_LOSS).on(lossByTime);
        PictureRow samplesBottom = new PictureRow("", 8);
        PointCloudView cloud = new PointCloudView();
        cloud.setId("train-sample-cloud");
        cloud.setPrefSize(230, 230);
        Tip.of(messages, "train.cloud").tex("x_0 \\in \\mathbb{R}^2").on(cloud);
        Runnable showSamples = () -> {
            List<Raster> pictures = model.pictures().get("samples");
            samplesTop.show(pictures == null ? null : pictures.subList(0, Math.min(8, pictures.size())));
            samplesBottom.show(pictures == null || pictures.size() <= 8 ? null : pictures.subList(8, pictures.size()));
        };
        model.pictures().addListener((MapChangeListener<String, Object>) change -> showSamples.run());
        Runnable showCloud = () -> cloud.show(orNone(model.samplePointsProperty().get()),
                orNone(model.dataPointsProperty().get()), new float[0], new float[0], 1, 3);
        model.samplePointsProperty().addListener((obs, old, points) -> showCloud.run());
        model.dataPointsProperty().addListener((obs, old, points) -> showCloud.run());
        VBox pictures = new VBox(4, samplesTop, samplesBottom);
        StackPane samples = new StackPane();
        Observe.now(setup.dataProperty(), data -> samples.getChildren().setAll(DiffusionSetup.DIGITS.equals(data)
                ? pictures : cloud));
        HBox.setHgrow(samples, Priority.ALWAYS);
        HBox bottom = new HBox(8, lossByTime, samples);
        bottom.setPrefHeight(240);
        Label density = new Label(messages.get("train.diffusion.density"));
        density.setId("train-density-note");
        density.getStyleClass().add("hint");
        density.setWrapText(true);
        density.setMaxWidth(Double.MAX_VALUE);
        density.setMinHeight(Region.USE_PREF_SIZE);
        density.managedProperty().bind(density.visibleProperty());
        Observe.now(setup.dataProperty(), data -> density.setVisible(!DiffusionSetup.DIGITS.equals(data)));
        getChildren().setAll(toolbar, charts, difference, density, bottom);
        setPadding(new Insets(10));
        getStyleClass().add("centre");
    }

    private static float[] orNone(float[] points) {
        return points == null ? new float[0] : points;
    }

    @Override
    public List<CurveChart> charts() {
        return List.of(lossChart, bitsChart);
    }

    @Override
    public void refresh(TrainingCurves curves) {
        TrainPane.super.refresh(curves);
        lossByTime.setLabels(messages.get("train.lossByTime"), "t", setup.stepsProperty().get());
        lossByTime.setColumns(List.copyOf(curves.lossByTime()), List.copyOf(curves.lossByTimeSteps()));
    }
}
