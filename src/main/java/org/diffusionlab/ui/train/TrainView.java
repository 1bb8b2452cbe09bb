package org.diffusionlab.ui.train;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.BorderPane;

import org.diffusionlab.core.data.Filmstrip;
import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.Page;
import org.diffusionlab.ui.common.chart.CurveChart;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.widget.FileDialogs;
import org.diffusionlab.ui.common.work.Throttle;

/**
 * Train: the kind of model, its settings and the run's controls on the left; in the centre the pane of the kind
 * chosen ({@link VaePane}, {@link DiffusionPane}) with its live curves and pictures.
 */
public final class TrainView extends BorderPane implements Page {
    /** Charts redraw at most this often while training (a redraw costs more than a frame). */
    static final long CHART_INTERVAL_MS = 200;

    private final TrainViewModel model;
    private final Messages messages;
    private final VaePane vaePane;
    private final DiffusionPane diffusionPane;

    public TrainView(TrainViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("train-view");
        vaePane = new VaePane(model, messages, this::refreshCharts);
        diffusionPane = new DiffusionPane(model, messages, this::refreshCharts);
        setLeft(new TrainControls(model, messages, this::save, this::load, this::exportCsv, this::exportPng));
        Observe.now(model.kindProperty(), kind -> setCenter((Node) pane(kind)));
        Throttle<Integer> redraw = new Throttle<>(CHART_INTERVAL_MS, revision -> refreshCharts());
        Observe.now(model.curvesRevisionProperty(), revision -> redraw.offer(revision.intValue()));
        model.stateProperty().addListener((obs, old, state) -> {
            if (state == TrainViewModel.State.FAILED && getScene() != null && getScene().getWindow() != null) {
                showFailure();   // only the view on screen: a view left behind by a language switch stays quiet
            }
        });
    }

    /** A run that failed (a loss that is no longer a finite number, say) says so in a dialog, not only a line. */
    private void showFailure() {
        Alert alert = new Alert(Alert.AlertType.ERROR, model.noticeProperty().get().render(messages) + "\n\n"
                + messages.get("train.failed.kept"), new ButtonType(messages.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        alert.initOwner(getScene().getWindow());
        alert.setTitle(messages.get("train.failed.title"));
        alert.setHeaderText(messages.get("train.failed.title"));
        alert.getDialogPane().setId("train-failed-dialog");
        alert.show();
    }

    private TrainPane pane(TrainViewModel.Kind kind) {
        return kind == TrainViewModel.Kind.VAE ? vaePane : diffusionPane;
    }

    private void refreshCharts() {
        vaePane.refresh(model.curves());
        diffusionPane.refresh(model.curves());
    }

    CurveChart elboChart() {
        return vaePane.elboChart();
    }

    private void save() {
        FileDialogs.save(getScene().getWindow(), messages.get("train.save"), model.modelFileName(), "zip")
                .ifPresent(model::saveModel);
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
        List<CurveChart> charts = pane(model.kindProperty().get()).charts();
        BufferedImage left = charts.get(0).chart().createBufferedImage(900, 560);
        BufferedImage right = charts.get(1).chart().createBufferedImage(600, 560);
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
