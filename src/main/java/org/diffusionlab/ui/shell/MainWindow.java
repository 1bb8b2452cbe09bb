package org.diffusionlab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import org.diffusionlab.ui.common.Page;
import org.diffusionlab.ui.common.Theme;
import org.diffusionlab.ui.common.chart.Charts;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.FileDialogs;
import org.diffusionlab.ui.common.widget.GifExportDialog;

/**
 * The window: menu bar, navigation rail, the current page, a status line. Pages are built by a function of the
 * language, so switching language rebuilds the views while their view-models (and any work under way) live on.
 */
public final class MainWindow {
    public static final String CSS = "/org/diffusionlab/css/app.css";
    public static final String DARK_CSS = "/org/diffusionlab/css/dark.css";
    /** The formula each view is about, in its rail button's tip. */
    private static final Map<String, String> NAVIGATION_FORMULAS = Map.of(
            "forward", "q(x_t \\mid x_{t-1}) = \\mathcal{N}\\left(\\sqrt{1 - \\beta_t}\\, x_{t-1},\\ \\beta_t I\\right)",
            "reverse", "p_\\theta(x_{t-1} \\mid x_t) = \\mathcal{N}\\left(\\mu_\\theta(x_t, t),\\ \\sigma_t^2 I\\right)",
            "train", "-\\log p(x) \\le -\\mathrm{ELBO}",
            "latent", "z \\sim q_\\phi(z \\mid x), \\quad \\hat{x} = \\mathrm{dec}_\\theta(z)",
            "elbo", "\\log p(x) = \\mathrm{ELBO} + \\mathrm{KL}\\left(q(z \\mid x) \\,\\|\\, p(z \\mid x)\\right)");
    public static final String PRESENTATION_CSS = "/org/diffusionlab/css/presentation.css";
    /** The type size of normal mode, in pixels; presentation mode multiplies it by its scale setting. */
    static final double FONT_SIZE = 13;

    private final Stage stage;
    private final Function<Messages, List<Page>> pages;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private Messages messages;
    private Label status = new Label();
    private List<Page> current = List.of();
    private String currentId;
    private Theme theme = Settings.theme();
    private boolean presentation = Settings.presentation();
    private double presentationScale = Settings.presentationScale();

