package org.diffusionlab.ui.common.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The UI's words in the chosen language (messages.properties, messages_vi.properties; UTF-8). */
public final class Messages {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String BUNDLE = "org.diffusionlab.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "‹" + key + "›";
        }
    }

    /** The message with its arguments; {@link Numbers.Shown} arguments in this language's number convention. */
    public String format(String key, Object... arguments) {
        Object[] shown = arguments.clone();
        Numbers numbers = Numbers.of(locale);
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Numbers.Shown number) {
                shown[i] = number.render(numbers);
            } else if (shown[i] instanceof Localized sentence) {
                shown[i] = sentence.render(this);
            }
        }
        return new MessageFormat(get(key), locale).format(shown);
    }

    public Numbers numbers() {
        return Numbers.of(locale);
    }
}
