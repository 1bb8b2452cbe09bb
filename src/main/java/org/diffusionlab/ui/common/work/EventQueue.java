package org.diffusionlab.ui.common.work;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Events produced on another thread (a trainer), applied on the FX thread in one batch per frame: {@link #add}
 * from any thread queues an event and, if no drain is pending, posts one through the {@link Worker}.
 */
public final class EventQueue<E> {
    private final Worker worker;
    private final Consumer<E> apply;
    private final Runnable afterBatch;
    private final Queue<E> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPosted = new AtomicBoolean();

    /** {@code apply} takes each event on the FX thread; {@code afterBatch} runs once after every drained batch. */
    public EventQueue(Worker worker, Consumer<E> apply, Runnable afterBatch) {
        this.worker = worker;
        this.apply = apply;
        this.afterBatch = afterBatch;
    }

    public void add(E event) {
        events.add(event);
        if (drainPosted.compareAndSet(false, true)) {
            worker.post(this::drain);
        }
    }

    /** Applies every queued event (FX thread). */
    public void drain() {
        drainPosted.set(false);
        for (E event; (event = events.poll()) != null; ) {
            apply.accept(event);
        }
        afterBatch.run();
    }
}
