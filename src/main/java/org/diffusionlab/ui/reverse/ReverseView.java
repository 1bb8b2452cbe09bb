package org.diffusionlab.ui.reverse;

import java.util.ArrayList;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.data.Raster;
import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.Page;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.HoverValue;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.CaptionedRaster;
import org.diffusionlab.ui.common.widget.FileDialogs;
import org.diffusionlab.ui.common.widget.PlaybackBar;
import org.diffusionlab.ui.common.widget.PointCloudView;
import org.diffusionlab.ui.common.widget.RasterView;

/**
 * Reverse: denoise with a trained model, step by step. Image models: a 4×4 grid of samples, one of them large
 * with x_t, x̂₀ and ε̂ and the update equation. 2-D models: the point cloud flowing back with the denoising field.
 */
public final class ReverseView extends BorderPane implements Page {
    /** x̂₀ from x_t and the predicted noise. */
    private static final String X0HAT = "\\hat{x}_0 = \\frac{x_t - \\sqrt{1 - \\bar\\alpha_t}\\, \\hat\\varepsilon}{\\sqrt{\\bar\\alpha_t}}";
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private final ReverseViewModel model;
    private final Messages messages;
    private final List<RasterView> grid = new ArrayList<>();
    private final PointCloudView cloud = new PointCloudView();

    public ReverseView(ReverseViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("reverse-view");
        setLeft(new ReverseControls(model, messages, this::openModel));
        setCenter(centre());
        Node detail = detail();
        Observe.now(model.modelProperty(), entry -> setRight(model.isImageModel() ? detail : null));
        PlaybackBar.installKeys(this, model.playback());
    }

    private Node centre() {
        GridPane samples = new GridPane();
        samples.setId("reverse-grid");
        samples.setHgap(6);
        samples.setVgap(6);
        samples.setAlignment(Pos.CENTER);
        for (int i = 0; i < 4; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(25);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(25);
            samples.getColumnConstraints().add(column);
            samples.getRowConstraints().add(row);
        }
        for (int i = 0; i < ReverseViewModel.GRID; i++) {
            RasterView view = new RasterView(110);
            view.setId("reverse-sample-" + i);
            view.getStyleClass().add("grid-sample");
            int index = i;
            view.setOnMouseClicked(e -> model.selectedProperty().set(index));
            Tip.of(messages, "reverse.sample").tex("x_t").hover((x, y) -> sampleUnderMouse(index, x, y)).on(view);
            GridPane.setHgrow(view, Priority.ALWAYS);
            GridPane.setVgrow(view, Priority.ALWAYS);
            samples.add(view, i % 4, i / 4);
            grid.add(view);
        }
        Observe.present(model.imageFrameProperty(), frame -> {
            for (int i = 0; i < grid.size(); i++) {
                grid.get(i).setRaster(i < frame.samples().size() ? frame.samples().get(i) : null);
            }
        });
        Observe.now(model.selectedProperty(), index -> {
            for (int i = 0; i < grid.size(); i++) {
                grid.get(i).pseudoClassStateChanged(SELECTED, i == index.intValue());
            }
        });
        cloud.setId("reverse-cloud");
        Observe.present(model.cloudFrameProperty(), frame -> cloud.show(frame.points(), frame.data(), frame.fieldOrigins(),
                frame.fieldVectors(), ReverseViewModel.FIELD, frame.extent()));
        CheckBox field = new CheckBox(messages.get("reverse.field"));
        field.setId("reverse-show-field");
        field.selectedProperty().bindBidirectional(model.showFieldProperty());
        Tip.of(messages, "reverse.field").tex("-\\hat\\varepsilon_\\theta(x_t, t)").on(field);
        Tip.of(messages, "reverse.cloud").tex("x_t \\in \\mathbb{R}^2").hover(this::pointUnderMouse).on(cloud);
        VBox cloudBox = new VBox(6, cloud, field);
        VBox.setVgrow(cloud, Priority.ALWAYS);
        StackPane stage = new StackPane();
        Label empty = new Label(messages.get("reverse.noModel"));
        empty.getStyleClass().add("hint");
        Observe.now(model.modelProperty(), entry -> stage.getChildren().setAll(entry == null ? empty
                : model.isImageModel() ? samples : cloudBox));
        VBox.setVgrow(stage, Priority.ALWAYS);

        PlaybackBar playback = new PlaybackBar(model.playback(), messages,
                position -> messages.format("reverse.position", String.valueOf(position), String.valueOf(model.playback().max())));
        Label shownT = new Label();
        shownT.setId("reverse-t");
        shownT.getStyleClass().add("equation");
        Observe.now(model.imageFrameProperty(), frame -> {
            if (frame != null) {
                shownT.setText("t = " + frame.t());
            }
        });
        Observe.now(model.cloudFrameProperty(), frame -> {
            if (frame != null) {
                shownT.setText("t = " + frame.t());
            }
        });
        Label status = new Label();
        status.setId("reverse-status");
        status.getStyleClass().add("hint");
        Observe.now(model.statusProperty(), value -> status.setText(value.render(messages)));
        Tip.of(messages, "reverse.t").tex("t").on(shownT);
        Tip.of(messages, "reverse.status").on(status);
        VBox centre = new VBox(8, stage, shownT, playback, status);
        centre.setPadding(new Insets(10));
        centre.getStyleClass().add("centre");
        return centre;
    }

