package org.diffusionlab.ui.shell;

import java.util.List;

import javafx.geometry.Rectangle2D;

/**
 * Where the window opens: where it was last time if that still lies on a screen (clamped to that screen's
 * visual bounds — a projector may have replaced the monitor), otherwise filling the primary screen's visual
 * bounds. Never larger than the screen it is on; the minimum size shrinks to fit a small screen too.
 */
final class WindowPlacement {
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 600;

    private WindowPlacement() {
    }

    /** The bounds to open with; {@code saved} is null on a first run. The first screen is the primary one. */
    static Rectangle2D place(Rectangle2D saved, List<Rectangle2D> screens) {
        Rectangle2D primary = screens.get(0);
        if (saved == null || saved.getWidth() <= 0 || saved.getHeight() <= 0) {
            return primary;
        }
        Rectangle2D screen = screens.stream().filter(s -> s.contains(saved.getMinX() + saved.getWidth() / 2,
                saved.getMinY() + saved.getHeight() / 2)).findFirst()
                .orElse(screens.stream().filter(s -> s.intersects(saved)).findFirst().orElse(null));
        if (screen == null) {
            return primary;
        }
        double width = clamp(saved.getWidth(), minimum(MIN_WIDTH, screen.getWidth()), screen.getWidth());
        double height = clamp(saved.getHeight(), minimum(MIN_HEIGHT, screen.getHeight()), screen.getHeight());
        double x = clamp(saved.getMinX(), screen.getMinX(), screen.getMaxX() - width);
        double y = clamp(saved.getMinY(), screen.getMinY(), screen.getMaxY() - height);
        return new Rectangle2D(x, y, width, height);
    }

    /** The minimum size on this screen: the app's minimum, or the whole screen if that is smaller. */
    static double minimum(double wanted, double screen) {
        return Math.min(wanted, screen);
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
