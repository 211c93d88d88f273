package dev.baton.engine.events;

import dev.baton.model.api.HistoryEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Hands committed history events to live listeners (the SSE and WebSocket streams, tests). */
public final class EventHub {
    private static final Logger log = LoggerFactory.getLogger(EventHub.class);
    private final List<Consumer<List<HistoryEvent>>> listeners = new CopyOnWriteArrayList<>();

    /** Listens until the returned handle is closed. Called after commit, on the committing thread: be quick. */
    public AutoCloseable subscribe(Consumer<List<HistoryEvent>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(List<HistoryEvent> events) {
        if (events.isEmpty()) return;
        for (Consumer<List<HistoryEvent>> l : listeners) {
            try {
                l.accept(events);
            } catch (RuntimeException e) {
                log.warn("an event listener failed", e);
            }
        }
    }
}
