package org.diffusionlab.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/** What a view-model wants the user told now: an error in red on pink, a confirmation in green, or nothing. */
public final class NoticeLabel extends Label {
    public NoticeLabel(String id, ObservableValue<Localized> notice, Messages messages) {
        setId(id);
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        Observe.now(notice, value -> {
            setText(value.render(messages));
            getStyleClass().setAll("label", value.error() ? "notice-error" : "notice-info");
        });
    }
}
