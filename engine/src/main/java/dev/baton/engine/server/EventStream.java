package dev.baton.engine.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.BatonEngine;
import dev.baton.model.api.HistoryEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One client of the live stream (SSE or WebSocket): the stored events after the client's last position, in
 * position order, each once, filtered by definition or instance. The store is the only source: positions follow
 * commit order, so reading "after the last position sent" never skips or repeats an event. The in-process hub
 * only rings to say something was committed; a slow poll picks up what other engines on the database commit.
 * A thread of its own sends, so a slow client never holds up the engine.
 */
final class EventStream {
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final int PAGE = 1000;
    private static final long POLL_MS = 1000;
    private static final long KEEP_ALIVE_MS = 15_000;

    /** Sends one event; returns false when the client is gone. */
    interface Sender {
        boolean send(long id, String json);
    }

    private final BatonEngine engine;
    private final ObjectMapper json;
    private final String definitionId;
    private final String instanceId;
    private final long after;
    private final Sender sender;
    private final Semaphore doorbell = new Semaphore(0);
    private volatile boolean open = true;
    private AutoCloseable subscription;

    EventStream(BatonEngine engine, ObjectMapper json, String definitionId, String instanceId, long after, Sender sender) {
        this.engine = engine;
        this.json = json;
        this.definitionId = definitionId;
        this.instanceId = instanceId;
        this.after = after;
        this.sender = sender;
    }

    void start() {
        subscription = engine.subscribe(events -> {
            for (HistoryEvent e : events) {
                if (matches(e)) {
                    doorbell.release();
                    return;
                }
            }
        });
        Thread t = new Thread(this::pump, "baton-event-stream");
        t.setDaemon(true);
        t.start();
    }

    private boolean matches(HistoryEvent e) {
        return (definitionId == null || definitionId.equals(e.definitionId())) && (instanceId == null || instanceId.equals(e.instanceId()));
    }

    private void pump() {
        try {
            long last = after;
            long quietSince = System.nanoTime();
            while (open) {
                // drained before the read: a commit published after this point rings again, one before it is read now
                doorbell.drainPermits();
                List<HistoryEvent> page = engine.eventsAfter(last, definitionId, instanceId, PAGE);
                for (HistoryEvent e : page) {
                    if (!send(e)) return;
                    last = e.id();
                }
                if (!page.isEmpty()) quietSince = System.nanoTime();
                if (page.size() == PAGE) continue;
                if (doorbell.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) continue;
                if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - quietSince) >= KEEP_ALIVE_MS) {
                    if (!sender.send(-1, null)) return;
                    quietSince = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("event stream ended: {}", e.getMessage());
        } finally {
            close();
        }
    }

    private boolean send(HistoryEvent e) {
        try {
            return sender.send(e.id(), json.writeValueAsString(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    void close() {
        open = false;
        doorbell.release();
        try {
            if (subscription != null) subscription.close();
        } catch (Exception e) {
            log.debug("closing a subscription failed", e);
        }
    }
}
