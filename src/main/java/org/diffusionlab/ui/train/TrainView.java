package org.diffusionlab.ui.train;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.data.Filmstrip;
import org.diffusionlab.ui.common.Charts;
import org.diffusionlab.ui.common.Controls;
import org.diffusionlab.ui.common.CurveChart;
import org.diffusionlab.ui.common.FileDialogs;
import org.diffusionlab.ui.common.HeatMapView;
import org.diffusionlab.ui.common.Messages;
import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.Page;
import org.diffusionlab.ui.common.PictureRow;
import org.diffusionlab.ui.common.PointCloudView;
import org.diffusionlab.ui.common.Throttle;

/**
 * Train: hyperparameters and run controls on the left; live curves (−ELBO and reconstruction; KL on its own
 * chart so it stays readable) in nats per image; below them the held-out digits, their reconstructions and
 * samples from the prior, refreshed every epoch.
 */
public final class TrainView extends BorderPane implements Page {
    /** Charts redraw at most this often while training (a redraw costs more than a frame). */
    static final long CHART_INTERVAL_MS = 200;
    private static final String NEG_ELBO = "neg_elbo_nats";
    private static final String RECON = "recon_nats";
    private static final String KL = "kl_nats";

    private final TrainViewModel model;
    private final Messages messages;
    private final CurveChart elboChart;
    private final CurveChart klChart;
    private final CurveChart lossChart;
    private final CurveChart bitsChart;
    private final HeatMapView lossByTime = new HeatMapView();

    public TrainView(TrainViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("train-view");
        String axis = messages.get("train.axis.nats");
        elboChart = new CurveChart(messages.get("train.chart.elbo"), messages.get("train.axis.step"), axis, List.of(
                new CurveChart.Curve(TrainingCurves.TRAIN + NEG_ELBO, messages.get("train.curve.negElbo"), Charts.BLUE, CurveChart.Style.TRAIN),
                new CurveChart.Curve(TrainingCurves.TRAIN + RECON, messages.get("train.curve.recon"), Charts.GREEN, CurveChart.Style.TRAIN),
                new CurveChart.Curve(TrainingCurves.HELD_OUT + NEG_ELBO, messages.get("train.curve.negElbo.heldOut"), Charts.VERMILLION,
                        CurveChart.Style.HELD_OUT),
                new CurveChart.Curve(TrainingCurves.HELD_OUT + RECON, messages.get("train.curve.recon.heldOut"), Charts.PURPLE,
                        CurveChart.Style.HELD_OUT)));
        elboChart.setId("train-chart-elbo");
        klChart = new CurveChart(messages.get("train.chart.kl"), messages.get("train.axis.step"), axis, List.of(
                new CurveChart.Curve(TrainingCurves.TRAIN + KL, messages.get("train.curve.kl"), Charts.ORANGE, CurveChart.Style.TRAIN),
                new CurveChart.Curve(TrainingCurves.HELD_OUT + KL, messages.get("train.curve.kl.heldOut"), Charts.VERMILLION,
                        CurveChart.Style.HELD_OUT)));
        klChart.setId("train-chart-kl");
        lossChart = new CurveChart(messages.get("train.chart.loss"), messages.get("train.axis.step"),
                messages.get("train.axis.loss"), List.of(
                new CurveChart.Curve(TrainingCurves.TRAIN + TrainingCurves.LOSS, messages.get("train.curve.loss"), Charts.BLUE,
                        CurveChart.Style.TRAIN),
                new CurveChart.Curve(TrainingCurves.HELD_OUT + TrainingCurves.LOSS, messages.get("train.curve.loss.heldOut"),
                        Charts.VERMILLION, CurveChart.Style.HELD_OUT)));
        lossChart.setId("train-chart-loss");
        bitsChart = new CurveChart(messages.get("train.chart.bits"), messages.get("train.axis.step"),
                messages.get("train.axis.bits"), List.of(
                new CurveChart.Curve(TrainingCurves.HELD_OUT + TrainingCurves.NEG_ELBO_BPD, messages.get("train.curve.bits.total"),
                        Charts.BLUE, CurveChart.Style.HELD_OUT),
                new CurveChart.Curve(TrainingCurves.HELD_OUT + "recon", messages.get("train.curve.bits.recon"), Charts.GREEN,
                        CurveChart.Style.HELD_OUT),
                new CurveChart.Curve(TrainingCurves.HELD_OUT + "denoising", messages.get("train.curve.bits.denoising"), Charts.ORANGE,
                        CurveChart.Style.HELD_OUT),
                new CurveChart.Curve(TrainingCurves.HELD_OUT + "prior", messages.get("train.curve.bits.prior"), Charts.PURPLE,
                        CurveChart.Style.HELD_OUT)));
        bitsChart.setId("train-chart-bits");
        lossByTime.setId("train-loss-by-t");

        setLeft(new TrainControls(model, messages, this::save, this::load, this::exportCsv, this::exportPng));
        Node vae = vaeCentre();
        Node diffusion = diffusionCentre();
        Observe.now(model.kindProperty(), kind -> setCenter(kind == TrainViewModel.Kind.VAE ? vae : diffusion));
        Throttle<Integer> redraw = new Throttle<>(CHART_INTERVAL_MS, revision -> refreshCharts());
        Observe.now(model.curvesRevisionProperty(), revision -> redraw.offer(revision.intValue()));
    }