    /** Sample {@code index}'s pixel under the mouse and its x_t, as the grid's tip states it (null off the picture). */
    private String sampleUnderMouse(int index, double x, double y) {
        ReverseViewModel.ImageFrame frame = model.imageFrameProperty().get();
        int[] pixel = grid.get(index).pixelAt(x, y);
        if (frame == null || pixel == null || index >= frame.values().size()) {
            return null;
        }
        Raster shown = frame.samples().get(index);
        float[] values = frame.values().get(index);
        int plane = shown.width() * shown.height();
        List<String> channels = new ArrayList<>();
        for (int c = 0; c < values.length / plane; c++) {
            channels.add(messages.numbers().fixed(values[c * plane + pixel[1] * shown.width() + pixel[0]], 3));
        }
        return messages.format("hover.sample", String.valueOf(index + 1), HoverValue.pixel(messages, pixel[0], pixel[1]),
                channels.size() == 1 ? channels.get(0) : "(" + String.join("; ", channels) + ")");
    }

    /** The shown point nearest the mouse, as the cloud's tip states it. */
    private String pointUnderMouse(double x, double y) {
        float[] point = cloud.nearestPoint(x, y);
        return point == null ? null : messages.format("hover.point", messages.numbers().fixed(point[0], 3),
                messages.numbers().fixed(point[1], 3));
    }

    private Node detail() {
        CaptionedRaster xt = new CaptionedRaster("reverse-detail-xt", 150);
        CaptionedRaster x0Hat = new CaptionedRaster("reverse-detail-x0hat", 150);
        CaptionedRaster epsHat = new CaptionedRaster("reverse-detail-epshat", 150);
        for (CaptionedRaster panel : new CaptionedRaster[] {xt, x0Hat, epsHat}) {
            panel.caption().setWrapText(false); // JavaFX mis-wraps text with combining marks (x̂, ε̂)
            panel.caption().getStyleClass().add("detail-caption");
        }
        x0Hat.caption().setText(messages.get("reverse.x0Hat"));
        epsHat.caption().setText(messages.get("reverse.epsHat"));
        Tip.of(messages, "reverse.xt").tex("x_t").on(xt.caption());
        Tip.of(messages, "reverse.x0Hat").tex(X0HAT).on(x0Hat.caption());
        Tip.of(messages, "reverse.epsHat").tex("\\hat\\varepsilon = \\varepsilon_\\theta(x_t, t)").on(epsHat.caption());
        Label equation = new Label();
        equation.setId("reverse-equation");
        equation.getStyleClass().add("equation");
        equation.getStyleClass().add("detail-equation");
        Label numbers = new Label();
        numbers.setId("reverse-equation-numbers");
        numbers.getStyleClass().add("equation-numbers");
        numbers.getStyleClass().add("detail-equation");
        Label clipped = new Label();
        clipped.setId("reverse-clipped");
        clipped.setWrapText(true); // plain text: no combining marks to mis-wrap
        clipped.getStyleClass().add("hint");
        clipped.managedProperty().bind(clipped.visibleProperty());
        Tip.of(messages, "reverse.equation").tex("\\mu_\\theta = \\frac{1}{\\sqrt{\\alpha_t}} \\left(x_t - \\frac{\\beta_t}"
                + "{\\sqrt{1 - \\bar\\alpha_t}}\\, \\hat\\varepsilon\\right)").on(equation);
        Tip.of(messages, "reverse.numbers").tex(X0HAT).on(numbers);
        Tip.of(messages, "reverse.clipped").tex("\\hat{x}_0 \\leftarrow \\mathrm{clip}(\\hat{x}_0, -1, 1)").on(clipped);
        Observe.present(model.imageFrameProperty(), frame -> {
            var d = frame.detail();
            clipped.setVisible(d.clipped() > 0);
            clipped.setText(messages.format("reverse.clipped", d.clipped()));
            xt.raster().setRaster(d.xt());
            x0Hat.raster().setRaster(d.x0Hat());
            epsHat.raster().setRaster(d.epsHat());
            xt.caption().setText(messages.format("reverse.xt", d.index() + 1, String.valueOf(frame.t())));
            equation.setText(d.equation());
            numbers.setText(d.numbers().render(messages));
        });
        for (CaptionedRaster panel : new CaptionedRaster[] {xt, x0Hat, epsHat}) {
            panel.raster().setMinSize(40, 40); // the pictures give way to the equation, never the other way round
            VBox.setVgrow(panel, Priority.ALWAYS);
        }
        for (Label text : new Label[] {equation, numbers, clipped}) {
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.setMaxWidth(Double.MAX_VALUE);
        }
        // no wrapping: JavaFX mis-wraps text with combining marks (x̂, ε̂), repeating characters; the lines are
        // broken by hand and kept whole (the column is as wide as its longest line)
        for (Label text : new Label[] {equation, numbers}) {
            text.setWrapText(false);
            text.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox box = new VBox(6, xt, x0Hat, epsHat, equation, numbers, clipped);
        box.setPadding(new Insets(10));
        box.setMinWidth(0);
        box.getStyleClass().add("detail-column");
        box.prefWidthProperty().bind(widthProperty().multiply(0.27)); // the large sample grows with the window
        return box;
    }

    private void openModel() {
        FileDialogs.openModel(getScene().getWindow(), messages, messages.get("reverse.openModel"))
                .ifPresent(model::openModel);
    }

    @Override
    public String id() {
        return "reverse";
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public List<Animation> animations() {
        return List.of(new Animation("menu.export.gif", "gif.spread.step", "reverse-chain.gif",
                (file, settings) -> model.exportGif(file, settings, grid.get(0).getWidth())));
    }

    @Override
    public String keysKey() {
        return "status.ready"; // Space, ←/→, Home/End drive the playback here
    }
}
