package org.diffusionlab.ui.latent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.Page;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Subscripts;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.Controls;
import org.diffusionlab.ui.common.widget.FileDialogs;
import org.diffusionlab.ui.common.widget.NoticeLabel;

/**
 * Latent: walk a VAE's latent space. Left: the model, the decoded image and the sliders. Centre: the plane of two
 * dimensions with the encoded held-out digits and the decoded manifold; click or drag to decode. Right: encode a
 * drawing, and interpolate between two digits.
 */
public final class LatentView extends BorderPane implements Page {
    /** The encoder's Gaussian q(z|x). */
    static final String ENCODER = "q_\\phi(z \\mid x) = \\mathcal{N}\\left(\\mu_\\phi(x),\\ \\mathrm{diag}\\, \\sigma_\\phi^2(x)\\right)";
    private final LatentViewModel model;
    private final Messages messages;
    private final LatentMapView map = new LatentMapView();
    private final EncodePanel encodePanel;

    public LatentView(LatentViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("latent-view");
        setLeft(new LatentControls(model, messages, this::openModel));
        encodePanel = new EncodePanel(model, messages, this::loadImage);
        setCenter(centre());
        setRight(side());
        wireMap();
    }

    private Node centre() {
        ComboBox<Integer> x = dimensionChooser("latent-x-dimension");
        Controls.bindStrongly(x, x.valueProperty(), model.xDimensionProperty().asObject());
        ComboBox<Integer> y = dimensionChooser("latent-y-dimension");
        Controls.bindStrongly(y, y.valueProperty(), model.yDimensionProperty().asObject());
        Runnable dimensionsChanged = () -> {
            List<Integer> dimensions = new ArrayList<>();
            for (int k = 0; k < model.latentSize(); k++) {
                dimensions.add(k);
            }
            int xShown = model.xDimensionProperty().get();
            int yShown = model.yDimensionProperty().get();
            x.getItems().setAll(dimensions);
            y.getItems().setAll(dimensions);
            // select by index: setting the value it already had would leave the box's button blank
            x.getSelectionModel().select(Math.min(xShown, dimensions.size() - 1));
            y.getSelectionModel().select(Math.min(yShown, dimensions.size() - 1));
        };
        model.latent().addListener((ListChangeListener<DoubleProperty>) change -> dimensionsChanged.run());
        dimensionsChanged.run();
        CheckBox manifold = new CheckBox(messages.get("latent.manifold"));
        manifold.setId("latent-show-manifold");
        manifold.selectedProperty().bindBidirectional(model.manifoldVisibleProperty());
        ComboBox<Integer> grid = new ComboBox<>();
        grid.getItems().addAll(5, 9, 15, 21);
        Controls.bindStrongly(grid, grid.valueProperty(), model.gridSizeProperty().asObject());
        grid.disableProperty().bind(model.manifoldVisibleProperty().not());
        Tip.of(messages, "latent.xDimension").tex("z_i").on(x);
        Tip.of(messages, "latent.yDimension").tex("z_j").on(y);
        Tip.of(messages, "latent.manifold").tex("\\mathrm{dec}_\\theta(z)").on(manifold);
        Tip.of(messages, "latent.gridSize").tex("n \\times n").on(grid);
        CheckBox scatter = new CheckBox(messages.get("latent.scatter"));
        scatter.setId("latent-show-scatter");
        scatter.selectedProperty().bindBidirectional(model.scatterVisibleProperty());
        Tip.of(messages, "latent.scatter").tex("\\mu_\\phi(x)").on(scatter);
        FlowPane toolbar = new FlowPane(8, 6, new Label(messages.get("latent.xAxis")), x, new Label(messages.get("latent.yAxis")), y,
                manifold, grid, scatter);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        scatter.disableProperty().bind(model.encoderPresentProperty().not());   // a decoder alone has no μ to plot
        Label hint = new Label();
        hint.textProperty().bind(Bindings.when(model.encoderPresentProperty()).then(messages.get("latent.map.hint"))
                .otherwise(messages.get("latent.map.hintNoEncoder")));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        NoticeLabel notice = new NoticeLabel("latent-notice", model.noticeProperty(), messages);
        map.setId("latent-map");
        Tip.of(messages, "latent.map").tex("(z_i, z_j) \\mapsto \\mathrm{dec}_\\theta(z)").hover((mouseX, mouseY) -> {
            double[] z = map.latentAt(mouseX, mouseY);
            return z == null ? null : messages.format("hover.latent", map.xName(), messages.numbers().fixed(z[0], 2), map.yName(),
                    messages.numbers().fixed(z[1], 2));
        }).on(map);
        VBox.setVgrow(map, Priority.ALWAYS);
        VBox centre = new VBox(8, toolbar, notice, map, hint);
        centre.setPadding(new Insets(10));
        centre.getStyleClass().add("centre");
        return centre;
    }

