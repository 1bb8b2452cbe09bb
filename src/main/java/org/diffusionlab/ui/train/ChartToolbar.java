package org.diffusionlab.ui.train;

import java.util.List;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.FlowPane;

import org.diffusionlab.ui.common.chart.CurveChart;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.Controls;

/** Above a Train pane's charts: log scale and smoothing for them, and the run's settings in words. */
final class ChartToolbar extends FlowPane {

    ChartToolbar(Messages messages, List<CurveChart> charts, Runnable redraw, ObservableValue<String> settings) {
        super(10, 4);
        CheckBox log = new CheckBox(messages.get("train.logScale"));
        log.setId("train-log-scale");
        log.selectedProperty().addListener((obs, old, on) -> {
            for (CurveChart chart : charts) {
                chart.setLogScale(on);
            }
            redraw.run();
        });
        Slider smoothing = new Slider(0, 0.99, CurveChart.DEFAULT_SMOOTHING);
        smoothing.setId("train-smoothing");
        smoothing.valueProperty().addListener((obs, old, value) -> {
            for (CurveChart chart : charts) {
                chart.setSmoothing(value.doubleValue());
            }
            redraw.run();
        });
        Label smoothingLabel = new Label(messages.get("train.smoothing"));
        Tip.of(messages, "train.logScale").tex("\\log_{10} y").on(log);
        Tip.of(messages, "train.smoothing").tex("s_i = w\\, s_{i-1} + (1 - w)\\, x_i, \\quad \\alpha = 1 - w").on(smoothing);
        Label hyper = new Label();
        hyper.getStyleClass().add("hint");
        hyper.textProperty().bind(settings);
        Tip.of(messages, "train.settings").on(hyper);
        hyper.setWrapText(true);
        Controls.whole(log, smoothingLabel, hyper);
        getChildren().setAll(log, smoothingLabel, smoothing, hyper);
        setAlignment(Pos.CENTER_LEFT);
        hyper.maxWidthProperty().bind(widthProperty());
    }
}