    /** Log scale and smoothing for every chart, and the hyperparameters in words. */
    private FlowPane toolbar(ObservableValue<String> hyperparameters) {
        CheckBox log = new CheckBox(messages.get("train.logScale"));
        log.setId("train-log-scale");
        log.selectedProperty().addListener((obs, old, on) -> {
            for (CurveChart chart : charts()) {
                chart.setLogScale(on);
            }
            refreshCharts();
        });
        Slider smoothing = new Slider(0, 0.99, 0.9);
        smoothing.setId("train-smoothing");
        smoothing.valueProperty().addListener((obs, old, value) -> {
            for (CurveChart chart : charts()) {
                chart.setSmoothing(value.doubleValue());
            }
            refreshCharts();
        });
        Label smoothingLabel = new Label(messages.get("train.smoothing"));
        Label hyper = new Label();
        hyper.getStyleClass().add("hint");
        hyper.textProperty().bind(hyperparameters);
        hyper.setWrapText(true);
        Controls.whole(log, smoothingLabel, hyper);
        FlowPane toolbar = new FlowPane(10, 4, log, smoothingLabel, smoothing, hyper);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        hyper.maxWidthProperty().bind(toolbar.widthProperty());
        return toolbar;
    }

    private List<CurveChart> charts() {
        return List.of(elboChart, klChart, lossChart, bitsChart);
    }

    private Node vaeCentre() {
        FlowPane toolbar = toolbar(hyperparameters());
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

        VBox centre = new VBox(8, toolbar, charts, pictures);
        centre.setPadding(new Insets(10));
        centre.getStyleClass().add("centre");
        return centre;
    }

