package org.diffusionlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

import org.diffusionlab.app.DiffusionLabApp;
import org.diffusionlab.ui.common.Page;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.diffusionlab.ui.forward.ForwardView;
import org.diffusionlab.ui.forward.ForwardViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;
    private ForwardViewModel forward;

    @Start
    void start(Stage stage) {
        DiffusionLabApp.loadFonts();
        Settings.setLocale(Messages.ENGLISH);
        Settings.setPresentation(false); // the preferences are the machine's: start from the defaults
        Settings.setTheme(org.diffusionlab.ui.common.Theme.LIGHT);
        forward = new ForwardViewModel(new ImmediateWorker());
        forward.showDigit(1);
        window = new MainWindow(stage, messages -> List.<Page>of(new ForwardView(forward, messages)));
        stage.show();
    }

    @AfterEach
    void englishAgain() {
        Settings.setLocale(Messages.ENGLISH);
        Settings.setPresentation(false);
        Settings.setPresentationScale(Settings.DEFAULT_PRESENTATION_SCALE);
    }

    /** The menu item with this id; menu popups are not reliably clickable under headless Monocle, so tests fire items. */
    static MenuItem menuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> items(m).stream()).filter(i -> id.equals(i.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + id));
    }

    private static List<MenuItem> items(MenuItem item) {
        List<MenuItem> all = new ArrayList<>(List.of(item));
        if (item instanceof Menu menu) {
            menu.getItems().forEach(child -> all.addAll(items(child)));
        }
        return all;
    }

    @Test
    void fullScreenIsF11AndPresentationIsF5InTheViewMenu(FxRobot robot) {
        MenuItem fullScreen = menuItem(robot, "menu-full-screen");
        assertEquals(KeyCombination.keyCombination("F11"), fullScreen.getAccelerator());
        assertEquals(KeyCombination.keyCombination("F5"), menuItem(robot, "menu-presentation").getAccelerator());
        // (headless Monocle has no full screen to enter; the item calls Stage.setFullScreen, checked on Xvfb)
        robot.interact(() -> menuItem(robot, "menu-presentation").fire());
        assertTrue(window.isPresentation());
        robot.interact(() -> menuItem(robot, "menu-presentation-size-150").fire());
        String style = robot.lookup("#app-root").query().getStyle();
        assertTrue(style.contains("19.5px"), "150% of the 13-pixel type: " + style);
        robot.interact(() -> window.setPresentation(false));
        assertTrue(robot.lookup("#app-root").query().getStyle().contains("13.0px"));
    }

    @Test
    void theWindowNeverOpensLargerThanTheScreen(FxRobot robot) {
        Stage stage = (Stage) robot.lookup("#menu-bar").query().getScene().getWindow();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertTrue(stage.getWidth() <= screen.getWidth() && stage.getHeight() <= screen.getHeight(),
                stage.getWidth() + "×" + stage.getHeight() + " on " + screen);
    }

    @Test
    void switchingToVietnameseRelabelsTheWindowAndKeepsTheLesson(FxRobot robot) {
        robot.interact(() -> forward.playback().seek(321));
        var sourceBefore = forward.sourceProperty().get();
        assertEquals("Forward", robot.lookup("#nav-forward").queryAs(ToggleButton.class).getText());
        robot.interact(() -> menuItem(robot, "menu-language-vi").fire());
        assertEquals("Khuếch tán thuận", robot.lookup("#nav-forward").queryAs(ToggleButton.class).getText());
        assertTrue(robot.lookup("#forward-source-description").queryAs(Label.class).getText().startsWith("Chữ số MNIST"));
        assertEquals(321, forward.t(), "the view-model, and so the lesson, survives the switch");
        assertSame(sourceBefore, forward.sourceProperty().get());
        assertEquals("x₃₂₁  (t = 321)", robot.lookup(".image-caption").nth(1).queryAs(Label.class).getText());
    }
}
