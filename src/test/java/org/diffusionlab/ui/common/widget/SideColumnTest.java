package org.diffusionlab.ui.common.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.diffusionlab.ui.common.LayoutAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A side column too short for its sections folds the tallest, opens one on a click, and needs no scroll bar. */
@ExtendWith(ApplicationExtension.class)
class SideColumnTest {
    private VBox tall;
    private VBox small;
    private VBox other;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        tall = Controls.section("Tall", buttons("t", 5));
        small = Controls.section("Small", buttons("s", 1));
        other = Controls.section("Other", buttons("o", 3));
        SideColumn column = new SideColumn();
        column.setSections(new VBox(12, tall, small, other));
        stage.setScene(new Scene(column, 260, 320));
        stage.show();
    }

    private static Button[] buttons(String prefix, int count) {
        Button[] buttons = new Button[count];
        for (int i = 0; i < count; i++) {
            buttons[i] = new Button(prefix + i);
            buttons[i].setId(prefix + i);
        }
        return buttons;
    }

    private static boolean open(VBox section) {
        return !SideColumn.isFolded(section) && section.getChildren().get(1).isVisible();
    }

    @Test
    void theTallestSectionFoldsAndOpensOnAClick(FxRobot robot) {
        assertFalse(open(tall), "five buttons do not fit 320 pixels with the rest");
        assertTrue(open(small) && open(other));
        assertEquals(List.of(), LayoutAudit.faults(stage.getScene()), "nothing needs scrolling");
        robot.clickOn((Label) tall.getChildren().get(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(open(tall), "the user's choice opens");
        assertFalse(open(other), "and another folds to make room");
        assertEquals(List.of(), LayoutAudit.faults(stage.getScene()));
        robot.interact(() -> stage.setHeight(900));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(open(tall) && open(small) && open(other), "with room, everything opens again");
    }
}
