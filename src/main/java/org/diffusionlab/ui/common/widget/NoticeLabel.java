package org.diffusionlab.ui.common.widget;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.Messages;

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
