package org.diffusionlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.stage.Stage;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.nn.DenoiserSpec;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.ui.common.LayoutAudit;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.Page;
import org.diffusionlab.ui.common.Theme;
import org.diffusionlab.ui.common.ThemeAudit;
import org.diffusionlab.ui.common.TipAudit;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.diffusionlab.ui.elbo.ElboView;
import org.diffusionlab.ui.elbo.ElboViewModel;
import org.diffusionlab.ui.elbo.JensenViewModel;
import org.diffusionlab.ui.elbo.RealModelsViewModel;
import org.diffusionlab.ui.forward.ForwardView;
import org.diffusionlab.ui.forward.ForwardViewModel;
import org.diffusionlab.ui.latent.LatentView;
import org.diffusionlab.ui.latent.LatentViewModel;
import org.diffusionlab.ui.reverse.ReverseView;
import org.diffusionlab.ui.reverse.ReverseViewModel;
import org.diffusionlab.ui.shell.MainWindow;
import org.diffusionlab.ui.shell.Settings;
import org.diffusionlab.ui.train.DiffusionSetup;
import org.diffusionlab.ui.train.TrainView;
import org.diffusionlab.ui.train.TrainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every view as a classroom projector shows it — 1280×720, both languages, both themes, normal and presentation
 * mode — audited by {@link LayoutAudit}: no truncated text, no control off the window, no scrolling to reach a control.
 * A new view joins with one line in {@link #cases()}.
 */
@ExtendWith(ApplicationExtension.class)
class ClassroomLayoutTest {
    static final double WIDTH = 1280;
    static final double HEIGHT = 720;
    /** Where to save a picture of each configuration, if anywhere (-Dlayout.snapshots=DIR, -Dlayout.only=TEXT). */
    static final java.nio.file.Path SNAPSHOTS = System.getProperty("layout.snapshots") == null ? null
            : java.nio.file.Path.of(System.getProperty("layout.snapshots"));

    /** One view in one state: the page id and what to set before it is looked at. */
    record Case(String name, String page, Runnable setup) {
    }

    private final ModelShelf<Vae> vaes = new ModelShelf<>();
    private final ModelShelf<DiffusionModel> diffusions = new ModelShelf<>();
    private ForwardViewModel forward;
    private TrainViewModel train;
    private LatentViewModel latent;
    private ReverseViewModel reverse;
    private final ElboViewModel elbo = new ElboViewModel();
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        DiffusionLabApp.loadFonts();
        Settings.setLocale(Messages.ENGLISH);
        Settings.setTheme(Theme.LIGHT);
        Settings.setPresentation(false);
        ImmediateWorker worker = new ImmediateWorker();
        vaes.put("digits z2", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "test"),
                Vae.initial(VaeArchitecture.digits(List.of(32), 2), 3));
        diffusions.put("tiny digits", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "test"),
                new DiffusionModel(new DenoiserSpec.UNetSpec(28, 8, 4, 16, true).build(1), NoiseSchedule.linear(1000), "digits"));
        diffusions.put("tiny moons", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "test"),
                new DiffusionModel(new DenoiserSpec.MlpSpec(2, 32, 2, 16).build(1), NoiseSchedule.linear(20), "two-moons"));
        forward = new ForwardViewModel(worker);
        forward.showDigit(1);
        train = new TrainViewModel(worker, vaes, diffusions);
        latent = new LatentViewModel(worker, vaes);
        reverse = new ReverseViewModel(worker, diffusions);
        window = new MainWindow(stage, messages -> List.<Page>of(new ForwardView(forward, messages),
                new ReverseView(reverse, messages), new TrainView(train, messages), new LatentView(latent, messages),
                new ElboView(elbo, new JensenViewModel(worker, elbo), new RealModelsViewModel(worker, vaes, diffusions), messages)));
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
        stage.show();
    }

    @AfterEach
    void defaultsAgain() {
        Settings.setLocale(Messages.ENGLISH);
        Settings.setTheme(Theme.LIGHT);
        Settings.setPresentation(false);
    }

    List<Case> cases() {
        return List.of(
                new Case("Forward", "forward", () -> forward.playback().seek(500)),
                new Case("Train VAE", "train", () -> train.kindProperty().set(TrainViewModel.Kind.VAE)),
                new Case("Train diffusion", "train", () -> train.kindProperty().set(TrainViewModel.Kind.DIFFUSION)),
                new Case("Latent", "latent", () -> latent.modelProperty().set(vaes.entries().get(0))),
                new Case("Reverse digits", "reverse", () -> reverse.modelProperty().set(diffusions.entries().get(0))),
                new Case("Reverse 2-D", "reverse", () -> reverse.modelProperty().set(diffusions.entries().get(1))),
                new Case("ELBO", "elbo", () -> { }));
    }

    @Test
    void theStatusLineNamesOnlyTheKeysAViewAnswersTo(FxRobot robot) {
        for (String page : List.of("forward", "reverse", "train", "latent", "elbo")) {
            robot.interact(() -> window.show(page));
            String status = robot.lookup("#status-line").queryAs(javafx.scene.control.Label.class).getText();
            boolean plays = page.equals("forward") || page.equals("reverse");
            assertEquals(plays, status.contains("Space"), page + ": " + status);
        }
    }

    @Test
    void theTwoDimensionalElboSaysWhyItsReconstructionTermIsNegative(FxRobot robot) {
        robot.interact(() -> {
            train.kindProperty().set(TrainViewModel.Kind.DIFFUSION);
            train.diffusion().dataProperty().set("two-moons");
            window.show("train");
        });
        javafx.scene.control.Label note = robot.lookup("#train-density-note").queryAs(javafx.scene.control.Label.class);
        assertTrue(note.isVisible() && note.getText().contains("density"), note.getText());
        robot.interact(() -> train.diffusion().dataProperty().set(DiffusionSetup.DIGITS));
        assertTrue(!note.isVisible(), "images are discrete: no note");
    }

    @Test
    void everyChartAndLabelWearsTheThemeAtReadableContrast(FxRobot robot) {
        List<String> faults = new ArrayList<>();
        int charts = 0;
        for (Theme theme : Theme.all()) {
            for (boolean presentation : List.of(false, true)) {
                robot.interact(() -> {
                    window.setTheme(theme);
                    window.setPresentation(presentation);
                });
                for (Case c : cases()) {
                    robot.interact(() -> {
                        c.setup().run();
                        window.show(c.page());
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    List<String> found = new ArrayList<>();
                    int[] seen = new int[1];
                    robot.interact(() -> {
                        stage.getScene().getRoot().applyCss();
                        stage.getScene().getRoot().layout();
                        found.addAll(ThemeAudit.faults(stage.getScene(), theme));
                        seen[0] = ThemeAudit.charts(stage.getScene()).size();
                    });
                    charts += seen[0];
                    String where = c.name() + " · " + theme + (presentation ? " · presentation" : "") + ": ";
                    found.stream().distinct().forEach(f -> faults.add(where + f));
                }
            }
        }
        assertTrue(charts >= 4 * 5, "the audit saw the views' charts: " + charts);
        assertTrue(faults.isEmpty(), faults.size() + " theme faults, the first:\n"
                + String.join("\n", faults.subList(0, Math.min(40, faults.size()))));
    }

    @Test
    void everyControlNumberAndSeriesExplainsItselfInBothLanguages(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1920); // the side columns fold fewer sections: more controls on screen to check
            stage.setHeight(1080);
        });
        List<String> faults = new ArrayList<>();
        int[] tips = {0};
        for (Locale language : List.of(Messages.ENGLISH, Messages.VIETNAMESE)) {
            robot.interact(() -> window.switchLanguage(language));
            for (Case c : cases()) {
                robot.interact(() -> {
                    c.setup().run();
                    window.show(c.page());
                });
                WaitForAsyncUtils.waitForFxEvents();
                onEveryTab(robot, c, tab -> {
                    int[] counted = new int[1];
                    List<String> found = new ArrayList<>();
                    robot.interact(() -> {
                        stage.getScene().getRoot().applyCss();
                        stage.getScene().getRoot().layout();
                        found.addAll(TipAudit.faults(stage.getScene(), window.messages(), counted));
                    });
                    tips[0] += counted[0];
                    String where = c.name() + tab + " · " + language.getLanguage() + ": ";
                    if (counted[0] < 10) {
                        faults.add(where + "only " + counted[0] + " tips");
                    }
                    found.stream().distinct().forEach(f -> faults.add(where + f));
                });
            }
        }
        assertTrue(faults.isEmpty(), faults.size() + " faults in " + tips[0] + " tips, the first:\n"
                + String.join("\n", faults.subList(0, Math.min(Integer.getInteger("tips.shown", 60), faults.size()))));
    }

    @Test
    void movingASliderChangesTheValueItsTipStates(FxRobot robot) {
        for (Locale language : List.of(Messages.ENGLISH, Messages.VIETNAMESE)) {
            robot.interact(() -> {
                window.switchLanguage(language);
                latent.modelProperty().set(vaes.entries().get(0));
                window.show("latent");
            });
            javafx.scene.control.Slider z1 = robot.lookup("#latent-slider-1").queryAs(javafx.scene.control.Slider.class);
            robot.interact(() -> z1.setValue(1.25));
            String before = z1.getTooltip().getText();
            robot.interact(() -> z1.setValue(-2.5));
            String after = z1.getTooltip().getText();
            String decimal = language == Messages.ENGLISH ? "." : ",";
            assertTrue(before.contains("1" + decimal + "25") && !before.contains("2" + decimal + "5"), before);
            assertTrue(after.contains("−2" + decimal + "5") && !after.contains("1" + decimal + "25"), after);
            assertTrue(after.startsWith(window.messages().get("tip.latent.z")), after);

            robot.interact(() -> window.show("forward"));
            javafx.scene.control.Slider t = robot.lookup("#playback-scrub").queryAs(javafx.scene.control.Slider.class);
            robot.interact(() -> t.setValue(734));
            assertEquals(734, forward.t());
            assertTrue(t.getTooltip().getText().contains("734") && !t.getTooltip().getText().contains("500"), t.getTooltip().getText());
            robot.interact(() -> t.setValue(500));
        }
    }

    @Test
    void everyViewFitsAClassroomProjector(FxRobot robot) {
        audit(robot, WIDTH, HEIGHT, List.of(false, true));
    }

    /**
     * A drawn digit adds results to the real-VAE panel (the drawing's own figures, the refinements, the timing): at
     * 1280×720 they still fit, in both languages, with nothing cut off and no scroll bar on the panel's column.
     */
    @Test
    void theRealVaePanelFitsWithADrawnDigit(FxRobot robot) {
        List<String> faults = new ArrayList<>();
        for (Locale language : List.of(Messages.ENGLISH, Messages.VIETNAMESE)) {
            for (boolean presentation : List.of(false, true)) {
                robot.interact(() -> {
                    window.switchLanguage(language);
                    window.setPresentation(presentation);
                    window.show("elbo");
                });
                robot.clickOn("#elbo-tab-vae");
                robot.clickOn("#elbo-input-drawing");
                javafx.scene.Node pad = robot.lookup("#elbo-drawing").query();
                robot.drag(pad, javafx.scene.input.MouseButton.PRIMARY).moveBy(0, 30).moveBy(15, 10).drop();
                WaitForAsyncUtils.waitForFxEvents();
                String where = "real VAE, drawn · " + language.getLanguage() + (presentation ? " · presentation" : "") + ": ";
                List<String> found = new ArrayList<>();
                robot.interact(() -> {
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                    if (SNAPSHOTS != null) {
                        Snapshots.save(stage.getScene(), SNAPSHOTS.resolve(where.replaceAll("[^A-Za-z0-9]+", "-") + ".png"));
                    }
                    assertTrue(robot.lookup("#elbo-vae-figures").queryLabeled().getText().contains("log p(x)"),
                            "the drawing's results are shown");
                    found.addAll(LayoutAudit.faults(stage.getScene()));
                    javafx.scene.Node column = robot.lookup("#elbo-real-vae").query();
                    for (javafx.scene.Node bar : column.lookupAll(".scroll-bar")) {
                        if (bar.isVisible() && ((javafx.scene.control.ScrollBar) bar).getOrientation()
                                == javafx.geometry.Orientation.VERTICAL) {
                            found.add("a scroll bar on the panel's column");
                        }
                    }
                });
                found.forEach(f -> faults.add(where + f));
                robot.interact(() -> robot.lookup("#elbo-tabs").queryAs(javafx.scene.control.TabPane.class)
                        .getSelectionModel().select(0));
            }
        }
        faults.forEach(System.out::println);
        assertTrue(faults.isEmpty(), faults.size() + " faults:\n" + String.join("\n", faults));
    }

    @Test
    void presentationModeFitsAFullHdProjectorToo(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
        audit(robot, 1920, 1080, List.of(true));
    }

    private void audit(FxRobot robot, double width, double height, List<Boolean> modes) {
        assertEquals(width + "×" + height, stage.getScene().getWidth() + "×" + stage.getScene().getHeight());
        List<String> faults = new ArrayList<>();
        for (Locale language : List.of(Messages.ENGLISH, Messages.VIETNAMESE)) {
            for (Theme theme : Theme.all()) {
                for (boolean presentation : modes) {
                    robot.interact(() -> {
                        window.switchLanguage(language);
                        window.setTheme(theme);
                        window.setPresentation(presentation);
                    });
                    for (Case c : cases()) {
                        String configuration = c.name() + " · " + language.getLanguage() + " · " + theme
                                + (presentation ? " · presentation" : "") + ": ";
                        if (!configuration.contains(System.getProperty("layout.only", ""))) {
                            continue;
                        }
                        robot.interact(() -> {
                            c.setup().run();
                            window.show(c.page());
                        });
                        WaitForAsyncUtils.waitForFxEvents();
                        onEveryTab(robot, c, tab -> {
                            robot.interact(() -> stage.getScene().getRoot().layout());
                            String where = configuration + (tab.isEmpty() ? "" : tab.strip() + ": ");
                            if (SNAPSHOTS != null) {
                                robot.interact(() -> Snapshots.save(stage.getScene(), SNAPSHOTS.resolve(
                                        where.replaceAll("[^A-Za-z0-9]+", "-") + ".png")));
                            }
                            List<String> found = new ArrayList<>();
                            robot.interact(() -> found.addAll(LayoutAudit.faults(stage.getScene())));
                            found.forEach(f -> faults.add(where + f));
                        });
                    }
                }
            }
        }
        faults.forEach(System.out::println);
        assertTrue(faults.isEmpty(), faults.size() + " layout faults at " + width + "×" + height + ", the first:\n"
                + String.join("\n", faults.subList(0, Math.min(40, faults.size()))));
    }

    /** Runs {@code check} on the page as it is and, for the ELBO view, on each of its tabs in turn (" tab N"). */
    private void onEveryTab(FxRobot robot, Case c, java.util.function.Consumer<String> check) {
        javafx.scene.control.TabPane tabs = c.page().equals("elbo")
                ? robot.lookup("#elbo-tabs").queryAs(javafx.scene.control.TabPane.class) : null;
        for (int tab = 0; tab < (tabs == null ? 1 : tabs.getTabs().size()); tab++) {
            int index = tab;
            if (tabs != null) {
                robot.interact(() -> tabs.getSelectionModel().select(index));
                WaitForAsyncUtils.waitForFxEvents();
            }
            check.accept(tabs == null ? "" : " tab " + (index + 1));
        }
        if (tabs != null) {
            robot.interact(() -> tabs.getSelectionModel().select(0));
        }
    }
}
