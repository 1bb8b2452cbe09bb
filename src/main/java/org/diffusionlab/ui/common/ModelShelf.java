package org.diffusionlab.ui.common;

import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.diffusionlab.core.imported.ModelInfo;
import org.diffusionlab.ui.common.text.Localized;

/**
 * The models the app holds right now, by kind: bundled ones, ones opened from files and ones just trained.
 * The Train view puts models here; the views that use models offer them from here. FX thread only; the models
 * themselves are used only on the worker thread.
 */
public final class ModelShelf<M> {
    /** Where a model came from, for its label. */
    public enum Origin { BUNDLED, FILE, TRAINED }

    /**
     * A model on the shelf: its name (the key, e.g. a file name), the title shown for it, what it is, the model, and for a
     * model exported from PyTorch what its checks found ({@code info}; null for the app's own models).
     */
    public record Entry<M>(String name, Localized title, Origin origin, Localized description, M model, ModelInfo info) {
        public Entry(String name, Origin origin, Localized description, M model) {
            this(name, Localized.of("message.plain", name), origin, description, model, null);
        }

        public Entry(String name, Localized title, Origin origin, Localized description, M model) {
            this(name, title, origin, description, model, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final ObservableList<Entry<M>> entries = FXCollections.observableArrayList();

    public ObservableList<Entry<M>> entries() {
        return entries;
    }

    /** Adds a model, replacing one of the same name (a retrained or re-opened model takes its place). */
    public Entry<M> put(String name, Origin origin, Localized description, M model) {
        return put(new Entry<>(name, origin, description, model));
    }

    /** Adds a model exported from PyTorch, opened from a file, with what its checks found. */
    public Entry<M> put(String name, Localized description, M model, ModelInfo info) {
        return put(new Entry<>(name, Localized.of("message.plain", name), Origin.FILE, description, model, info));
    }

    /** Adds a model shown under a title in the reader's language (a model the app names, e.g. one just trained). */
    public Entry<M> put(String name, Localized title, Origin origin, Localized description, M model) {
        return put(new Entry<>(name, title, origin, description, model));
    }

    private Entry<M> put(Entry<M> entry) {
        String name = entry.name();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name().equals(name)) {
                entries.set(i, entry);
                return entry;
            }
        }
        entries.add(entry);
        return entry;
    }

    /** Runs the action for every entry added from now on. */
    public void onAdded(Consumer<Entry<M>> action) {
        entries.addListener((ListChangeListener<Entry<M>>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(action);
            }
        });
    }
}
