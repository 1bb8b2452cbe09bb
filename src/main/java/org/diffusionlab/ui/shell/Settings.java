package org.diffusionlab.ui.shell;

import java.util.Locale;
import java.util.prefs.Preferences;

import org.diffusionlab.ui.common.Messages;

/** The user's display choices, remembered between runs: language, theme, presentation mode. */
public final class Settings {
    public enum Theme { LIGHT, DARK }

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
}