    private ComboBox<Integer> dimensionChooser(String id) {
        ComboBox<Integer> chooser = new ComboBox<>();
        chooser.setId(id);
        chooser.setConverter(Controls.converter(k -> "z" + Subscripts.of(k + 1)));
        // the button shows the box's value itself: after a model switch replaces the items, JavaFX's own button
        // cell can stay blank although the value is set
        ListCell<Integer> button = new ListCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(chooser.getConverter().toString(chooser.getValue()));
            }
        };
        chooser.valueProperty().addListener((obs, old, value) -> button.setText(chooser.getConverter().toString(value)));
        chooser.setButtonCell(button);
        return chooser;
    }

    private Node side() {
        Tab encode = new Tab(messages.get("latent.tab.encode"), padded(encodePanel));
        Tab interpolate = new Tab(messages.get("latent.tab.interpolate"), padded(new InterpolatePanel(model, messages)));
        encode.setId("latent-tab-encode");
        interpolate.setId("latent-tab-interpolate");
        Tip.of(messages, "latent.tabEncode").tex(ENCODER).on(encode);
        Tip.of(messages, "latent.tabInterpolate").tex("z_A \\to z_B").on(interpolate);
        TabPane tabs = new TabPane(encode, interpolate);
        tabs.setId("latent-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("side-tabs");
        tabs.setPrefWidth(370);
        tabs.setMinWidth(320);
        tabs.setMaxWidth(400);
        return tabs;
    }

    private static Node padded(Node content) {
        VBox box = new VBox(content);
        box.setPadding(new Insets(10));
        return box;
    }

    private void wireMap() {
        map.setOnPick(model::pick);
        Runnable axes = () -> map.setAxisNames("z" + Subscripts.of(model.xDimensionProperty().get() + 1),
                "z" + Subscripts.of(model.yDimensionProperty().get() + 1));
        Runnable points = () -> {
            LatentViewModel.Encoded encoded = model.encodedProperty().get();
            List<LatentMapView.Point> projected = new ArrayList<>();
            int x = model.xDimensionProperty().get();
            int y = model.yDimensionProperty().get();
            if (encoded != null) {
                for (int i = 0; i < encoded.labels().length; i++) {
                    projected.add(new LatentMapView.Point(encoded.means()[i][x], encoded.means()[i][y], encoded.labels()[i]));
                }
            }
            map.setPoints(projected);
        };
        Runnable marker = () -> {
            int x = model.xDimensionProperty().get();
            int y = model.yDimensionProperty().get();
            boolean shown = model.latentSize() > Math.max(x, y);
            map.setMarker(shown ? model.latent().get(x).get() : Double.NaN, shown ? model.latent().get(y).get() : Double.NaN);
        };
        Runnable ellipse = () -> {
            LatentViewModel.Posterior q = model.posteriorProperty().get();
            int x = model.xDimensionProperty().get();
            int y = model.yDimensionProperty().get();
            map.setEllipse(q == null || q.mean().length <= Math.max(x, y) ? null
                    : new LatentMapView.Ellipse(q.mean()[x], q.mean()[y], q.sigma()[x], q.sigma()[y]));
        };
        Runnable paths = () -> {
            LatentViewModel.Interpolation path = model.interpolationProperty().get();
            map.setPaths(path == null ? List.of() : project(path.linearPath()),
                    path == null ? List.of() : project(path.sphericalPath()));
        };
        Runnable all = () -> {
            axes.run();
            points.run();
            marker.run();
            ellipse.run();
            paths.run();
        };
        model.xDimensionProperty().addListener((obs, old, v) -> all.run());
        model.yDimensionProperty().addListener((obs, old, v) -> all.run());
        model.encodedProperty().addListener((obs, old, v) -> points.run());
        model.posteriorProperty().addListener((obs, old, v) -> ellipse.run());
        model.interpolationProperty().addListener((obs, old, v) -> paths.run());
        Observe.now(model.manifoldProperty(), map::setManifold);
        Runnable layers = () -> map.setLayers(model.manifoldVisibleProperty().get(), model.scatterVisibleProperty().get());
        model.manifoldVisibleProperty().addListener((obs, old, v) -> layers.run());
        model.scatterVisibleProperty().addListener((obs, old, v) -> layers.run());
        layers.run();
        ChangeListener<Number> moved = (obs, old, v) -> marker.run();
        model.latent().addListener((ListChangeListener<DoubleProperty>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(p -> p.addListener(moved));
                change.getRemoved().forEach(p -> p.removeListener(moved));
            }
            all.run();
        });
        model.latent().forEach(p -> p.addListener(moved));
        all.run();
    }

    private List<double[]> project(float[][] path) {
        int x = model.xDimensionProperty().get();
        int y = model.yDimensionProperty().get();
        List<double[]> points = new ArrayList<>();
        for (float[] z : path) {
            points.add(new double[] {z[x], z[y]});
        }
        return points;
    }

    LatentMapView map() {
        return map;
    }

    EncodePanel encodePanel() {
        return encodePanel;
    }

    private void openModel() {
        FileDialogs.openModel(getScene().getWindow(), messages, messages.get("latent.openModel"))
                .ifPresent(model::openModel);
    }

    private void loadImage() {
        FileDialogs.openImage(getScene().getWindow(), messages)
                .ifPresent(file -> model.encodeImage(file, encodePanel.pad()::setPixels));
    }

    @Override
    public String id() {
        return "latent";
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public boolean opensImages() {
        return true;
    }

    @Override
    public void openImage(Path file) {
        model.encodeImage(file, encodePanel.pad()::setPixels);
    }

    /** The slerp walk as a GIF, each frame at the size the decoded image is shown. */
    @Override
    public List<Animation> animations() {
        return List.of(new Animation("menu.export.gifInterpolation", "gif.spread.path", "latent-slerp.gif", (file, settings) -> {
            Node decoded = lookup("#latent-decoded");
            double side = decoded == null ? 0 : Math.min(decoded.getLayoutBounds().getWidth(), decoded.getLayoutBounds().getHeight());
            model.exportInterpolationGif(file, settings, side);
        }));
    }
}