    private Node diffusionCentre() {
        FlowPane toolbar = toolbar(Bindings.createStringBinding(() -> messages.format("train.diffusion.hyperparameters",
                        messages.get("train.data." + model.diffusionDataProperty().get()), model.diffusionEpochsProperty().get(),
                        model.diffusionBatchProperty().get(), model.diffusionLearningRateProperty().get(),
                        model.diffusionStepsProperty().get(), String.valueOf(model.seedProperty().get())),
                model.diffusionDataProperty(), model.diffusionEpochsProperty(), model.diffusionBatchProperty(),
                model.diffusionLearningRateProperty(), model.diffusionStepsProperty(), model.seedProperty()));
        HBox charts = new HBox(8, lossChart, bitsChart);
        HBox.setHgrow(lossChart, Priority.ALWAYS);
        HBox.setHgrow(bitsChart, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        Label difference = new Label(messages.get("train.diffusion.difference"));
        difference.getStyleClass().add("hint");
        difference.setWrapText(true);
        difference.setMaxWidth(Double.MAX_VALUE);

        lossByTime.setLabels(messages.get("train.lossByTime"), "t", model.diffusionStepsProperty().get());
        lossByTime.setPrefSize(420, 230);
        PictureRow samplesTop = new PictureRow(messages.get("train.pictures.diffusionSamples"), 8);
        samplesTop.setId("train-diffusion-samples");
        PictureRow samplesBottom = new PictureRow("", 8);
        PointCloudView cloud = new PointCloudView();
        cloud.setId("train-sample-cloud");
        cloud.setPrefSize(230, 230);
        Runnable showSamples = () -> {
            List<org.diffusionlab.core.data.Raster> pictures = model.pictures().get("samples");
            samplesTop.show(pictures == null ? null : pictures.subList(0, Math.min(8, pictures.size())));
            samplesBottom.show(pictures == null || pictures.size() <= 8 ? null : pictures.subList(8, pictures.size()));
        };
        model.pictures().addListener((MapChangeListener<String, Object>) change -> showSamples.run());
        Runnable showCloud = () -> cloud.show(model.samplePointsProperty().get() == null ? new float[0]
                : model.samplePointsProperty().get(), model.dataPointsProperty().get() == null ? new float[0]
                : model.dataPointsProperty().get(), new float[0], new float[0], 1, 3);
        model.samplePointsProperty().addListener((obs, old, points) -> showCloud.run());
        model.dataPointsProperty().addListener((obs, old, points) -> showCloud.run());
        VBox pictures = new VBox(4, samplesTop, samplesBottom);
        StackPane samples = new StackPane();
        Observe.now(model.diffusionDataProperty(), data -> samples.getChildren().setAll(
                TrainViewModel.DIGITS.equals(data) ? pictures : cloud));
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
        Observe.now(model.diffusionDataProperty(), data -> density.setVisible(!TrainViewModel.DIGITS.equals(data)));
        VBox centre = new VBox(8, toolbar, charts, difference, density, bottom);
        centre.setPadding(new Insets(10));
        centre.getStyleClass().add("centre");
        return centre;
    }

    private ObservableValue<String> hyperparameters() {
        return Bindings.createStringBinding(() -> messages.format("train.hyperparameters", model.latentProperty().get(),
                        model.hiddenProperty().get(), model.betaProperty().get(), model.learningRateProperty().get(),
                        model.batchSizeProperty().get(), model.epochsProperty().get(), String.valueOf(model.seedProperty().get())),
                model.latentProperty(), model.hiddenProperty(), model.betaProperty(), model.learningRateProperty(),
                model.batchSizeProperty(), model.epochsProperty(), model.seedProperty());
    }

    private void refreshCharts() {
        for (CurveChart chart : charts()) {
            chart.refresh(model.curves().log());
        }
        lossByTime.setLabels(messages.get("train.lossByTime"), "t", model.diffusionStepsProperty().get());
        lossByTime.setColumns(List.copyOf(model.curves().lossByTime()), List.copyOf(model.curves().lossByTimeSteps()));
    }

    CurveChart elboChart() {
        return elboChart;
    }

    private void save() {
        String name = model.runKind() == TrainViewModel.Kind.VAE ? "vae-z" + model.latentProperty().get() + ".zip"
                : "ddpm-" + model.diffusionDataProperty().get() + ".zip";
        FileDialogs.save(getScene().getWindow(), messages.get("train.save"), name, "zip").ifPresent(model::saveModel);
    }

    private void load() {
        FileDialogs.open(getScene().getWindow(), messages, messages.get("train.load"), messages.get("dialog.models"), "*.zip")
                .ifPresent(model::loadModel);
    }

    private void exportCsv() {
        FileDialogs.save(getScene().getWindow(), messages.get("train.exportCsv"), "curves.csv", "csv").ifPresent(model::exportCsv);
    }

    private void exportPng() {
        FileDialogs.save(getScene().getWindow(), messages.get("train.exportPng"), "curves.png", "png").ifPresent(this::writeChartsPng);
    }

    /** The kind's two charts side by side in one PNG, drawn at a print-friendly size. */
    void writeChartsPng(Path file) {
        boolean vae = model.kindProperty().get() == TrainViewModel.Kind.VAE;
        BufferedImage left = (vae ? elboChart : lossChart).chart().createBufferedImage(900, 560);
        BufferedImage right = (vae ? klChart : bitsChart).chart().createBufferedImage(600, 560);
        BufferedImage both = new BufferedImage(1500, 560, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, 900, 0, null);
        g.dispose();
        try {
            Filmstrip.writePng(both, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String id() {
        return "train";
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public List<Export> exports() {
        return List.of(new Export("train.exportCsv", "curves.csv", "csv", model::exportCsv),
                new Export("train.exportPng", "curves.png", "png", this::writeChartsPng));
    }

    @Override
    public ObservableValue<String> status() {
        return Bindings.createStringBinding(() -> model.modelStatusProperty().get().isEmpty() ? messages.get("status.noKeys")
                : model.modelStatusProperty().get().render(messages), model.modelStatusProperty());
    }
}
