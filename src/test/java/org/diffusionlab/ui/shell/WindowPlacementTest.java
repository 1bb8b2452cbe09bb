package org.diffusionlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import javafx.geometry.Rectangle2D;

import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    /** A 1280×720 projector with a 40-pixel task bar: the visual bounds the window may use. */
    private static final Rectangle2D PROJECTOR = new Rectangle2D(0, 0, 1280, 680);
    private static final Rectangle2D SECOND = new Rectangle2D(1280, 0, 1920, 1040);

    @Test
    void aFirstRunFillsThePrimaryScreensVisualBounds() {
        assertEquals(PROJECTOR, WindowPlacement.place(null, List.of(PROJECTOR, SECOND)));
    }

    @Test
    void aWindowSavedOnABiggerScreenIsClampedToTheProjector() {
        Rectangle2D saved = new Rectangle2D(100, 50, 1280, 800); // the old fixed size, on a 1080-line monitor
        assertEquals(new Rectangle2D(0, 0, 1280, 680), WindowPlacement.place(saved, List.of(PROJECTOR)));
    }

    @Test
    void aWindowOnAScreenThatIsGoneOpensOnThePrimaryOne() {
        Rectangle2D saved = new Rectangle2D(1500, 100, 1200, 800);
        assertEquals(PROJECTOR, WindowPlacement.place(saved, List.of(PROJECTOR)));
    }

    @Test
    void aWindowThatFitsComesBackWhereItWas() {
        Rectangle2D saved = new Rectangle2D(1400, 60, 1500, 900);
        assertEquals(saved, WindowPlacement.place(saved, List.of(PROJECTOR, SECOND)));
    }

    @Test
    void aTinySavedWindowGrowsToTheMinimumButNeverPastTheScreen() {
        Rectangle2D saved = new Rectangle2D(10, 10, 300, 200);
        assertEquals(new Rectangle2D(10, 10, 1024, 600), WindowPlacement.place(saved, List.of(PROJECTOR)));
        Rectangle2D small = new Rectangle2D(0, 0, 1000, 560);
        assertEquals(small, WindowPlacement.place(saved, List.of(small)), "the minimum shrinks on a small screen");
    }
}
