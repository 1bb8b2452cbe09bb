package org.diffusionlab.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** One view in the navigation rail, with what it adds to the File menu. */
public interface Page {
    /** A stable id ("forward", "train", …); the rail's label is the message "page.&lt;id&gt;". */
    String id();

    Node node();

    /** Whether File → Open image… applies to this page. */
    default boolean opensImages() {
        return false;
    }

    default void openImage(Path file) {
    }

    /** The File → Export entries of this page. */
    default List<Export> exports() {
        return List.of();
    }

    /** The File → Export entries that write an animated GIF (after asking for its settings). */
    default List<Animation> animations() {
        return List.of();
    }


    /** The message key of the status line's keyboard hint: only the keys this page answers to. */
    default String keysKey() {
        return "status.noKeys";
    }

    /** The status line while this page shows; by default the keyboard hint of {@link #keysKey()}. */
    default ObservableValue<String> status() {
        return null;
    }

    /** An export: its menu label key, a suggested file name, the extension, and what writes the file. */
    record Export(String labelKey, String suggestedName, String extension, Consumer<Path> write) {
    }

    /**
     * An animated GIF export: its menu label key, the key of the sentence saying how frames are chosen, a suggested
     * file name, and what writes the file with the chosen settings.
     */
    record Animation(String labelKey, String spreadKey, String suggestedName, BiConsumer<Path, GifSettings> write) {
    }
}
