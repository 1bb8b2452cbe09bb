package org.diffusionlab.ui.common.widget;

import java.util.function.IntFunction;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.diffusionlab.ui.common.PlaybackModel;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;

/**
 * Play/pause, step ±1, jump to the ends, a scrub slider, speed and loop for a {@link PlaybackModel}; shared by
 * every view that plays a chain. An {@link AnimationTimer} advances the model by the real time between frames.
 */
public final class PlaybackBar extends VBox {
    private final PlaybackModel model;
    private final AnimationTimer clock = new AnimationTimer() {
        private long last = -1;

        @Override
        public void handle(long now) {
            if (last >= 0 && model.isPlaying()) {
                model.advance(Math.min(0.1, (now - last) / 1e9));
            }
            last = now;
        }
    };

    public PlaybackBar(PlaybackModel model, Messages messages, IntFunction<String> positionText) {
        this.model = model;
        getStyleClass().add("playback-bar");
        setSpacing(4);

        Button toStart = iconButton(Icons.TO_START, Tip.of(messages, "playback.toStart"), "playback-to-start", model::toStart);
        Button back = iconButton(Icons.STEP_BACK, Tip.of(messages, "playback.stepBack"), "playback-step-back", model::stepBack);
        Button play = iconButton(Icons.PLAY, Tip.of(messages, "playback.play"), "playback-play", model::togglePlay);
        play.graphicProperty().bind(Bindings.createObjectBinding(
                () -> Icons.of(model.isPlaying() ? Icons.PAUSE : Icons.PLAY), model.playingProperty()));
        play.getStyleClass().add("accent");
        Button forward = iconButton(Icons.STEP_FORWARD, Tip.of(messages, "playback.stepForward"), "playback-step-forward",
                model::stepForward);
        Button toEnd = iconButton(Icons.TO_END, Tip.of(messages, "playback.toEnd"), "playback-to-end", model::toEnd);

        Slider scrub = new Slider();
        scrub.setId("playback-scrub");
        scrub.maxProperty().bind(model.maxProperty());
        scrub.setValue(model.position());
        scrub.valueProperty().addListener((obs, old, value) -> {
            if (value.intValue() != model.position()) {
                model.seek((int) Math.round(value.doubleValue()));
            }
        });
        model.positionProperty().addListener((obs, old, value) -> scrub.setValue(value.intValue()));
        scrub.setFocusTraversable(false);
        Tip.of(messages, "playback.scrub").tex("t").on(scrub);

        Label position = new Label();
        position.setId("playback-position");
        position.getStyleClass().add("playback-position");
        position.textProperty().bind(Bindings.createStringBinding(() -> positionText.apply(model.position()),
                model.positionProperty(), model.maxProperty()));
        Tip.of(messages, "playback.position").on(position);

        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("playback-speed");
        for (double s : PlaybackModel.SPEEDS) {
            speed.getItems().add(s);
        }
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : messages.format("playback.speed", value.intValue());
            }

            @Override
            public Double fromString(String text) {
                return null;
            }
        });
        speed.setValue(model.stepsPerSecondProperty().get());
        speed.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                model.stepsPerSecondProperty().set(value);
            }
        });
        model.stepsPerSecondProperty().addListener((obs, old, value) -> speed.setValue(value.doubleValue()));
        Tip.of(messages, "playback.speed").on(speed);
        speed.setFocusTraversable(false);
        speed.getStyleClass().add("playback-speed");
        Controls.whole(position, speed);

        ToggleButton loop = new ToggleButton();
        loop.setId("playback-loop");
        loop.setGraphic(Icons.of(Icons.LOOP));
        Tip.of(messages, "playback.loop").on(loop);
        loop.selectedProperty().bindBidirectional(model.loopProperty());
        loop.setFocusTraversable(false);

        // the scrub bar shares its row with speed and loop, so the transport row keeps room for the position
        HBox.setHgrow(scrub, Priority.ALWAYS);
        scrub.setMinWidth(60);
        HBox track = new HBox(8, scrub, speed, loop);
        track.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(6, toStart, back, play, forward, toEnd, position);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(track, buttons);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                clock.stop();
            } else {
                clock.start();
            }
        });
    }

    private static Button iconButton(String icon, Tip tip, String id, Runnable action) {
        Button button = new Button();
        button.setId(id);
        button.setGraphic(Icons.of(icon));
        tip.on(button);
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        return button;
    }

    /**
     * Keyboard control on a view: Space plays/pauses, ←/→ step, Home/End jump; ignored while typing in a field.
     */
    public static void installKeys(Node root, PlaybackModel model) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl) {
                return;
            }
            KeyCode code = event.getCode();
            switch (code) {
                case SPACE -> model.togglePlay();
                case LEFT -> model.stepBack();
                case RIGHT -> model.stepForward();
                case HOME -> model.toStart();
                case END -> model.toEnd();
                default -> {
                    return;
                }
            }
            event.consume();
        });
    }
}
