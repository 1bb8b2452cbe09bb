package org.diffusionlab.ui.common;

import java.util.function.Consumer;

import javafx.beans.value.ObservableValue;

/** Runs an action with a value's current content and again whenever it changes (null-safe). */
public final class Observe {
    private Observe() {
    }

    public static <T> void now(ObservableValue<T> value, Consumer<T> action) {
        value.addListener((obs, old, current) -> action.accept(current));
        action.accept(value.getValue());
    }

    /** As {@link #now}, skipping nulls. */
    public static <T> void present(ObservableValue<T> value, Consumer<T> action) {
        now(value, current -> {
            if (current != null) {
                action.accept(current);
            }
        });
    }
}
