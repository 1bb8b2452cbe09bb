package org.diffusionlab.ui.shell;

import java.util.Locale;
import java.util.prefs.Preferences;

import javafx.geometry.Rectangle2D;

import org.diffusionlab.ui.common.Theme;
import org.diffusionlab.ui.common.text.Messages;

/**
 * The user's display choices, remembered between runs: language, theme, presentation mode and its type size,
 * the window's place, and the replay speed of a computed reverse chain.
 */
public final class Settings {
    private static final Preferences PREFERENCES = Preferences.userRoot().node("org/diffusionlab");

    private Settings() {
    }

    public static Locale locale() {
        String tag = PREFERENCES.get("language", Locale.getDefault().getLanguage().equals("vi") ? "vi" : "en");
        return tag.equals("vi") ? Messages.VIETNAMESE : Messages.ENGLISH;
    }

    public static void setLocale(Locale locale) {
        PREFERENCES.put("language", locale.getLanguage());
    }

    public static Theme theme() {
        return PREFERENCES.get("theme", "LIGHT").equals("DARK") ? Theme.DARK : Theme.LIGHT;
    }

    public static void setTheme(Theme theme) {
        PREFERENCES.put("theme", theme.name());
    }

    public static boolean presentation() {
        return PREFERENCES.getBoolean("presentation", false);
    }

    public static void setPresentation(boolean on) {
        PREFERENCES.putBoolean("presentation", on);
    }

    /** Presentation mode's type size, as a factor of the normal size: 1.25 to 2. */
    public static double presentationScale() {
        return clampScale(PREFERENCES.getDouble("presentationScale", DEFAULT_PRESENTATION_SCALE));
    }

    public static void setPresentationScale(double scale) {
        PREFERENCES.putDouble("presentationScale", clampScale(scale));
    }

    public static final double DEFAULT_PRESENTATION_SCALE = 1.25;
    public static final double[] PRESENTATION_SCALES = {1.25, 1.5, 1.75, 2};

    private static double clampScale(double scale) {
        return Math.max(1.25, Math.min(2, scale));
    }

    /** The window's last bounds, or null if none were saved. */
    public static Rectangle2D windowBounds() {
        double width = PREFERENCES.getDouble("window.width", 0);
        double height = PREFERENCES.getDouble("window.height", 0);
        if (width <= 0 || height <= 0) {
            return null;
        }
        return new Rectangle2D(PREFERENCES.getDouble("window.x", 0), PREFERENCES.getDouble("window.y", 0), width, height);
    }

    public static void setWindowBounds(Rectangle2D bounds) {
        PREFERENCES.putDouble("window.x", bounds.getMinX());
        PREFERENCES.putDouble("window.y", bounds.getMinY());
        PREFERENCES.putDouble("window.width", bounds.getWidth());
        PREFERENCES.putDouble("window.height", bounds.getHeight());
    }
}
