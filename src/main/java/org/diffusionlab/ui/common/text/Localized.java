package org.diffusionlab.ui.common.text;

import java.io.IOException;
import java.util.List;

import org.diffusionlab.core.BadInputException;

/**
 * A sentence for the user that is not yet in any language: a message key with its arguments, or plain text
 * (e.g. a core error, which is written in English). View-models hold these; views render them, so switching
 * the language re-renders without touching any view-model state.
 */
public record Localized(String key, List<Object> arguments, boolean error) {
    public static final Localized NONE = new Localized("message.plain", List.of(""), false);

    public static Localized of(String key, Object... arguments) {
        return new Localized(key, List.of(arguments), false);
    }

    public static Localized error(String key, Object... arguments) {
        return new Localized(key, List.of(arguments), true);
    }

    /** A core error in the reader's language when it gives a reason ("error." + reason), else its English message. */
    public static Localized problem(BadInputException e) {
        return e.reason() == null ? plainError(e.getMessage()) : new Localized("error." + e.reason(), List.of(e.arguments()), true);
    }

    /** Plain text that needs no translation, e.g. a core error naming a file. */
    public static Localized plainError(String text) {
        return new Localized("message.plain", List.of(text), true);
    }

    /**
     * What a failed job tells the user: bad input in the reader's language where the reader gave a reason, else the
     * words of bad input, a bad argument or a failed read or write (naming the file), else "something went wrong"
     * with the message, never an exception's class name.
     */
    public static Localized failure(Exception e) {
        String message = e.getMessage();
        if (e instanceof BadInputException bad) {
            return problem(bad);
        }
        if (e instanceof IllegalArgumentException || e instanceof IOException) {
            return plainError(message == null ? "" : message);
        }
        return message == null || message.isBlank() ? error("message.internal") : error("message.unexpected", message);
    }

    public boolean isEmpty() {
        return this.equals(NONE);
    }

    public String render(Messages messages) {
        return messages.format(key, arguments.toArray());
    }
}
