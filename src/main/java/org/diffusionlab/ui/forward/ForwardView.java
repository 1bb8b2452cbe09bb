package org.diffusionlab.ui.forward;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.Page;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;
import org.diffusionlab.ui.common.text.Subscripts;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.CaptionedRaster;
import org.diffusionlab.ui.common.widget.FileDialogs;
import org.diffusionlab.ui.common.widget.FilmstripView;
import org.diffusionlab.ui.common.widget.NoticeLabel;
import org.diffusionlab.ui.common.widget.PlaybackBar;
import org.diffusionlab.ui.common.widget.RasterView;
import org.diffusionlab.ui.common.work.Throttle;

/**
 * Forward: a picture noised step by step. Left: picture, schedule, mode. Centre: x₀, x_t and ε, the equation
 * with its numbers, playback and the filmstrip. Right: the schedule, log-SNR and the histogram of x_t.
 */
public final class ForwardView extends BorderPane implements Page {
    /** The histogram chart redraws at most this often while playing (a full chart redraw costs more than a frame). */
    static final long HISTOGRAM_INTERVAL_MS = 50;
    /** The share of the view's width the chart column takes, so charts grow on a large screen. */
    static final double RIGHT_SHARE = 0.27;
    /** q(x_t | x₀), the picture at step t. */
    private static final String XT = "q(x_t \\mid x_0) = \\mathcal{N}\\left(\\sqrt{\\bar\\alpha_t}\\, x_0,\\ (1 - \\bar\\alpha_t) I\\right)";
    private final ForwardViewModel model;
    private final Messages messages;
    private RasterView xtView;

