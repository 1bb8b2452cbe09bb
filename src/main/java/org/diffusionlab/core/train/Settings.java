package org.diffusionlab.core.train;

import java.util.function.Consumer;

/**
 * A settings holder changed by name: each {@code with…} method returns an edited copy, so a holder once made never
 * changes and a new setting needs no line in any copy constructor (clone copies every field).
 */
abstract class Settings<S extends Settings<S>> implements Cloneable {

    /** A copy of these settings with {@code edit} applied to it. */
    @SuppressWarnings("unchecked")
    protected final S change(Consumer<S> edit) {
        try {
            S copy = (S) clone();
            edit.accept(copy);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
