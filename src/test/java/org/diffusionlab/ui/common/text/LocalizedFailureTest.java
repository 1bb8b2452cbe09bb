package org.diffusionlab.ui.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.io.WriteFailedException;
import org.junit.jupiter.api.Test;

/** A failed job's message, in both languages, never carries an exception's class name. */
class LocalizedFailureTest {
    @Test
    void failuresAreWordedWithoutClassNames() {
        List<Exception> failures = List.of(new BadInputException("m.zip: the file is empty"),
                new WriteFailedException(Path.of("/x/out.zip"), new AccessDeniedException("/x/.out.zip123.part")),
                new IllegalStateException("the run was already started"), new NullPointerException());
        for (Locale locale : List.of(Messages.ENGLISH, Messages.VIETNAMESE)) {
            Messages messages = new Messages(locale);
            for (Exception e : failures) {
                Localized failure = Localized.failure(e);
                String text = failure.render(messages);
                assertTrue(failure.error());
                assertFalse(text.isBlank() || text.matches(".*[A-Z]\\w*(Exception|Error)\\b.*") || text.contains(".part"), text);
            }
        }
        assertEquals("/x/out.zip: could not be written (permission denied)",
                Localized.failure(new WriteFailedException(Path.of("/x/out.zip"), new AccessDeniedException("p")))
                        .render(new Messages(Messages.ENGLISH)));
    }
}