    public ForwardView(ForwardViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        getStyleClass().add("forward-view");
        setId("forward-view");

        ForwardControls controls = new ForwardControls(model, messages, this::chooseImage);
        setLeft(controls);

        ForwardCharts charts = new ForwardCharts(messages);
        charts.prefWidthProperty().bind(widthProperty().multiply(RIGHT_SHARE)); // charts grow with the window
        setRight(charts);
        setCenter(centre(charts));

        Observe.present(model.scheduleProperty(), charts::showSchedule);
        Observe.now(model.playback().positionProperty(), t -> charts.markStep(t.intValue()));
        Throttle<ForwardViewModel.FrameView> histogram = new Throttle<>(HISTOGRAM_INTERVAL_MS,
                frame -> charts.showHistogram(frame.histogram()));
        Observe.present(model.frameViewProperty(), histogram::offer);

        setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        setOnDragDropped(event -> {
            List<File> files = event.getDragboard().getFiles();
            boolean accepted = files != null && !files.isEmpty();
            if (accepted) {
                model.openFile(files.get(0).toPath());
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
        PlaybackBar.installKeys(this, model.playback());
    }

    private Node centre(ForwardCharts charts) {
        CaptionedRaster x0 = new CaptionedRaster("forward-x0", 150);
        x0.caption().setText(messages.get("forward.x0"));
        Tip.of(messages, "forward.x0").tex("x_0").on(x0.caption());
        CaptionedRaster xt = new CaptionedRaster("forward-xt", 300);
        xtView = xt.raster();
        CaptionedRaster noise = new CaptionedRaster("forward-noise", 150);
        x0.raster().rasterProperty().bind(model.chainViewProperty().map(ForwardViewModel.ChainView::x0));
        xt.raster().rasterProperty().bind(model.frameViewProperty().map(ForwardViewModel.FrameView::xt));
        noise.raster().rasterProperty().bind(model.frameViewProperty().map(ForwardViewModel.FrameView::noise));
        xt.caption().textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("forward.xt", Subscripts.of(model.t()), String.valueOf(model.t())),
                model.playback().positionProperty()));
        noise.caption().setText(messages.get("forward.noise"));
        Tip.of(messages, "forward.xt").tex(XT).on(xt.caption());
        Tip.of(messages, "forward.noise").tex("\\varepsilon \\sim \\mathcal{N}(0, I)").on(noise.caption());
        HBox images = new HBox(12, x0, xt, noise);
        images.setAlignment(Pos.CENTER);
        HBox.setHgrow(x0, Priority.SOMETIMES);
        HBox.setHgrow(xt, Priority.ALWAYS);
        HBox.setHgrow(noise, Priority.SOMETIMES);
        VBox.setVgrow(images, Priority.ALWAYS);

        Label equation = new Label();
        equation.setId("forward-equation");
        equation.getStyleClass().add("equation");
        equation.textProperty().bind(model.equationProperty());
        Label numbers = new Label();
        numbers.setId("forward-equation-numbers");
        numbers.getStyleClass().add("equation-numbers");
        numbers.textProperty().bind(model.equationNumbersProperty().map(value -> value.render(messages)));
        Label priorKl = new Label();
        priorKl.setId("forward-prior-kl");
        priorKl.getStyleClass().add("equation-numbers");
        priorKl.textProperty().bind(Bindings.createStringBinding(() -> model.chainViewProperty().get() == null ? ""
                        : messages.format("forward.priorKl", Subscripts.of(model.schedule().steps()),
                        Numbers.significantArgument(model.chainViewProperty().get().priorKl(), 4)),
                model.chainViewProperty()));
        NoticeLabel notice = new NoticeLabel("forward-notice", model.noticeProperty(), messages);
        Tip.of(messages, "forward.equation").tex(XT).on(equation);
        Tip.of(messages, "forward.numbers").tex("\\bar\\alpha_t = \\prod_{s \\le t} (1 - \\beta_s)").on(numbers);
        Tip.of(messages, "forward.priorKl").tex("\\mathrm{KL}(q(x_T \\mid x_0) \\,\\|\\, \\mathcal{N}(0, I)) = \\tfrac{1}{2} \\sum_i "
                + "\\left(\\bar\\alpha_T x_{0,i}^2 - \\bar\\alpha_T - \\log(1 - \\bar\\alpha_T)\\right)").on(priorKl);
        for (Label text : new Label[] {equation, numbers, priorKl}) {
            text.setMinHeight(Region.USE_PREF_SIZE); // equations wrap to whole lines, never to "…"
        }
        VBox equations = new VBox(2, equation, numbers, priorKl);
        equations.getStyleClass().add("equation-box");

        PlaybackBar playback = new PlaybackBar(model.playback(), messages,
                t -> "t = " + t + " / " + model.schedule().steps());

        FilmstripView filmstrip = new FilmstripView();
        filmstrip.setId("forward-filmstrip");
        filmstrip.setPrefHeight(110);
        filmstrip.setMinHeight(90);
        filmstrip.setCaptionTip(caption -> Tip.of(messages, "forward.filmstrip").tex("x_t").on(caption));
        Observe.present(model.chainViewProperty(), chain -> {
            filmstrip.show(chain.filmstrip(), chain.filmstripSteps().stream().map(String::valueOf).toList());
            highlight(filmstrip, chain);
        });
        model.playback().positionProperty().addListener((obs, old, t) -> highlight(filmstrip, model.chainViewProperty().get()));
        filmstrip.setOnSelect(index -> {
            var chain = model.chainViewProperty().get();
            if (chain != null) {
                model.playback().seek(chain.filmstripSteps().get(index));
            }
        });

        VBox centre = new VBox(10, images, equations, notice, playback, filmstrip);
        centre.setPadding(new Insets(12));
        centre.getStyleClass().add("centre");
        return centre;
    }

    private void highlight(FilmstripView filmstrip, ForwardViewModel.ChainView chain) {
        if (chain == null) {
            return;
        }
        filmstrip.highlight(chain.filmstripSteps().indexOf(model.t()));
    }

    private void chooseImage() {
        FileDialogs.openImage(getScene().getWindow(), messages).ifPresent(model::openFile);
    }

    @Override
    public String id() {
        return "forward";
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public String keysKey() {
        return "status.ready"; // Space, ←/→, Home/End drive the playback here
    }

    @Override
    public boolean opensImages() {
        return true;
    }

    @Override
    public void openImage(Path file) {
        model.openFile(file);
    }

    @Override
    public List<Export> exports() {
        return List.of(new Export("menu.export.frame", "forward-frame-t" + model.t() + ".png", "png", model::exportFrame),
                new Export("menu.export.filmstrip", "forward-filmstrip.png", "png", model::exportFilmstrip));
    }

    @Override
    public List<Animation> animations() {
        return List.of(new Animation("menu.export.gif", "gif.spread.t", "forward-chain.gif",
                (file, settings) -> model.exportGif(file, settings, Math.min(xtView.getWidth(), xtView.getHeight()))));
    }
}
