package org.diffusionlab.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The file choosers, remembering the last folder for the session. */
public final class FileDialogs {
    private static File lastFolder;

    private FileDialogs() {
    }

    public static Optional<Path> openImage(Window owner, Messages messages) {
        FileChooser chooser = chooser(messages.get("dialog.openImage"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("dialog.images"), "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"),
                new FileChooser.ExtensionFilter(messages.get("dialog.allFiles"), "*.*"));
        return remember(chooser.showOpenDialog(owner));
    }

    public static Optional<Path> open(Window owner, Messages messages, String title, String description, String... patterns) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(description, patterns),
                new FileChooser.ExtensionFilter(messages.get("dialog.allFiles"), "*.*"));
        return remember(chooser.showOpenDialog(owner));
    }

    public static Optional<Path> save(Window owner, String title, String suggestedName, String extension) {
        FileChooser chooser = chooser(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(), "*." + extension));
        Optional<Path> chosen = remember(chooser.showSaveDialog(owner));
        return chosen.map(p -> p.getFileName().toString().contains(".") ? p : p.resolveSibling(p.getFileName() + "." + extension));
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private static Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.getParentFile();
        return Optional.of(file.toPath());
    }
}
