package org.diffusionlab.ui.common;

import java.util.List;

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
    public static Localized problem(org.diffusionlab.core.BadInputException e) {
        return e.reason() == null ? plainError(e.getMessage()) : new Localized("error." + e.reason(), List.of(e.arguments()), true);
    }

    /** What a view-model says when work failed: bad input in the reader's words, anything else as unexpected. */
    public static Localized failure(Exception e) {
        if (e instanceof org.diffusionlab.core.BadInputException bad) {
            return problem(bad);
        }
        return e instanceof IllegalArgumentException ? plainError(e.getMessage()) : error("message.unexpected", e.toString());
    }

    /** Plain text that needs no translation, e.g. a core error naming a file. */
    public static Localized plainError(String text) {
        return new Localized("message.plain", List.of(text), true);
    }

    public boolean isEmpty() {
        return this.equals(NONE);
    }

    public String render(Messages messages) {
        return messages.format(key, arguments.toArray());
    }
}
