package org.diffusionlab.ui.common.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.ui.common.text.Localized;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {
    private final ObjectProperty<Localized> notice = new SimpleObjectProperty<>(Localized.NONE);

    @Test
    void successRunsTheActionsInOrderWithTheBusyFlagDownBeforeTheOutcome() {
        List<String> seen = new ArrayList<>();
        SimpleBooleanProperty busy = new SimpleBooleanProperty();
        BackgroundTask.wrap("lane", () -> {
            seen.add("work, busy " + busy.get());
            return 42;
        }).busy(busy).onRunning(() -> seen.add("running")).onSuccess(v -> seen.add("success " + v + ", busy " + busy.get()))
                .onFinished(() -> seen.add("finished")).reportingTo(notice).executeWith(new ImmediateWorker());
        assertEquals(List.of("running", "work, busy true", "success 42, busy false", "finished"), seen);
        assertTrue(notice.get().isEmpty());
    }

    @Test
    void failuresAreWordedForTheUser() {
        BackgroundTask.wrap("lane", () -> {
            throw new BadInputException("photo.png: not an image");
        }).reportingTo(notice).executeWith(new ImmediateWorker());
        assertEquals(Localized.plainError("photo.png: not an image"), notice.get());
        BackgroundTask.wrap("lane", () -> {
            throw new IllegalStateException("boom");
        }).reportingTo(notice).executeWith(new ImmediateWorker());
        assertEquals(Localized.error("message.unexpected", "boom"), notice.get(), "in words, without the class name");
    }

    @Test
    void anOutcomeForOlderSettingsIsDropped() {
        Generation generation = new Generation();
        HeldWorker later = new HeldWorker();
        List<Integer> results = new ArrayList<>();
        SimpleBooleanProperty finished = new SimpleBooleanProperty();
        BackgroundTask.wrap("lane", () -> 1).whileCurrent(generation).onSuccess(results::add)
                .onFinished(() -> finished.set(true)).executeWith(later);
        generation.advance();
        BackgroundTask.wrap("lane", () -> 2).whileCurrent(generation).onSuccess(results::add).executeWith(later);
        later.releaseAll();
        assertEquals(List.of(2), results, "only the job of the current settings lands");
        assertFalse(finished.get(), "a stale job runs none of its actions");
    }
}
