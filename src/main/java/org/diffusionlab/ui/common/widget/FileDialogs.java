package org.diffusionlab.ui.common.widget;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.diffusionlab.ui.common.text.Messages;

/** The file choosers, remembering the last folder for the session. */
public final class FileDialogs {
    /** Asks where to save; the native dialog in the app, a stand-in in tests (no robot can drive a native dialog). */
    public interface SaveChooser {
        Optional<Path> choose(Window owner, Messages messages, String title, String suggestedName, String extension);
    }

    private static File lastFolder;
    private static SaveChooser saveChooser = FileDialogs::showSave;

    private FileDialogs() {
    }

    public static Optional<Path> openImage(Window owner, Messages messages) {
        FileChooser chooser = chooser(messages.get("dialog.openImage"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("dialog.images"), "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"),
                new FileChooser.ExtensionFilter(messages.get("dialog.allFiles"), "*.*"));
        return remember(chooser.showOpenDialog(owner));
    }

    /** A model to use (not to train): the app's own zip, or one exported from PyTorch (.zip, .onnx or its .json sidecar). */
    public static Optional<Path> openModel(Window owner, Messages messages, String title) {
        return open(owner, messages, title, messages.get("dialog.modelsOrExported"), "*.zip", "*.onnx", "*.json");
    }

    public static Optional<Path> open(Window owner, Messages messages, String title, String description, String... patterns) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(description, patterns),
                new FileChooser.ExtensionFilter(messages.get("dialog.allFiles"), "*.*"));
        return remember(chooser.showOpenDialog(owner));
    }

    /**
     * The file to save to, with the extension added when the name has none. The native dialog asks before
     * replacing the file it shows; a file that only the added extension names is asked about here.
     */
    public static Optional<Path> save(Window owner, Messages messages, String title, String suggestedName, String extension) {
        return saveChooser.choose(owner, messages, title, suggestedName, extension);
    }

    /** As {@link #save(Window, Messages, String, String, String)}, asking about replacing in the system's language. */
    public static Optional<Path> save(Window owner, String title, String suggestedName, String extension) {
        return save(owner, new Messages(Locale.getDefault()), title, suggestedName, extension);
    }

    /** For tests: what {@link #save} asks; null restores the native dialog. */
    public static void useSaveChooser(SaveChooser chooser) {
        saveChooser = chooser != null ? chooser : FileDialogs::showSave;
    }

    private static Optional<Path> showSave(Window owner, Messages messages, String title, String suggestedName,
                                           String extension) {
        FileChooser chooser = chooser(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(), "*." + extension));
        return remember(chooser.showSaveDialog(owner))
                .flatMap(chosen -> completeName(chosen, extension, file -> confirmReplace(owner, messages, file)));
    }

    /**
     * The chosen name with ".extension" added when it has no extension; when that names an existing file
     * (which the dialog did not ask about), only if {@code replace} agrees.
     */
    static Optional<Path> completeName(Path chosen, String extension, Predicate<Path> replace) {
        if (chosen.getFileName().toString().contains(".")) {
            return Optional.of(chosen);
        }
        Path named = chosen.resolveSibling(chosen.getFileName() + "." + extension);
        return Files.exists(named) && !replace.test(named) ? Optional.empty() : Optional.of(named);
    }

    private static boolean confirmReplace(Window owner, Messages messages, Path file) {
        ButtonType replace = new ButtonType(messages.get("dialog.replace.yes"), ButtonBar.ButtonData.YES);
        ButtonType keep = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, messages.format("dialog.replace", file.getFileName()), replace, keep);
        alert.initOwner(owner);
        alert.setHeaderText(null);
        return alert.showAndWait().filter(replace::equals).isPresent();
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