    public MainWindow(Stage stage, Function<Messages, List<Page>> pages) {
        this.stage = stage;
        this.pages = pages;
        root.getStyleClass().add("app-root");
        root.setId("app-root");
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        List<Rectangle2D> primaryFirst = new ArrayList<>(List.of(Screen.getPrimary().getVisualBounds()));
        primaryFirst.addAll(screens);
        Rectangle2D bounds = WindowPlacement.place(Settings.windowBounds(), primaryFirst);
        scene = new Scene(root, bounds.getWidth(), bounds.getHeight());
        stage.setScene(scene);
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setMinWidth(WindowPlacement.minimum(WindowPlacement.MIN_WIDTH, bounds.getWidth()));
        stage.setMinHeight(WindowPlacement.minimum(WindowPlacement.MIN_HEIGHT, bounds.getHeight()));
        stage.setFullScreenExitHint(null);
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> rememberBounds());
        applyStyles();
        build(new Messages(Settings.locale()));
    }

    public Scene scene() {
        return scene;
    }

    public Messages messages() {
        return messages;
    }

    public void show(String pageId) {
        Page page = current.stream().filter(p -> p.id().equals(pageId)).findFirst().orElse(current.get(0));
        currentId = page.id();
        root.setCenter(page.node());
        root.setTop(menuBar(page));
        status.textProperty().unbind();
        if (page.status() != null) {
            status.textProperty().bind(page.status());
        } else {
            status.setText(messages.get(page.keysKey()));
        }
        if (root.getLeft() instanceof VBox rail) {
            rail.getChildren().forEach(n -> {
                if (n instanceof ToggleButton b) {
                    b.setSelected(page.id().equals(b.getUserData()));
                }
            });
        }
        page.node().requestFocus();
    }

    private void build(Messages language) {
        this.messages = language;
        Numbers.use(language.locale());
        stage.setTitle(language.get("app.title"));
        current = pages.apply(language);
        root.setLeft(rail());
        status = new Label(language.get("status.ready"));
        status.setId("status-line");
        Tip.of(language, "status").on(status);
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        root.setBottom(statusBar);
        show(currentId == null ? current.get(0).id() : currentId);
    }

    private VBox rail() {
        VBox rail = new VBox(4);
        rail.getStyleClass().add("nav-rail");
        rail.setAlignment(Pos.TOP_CENTER);
        ToggleGroup group = new ToggleGroup();
        for (Page page : current) {
            ToggleButton button = new ToggleButton(messages.get("page." + page.id()));
            button.setId("nav-" + page.id());
            button.setUserData(page.id());
            button.setToggleGroup(group);
            button.getStyleClass().add("nav-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(e -> show(page.id()));
            Tip.of(messages, "nav." + page.id()).tex(NAVIGATION_FORMULAS.get(page.id())).on(button);
            rail.getChildren().add(button);
        }
        return rail;
    }

    private MenuBar menuBar(Page page) {
        Menu file = new Menu(messages.get("menu.file"));
        MenuItem open = new MenuItem(messages.get("menu.openImage"));
        open.setId("menu-open-image");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setDisable(!page.opensImages());
        open.setOnAction(e -> FileDialogs.openImage(stage, messages).ifPresent(page::openImage));
        file.getItems().add(open);
        List<MenuItem> exports = new ArrayList<>();
        for (Page.Export export : page.exports()) {
            MenuItem item = new MenuItem(messages.get(export.labelKey()));
            item.setOnAction(e -> FileDialogs.save(stage, messages, messages.get(export.labelKey()), export.suggestedName(),
                    export.extension()).ifPresent(export.write()));
            exports.add(item);
        }
        for (Page.Animation animation : page.animations()) {
            MenuItem item = new MenuItem(messages.get(animation.labelKey()));
            item.setId("menu-export-gif");
            item.setOnAction(e -> GifExportDialog.ask(stage, messages, animation));
            exports.add(item);
        }
        Menu export = new Menu(messages.get("menu.export"));
        export.getItems().setAll(exports);
        export.setDisable(exports.isEmpty());
        MenuItem quit = new MenuItem(messages.get("menu.quit"));
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        file.getItems().addAll(export, new SeparatorMenuItem(), quit);

        Menu view = new Menu(messages.get("menu.view"));
        Menu language = new Menu(messages.get("menu.language"));
        ToggleGroup languages = new ToggleGroup();
        for (Locale locale : List.of(Messages.ENGLISH, Messages.VIETNAMESE)) {
            RadioMenuItem item = new RadioMenuItem(messages.get("language." + locale.getLanguage()));
            item.setId("menu-language-" + locale.getLanguage());
            item.setToggleGroup(languages);
            item.setSelected(locale.getLanguage().equals(messages.locale().getLanguage()));
            item.setOnAction(e -> switchLanguage(locale));
            language.getItems().add(item);
        }
        CheckMenuItem dark = new CheckMenuItem(messages.get("menu.dark"));
        dark.setSelected(theme == Theme.DARK);
        dark.setOnAction(e -> setTheme(theme == Theme.DARK ? Theme.LIGHT : Theme.DARK));
        CheckMenuItem present = new CheckMenuItem(messages.get("menu.presentation"));
        present.setId("menu-presentation");
        present.setAccelerator(KeyCombination.keyCombination("F5"));
        present.setSelected(presentation);
        present.setOnAction(e -> setPresentation(!presentation));
        Menu size = new Menu(messages.get("menu.presentationSize"));
        ToggleGroup sizes = new ToggleGroup();
        for (double scale : Settings.PRESENTATION_SCALES) {
            RadioMenuItem item = new RadioMenuItem(messages.format("menu.presentationSize.percent", Math.round(scale * 100)));
            item.setId("menu-presentation-size-" + Math.round(scale * 100));
            item.setToggleGroup(sizes);
            item.setSelected(Math.abs(scale - presentationScale) < 1e-9);
            item.setOnAction(e -> setPresentationScale(scale));
            size.getItems().add(item);
        }
        CheckMenuItem fullScreen = new CheckMenuItem(messages.get("menu.fullScreen"));
        fullScreen.setId("menu-full-screen");
        fullScreen.setAccelerator(KeyCombination.keyCombination("F11"));
        fullScreen.setSelected(stage.isFullScreen());
        fullScreen.setOnAction(e -> stage.setFullScreen(!stage.isFullScreen()));
        stage.fullScreenProperty().addListener((obs, old, on) -> fullScreen.setSelected(on));
        view.getItems().addAll(language, dark, new SeparatorMenuItem(), present, size, fullScreen);

        Menu help = new Menu(messages.get("menu.help"));
        MenuItem keys = new MenuItem(messages.get("menu.keys"));
        keys.setOnAction(e -> AboutDialog.showKeys(stage, messages));
        MenuItem about = new MenuItem(messages.get("menu.about"));
        about.setId("menu-about");
        about.setOnAction(e -> AboutDialog.show(stage, messages));
        help.getItems().addAll(keys, about);
        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    public void setTheme(Theme value) {
        theme = value;
        Settings.setTheme(theme);
        applyStyles();
        build(messages); // charts and canvases draw their own colours: rebuild them in the new theme
    }

    public void setPresentation(boolean on) {
        presentation = on;
        Settings.setPresentation(presentation);
        applyStyles();
        build(messages); // charts draw their own text: rebuild them at the new size
    }

    /** Presentation mode's type size (1.25 to 2 times the normal size). */
    public void setPresentationScale(double scale) {
        presentationScale = scale;
        Settings.setPresentationScale(scale);
        if (presentation) {
            applyStyles();
            build(messages);
        } else {
            root.setTop(menuBar(current.stream().filter(p -> p.id().equals(currentId)).findFirst().orElse(current.get(0))));
        }
    }

    public boolean isPresentation() {
        return presentation;
    }

    private void rememberBounds() {
        if (!stage.isFullScreen() && !stage.isMaximized() && !stage.isIconified()) {
            Settings.setWindowBounds(new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
        }
    }

    public void switchLanguage(Locale locale) {
        Settings.setLocale(locale);
        build(new Messages(locale));
    }

    private void applyStyles() {
        double scale = presentation ? presentationScale : 1;
        Charts.setFontScale(scale);
        Theme.use(theme);
        root.setStyle("-fx-font-size: " + FONT_SIZE * scale + "px;");
        scene.getStylesheets().setAll(getClass().getResource(CSS).toExternalForm());
        if (theme == Theme.DARK) {
            scene.getStylesheets().add(getClass().getResource(DARK_CSS).toExternalForm());
        }
        if (presentation) {
            scene.getStylesheets().add(getClass().getResource(PRESENTATION_CSS).toExternalForm());
        }
    }
}
