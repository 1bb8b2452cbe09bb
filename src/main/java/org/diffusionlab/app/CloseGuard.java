package org.diffusionlab.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.train.TrainViewModel;

/**
 * Closing the window while a model trains asks first: stop and save the weights so far, close without saving, or
 * keep training. Saving stops the run (within one step), asks for a file, and closes once the file is written; a
 * failed save leaves the window open with its message.
 */
final class CloseGuard {
    static final String SAVE_ID = "close-save";
    static final String DISCARD_ID = "close-discard";
    static final String KEEP_ID = "close-keep";

    private CloseGuard() {
    }

    static void install(Stage stage, TrainViewModel train, Supplier<Messages> messages,
            Function<Window, Optional<Path>> chooseFile, Runnable exit) {
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, event -> {
            if (!train.isBusy()) {
                return;
            }
            event.consume();
            Messages text = messages.get();
            ButtonType save = new ButtonType(text.get("close.save"), ButtonBar.ButtonData.YES);
            ButtonType discard = new ButtonType(text.get("close.discard"), ButtonBar.ButtonData.NO);
            ButtonType keep = new ButtonType(text.get("close.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text.get("close.training"), save, discard, keep);
            alert.initOwner(stage);
            alert.setTitle(text.get("close.title"));
            alert.setHeaderText(null);
            alert.getDialogPane().lookupButton(save).setId(SAVE_ID);
            alert.getDialogPane().lookupButton(discard).setId(DISCARD_ID);
            alert.getDialogPane().lookupButton(keep).setId(KEEP_ID);
            ButtonType choice = alert.showAndWait().orElse(keep);
            if (choice == discard) {
                exit.run();
            } else if (choice == save) {
                stopThenSave(stage, train, chooseFile, exit);
            }
        });
    }

    private static void stopThenSave(Stage stage, TrainViewModel train, Function<Window, Optional<Path>> chooseFile,
            Runnable exit) {
        ChangeListener<TrainViewModel.State> stopped = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends TrainViewModel.State> property,
                    TrainViewModel.State before, TrainViewModel.State now) {
                if (!train.isBusy()) {
                    train.stateProperty().removeListener(this);
                    // after the event that changed the state has been handled whole: it keeps the model after setting it
                    Platform.runLater(() -> save(stage, train, chooseFile, exit));
                }
            }
        };
        train.stateProperty().addListener(stopped);
        train.stop();
        if (!train.isBusy()) {
            train.stateProperty().removeListener(stopped);
            save(stage, train, chooseFile, exit);
        }
    }

    private static void save(Stage stage, TrainViewModel train, Function<Window, Optional<Path>> chooseFile, Runnable exit) {
        if (!train.hasModel()) {
            exit.run();
            return;
        }
        Optional<Path> file = chooseFile.apply(stage);
        if (file.isEmpty()) {
            return;
        }
        ChangeListener<Localized> saved = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Localized> property, Localized before,
                    Localized now) {
                train.noticeProperty().removeListener(this);
                if (!now.error()) {
                    exit.run();
                }
            }
        };
        train.noticeProperty().addListener(saved);
        train.saveModel(file.get());
    }
}
