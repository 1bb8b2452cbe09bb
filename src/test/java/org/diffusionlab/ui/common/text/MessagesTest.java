package org.diffusionlab.ui.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Both languages say everything, and every pattern is a valid MessageFormat. */
class MessagesTest {
    private static Set<String> keys(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.diffusionlab.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new TreeSet<>(Collections.list(bundle.getKeys()));
    }

    @Test
    void englishAndVietnameseHaveTheSameKeys() {
        Set<String> english = keys(Messages.ENGLISH);
        Set<String> vietnamese = keys(Messages.VIETNAMESE);
        assertFalse(english.isEmpty());
        assertEquals(english, vietnamese);
    }

    @Test
    void everyPatternFormats() {
        for (Locale locale : new Locale[] {Messages.ENGLISH, Messages.VIETNAMESE}) {
            Messages messages = new Messages(locale);
            for (String key : keys(locale)) {
                String text = messages.get(key);
                new MessageFormat(text, locale).format(new Object[] {"a", "b", "c", "d", "e", "f", "g"});
                assertFalse(text.contains("''") && !text.contains("'''"), key + " has a doubled quote");
            }
        }
        assertEquals("Ready. Keys: Space play/pause, ←/→ step, Home/End jump.", new Messages(Messages.ENGLISH).get("status.ready"));
    }
}
