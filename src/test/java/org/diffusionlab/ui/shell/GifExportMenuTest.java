package org.diffusionlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.diffusionlab.app.DiffusionLabApp;
import org.diffusionlab.core.io.GifReadBack;
import org.diffusionlab.ui.common.Page;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.widget.FileDialogs;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.diffusionlab.ui.forward.ForwardView;
import org.diffusionlab.ui.forward.ForwardViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Export → Chain as GIF… on the Forward view: the dialog's settings reach the file. */
@ExtendWith(ApplicationExtension.class)
class GifExportMenuTest {
    @TempDir
    Path dir;
    private ForwardViewModel forward;
    private final List<String> asked = new ArrayList<>();

    @Start
    void start(Stage stage) {
        DiffusionLabApp.loadFonts();
        Settings.setLocale(Messages.ENGLISH);
        forward = new ForwardViewModel(new ImmediateWorker());
        forward.showDigit(7);
        forward.stepsProperty().set(300);
        new MainWindow(stage, messages -> List.<Page>of(new ForwardView(forward, messages)));
        stage.show();
    }

    @AfterEach
    void nativeDialogsAgain() {
        FileDialogs.useSaveChooser(null);
    }

    private void saveTo(Path file) {
        FileDialogs.useSaveChooser((owner, messages, title, suggested, extension) -> {
            asked.add(suggested + "|" + extension);
            return Optional.ofNullable(file);
        });
    }

    private void chooseInDialog(FxRobot robot, int frames, int delay, boolean labels) {
        robot.interact(() -> MainWindowTest.menuItem(robot, "menu-export-gif").fire());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#gif-frames .text-field").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write(Integer.toString(frames));
        robot.clickOn("#gif-delay .text-field").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write(Integer.toString(delay));
        CheckBox label = robot.lookup("#gif-labels").queryAs(CheckBox.class);
        if (label.isSelected() != labels) {
            robot.clickOn(label);
        }
        robot.clickOn("#gif-ok");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theMenuExportsTheForwardChainWithTheChosenFramesAndDelay(FxRobot robot) throws Exception {
        Path file = dir.resolve("lesson.gif");
        saveTo(file);
        chooseInDialog(robot, 40, 120, true);
        assertEquals(List.of("forward-chain.gif|gif"), asked);
        GifReadBack gif = GifReadBack.read(file);
        assertEquals(40, gif.frames());
        assertTrue(gif.delaysCentiseconds().stream().allMatch(d -> d == 12), gif.delaysCentiseconds().toString());
        assertArrayEquals(new byte[] {1, 0, 0}, gif.loopBlock());
        int side = gif.images().get(0).getWidth();
        assertEquals(0, side % 28, "the 28-pixel digit scaled by a whole factor: " + side);
        assertTrue(side >= 2 * 28, "at the size the view shows x_t, not 28 pixels: " + side);
        assertTrue(gif.images().get(0).getHeight() > side, "a band with the label t");
        assertTrue(robot.lookup("#forward-notice").queryAs(Label.class).getText().contains("lesson.gif"));
    }

    @Test
    void cancellingTheFileChooserWritesNothing(FxRobot robot) throws Exception {
        saveTo(null);
        chooseInDialog(robot, 20, 80, false);
        assertEquals(1, asked.size());
        try (var listing = Files.list(dir)) {
            assertEquals(0, listing.count());
        }
    }

    @Test
    void aFailedWriteSaysWhyInWordsAndKeepsTheOldFile(FxRobot robot) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("notes"), "a file, not a folder");
        saveTo(notAFolder.resolve("chain.gif"));
        chooseInDialog(robot, 20, 80, false);
        String notice = robot.lookup("#forward-notice").queryAs(Label.class).getText();
        assertTrue(notice.startsWith("Could not write chain.gif"), notice);
        assertFalse(notice.contains("Exception"), notice);
        assertEquals("a file, not a folder", Files.readString(notAFolder));
    }
}
