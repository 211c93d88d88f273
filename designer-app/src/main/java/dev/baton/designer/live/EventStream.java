package dev.baton.designer.live;

import dev.baton.model.api.HistoryEvent;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Follows the engine's live events (/api/events as Server-Sent Events) on a thread of its own. After a loss it
 * reconnects with {@code after=<last id seen>}, so the events missed meanwhile arrive first, each once.
 */
public final class EventStream implements AutoCloseable {

    public enum State { CONNECTING, CONNECTED, RECONNECTING, CLOSED }

    private final EngineClient client;
    private final Consumer<HistoryEvent> onEvent;
    private final Consumer<State> onState;
    private final Thread thread;
    private volatile boolean closed;
    private volatile long lastId = -1;
    private volatile Stream<String> current;

    public EventStream(EngineClient client, Consumer<HistoryEvent> onEvent, Consumer<State> onState) {
        this.client = client;
        this.onEvent = onEvent;
        this.onState = onState;
        this.thread = new Thread(this::run, "engine-events");
        this.thread.setDaemon(true);
    }

    public EventStream start() {
        thread.start();
        return this;
    }

    /** The id of the last event received (-1 before the first). */
    public long lastId() { return lastId; }

    private void run() {
        long backoff = 250;
        onState.accept(State.CONNECTING);
        while (!closed) {
            String path = "/api/events" + (lastId >= 0 ? "?after=" + lastId : "");
            HttpRequest r = client.builder(path).timeout(java.time.Duration.ofDays(365))
                    .header("Accept", "text/event-stream").GET().build();
            try {
                HttpResponse<Stream<String>> res = client.http().send(r, HttpResponse.BodyHandlers.ofLines());
                if (res.statusCode() != 200) throw new IOException("HTTP " + res.statusCode());
                onState.accept(State.CONNECTED);
                backoff = 250;
                current = res.body();
                List<String> data = new ArrayList<>();
                for (var it = current.iterator(); it.hasNext() && !closed; ) {
                    String line = it.next();
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) dispatch(String.join("\n", data));
                        data.clear();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).trim());
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a lost connection: fall through to reconnect
            } catch (InterruptedException e) {
                return;
            }
            if (closed) break;
            onState.accept(State.RECONNECTING);
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(5000, backoff * 2);
        }
        onState.accept(State.CLOSED);
    }

    private void dispatch(String json) {
        try {
            HistoryEvent e = EngineClient.JSON.readValue(json, HistoryEvent.class);
            if (e.id() > lastId) lastId = e.id();
            onEvent.accept(e);
        } catch (IOException ex) {
            System.err.println("designer: an engine event could not be read: " + ex.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        Stream<String> s = current;
        if (s != null) s.close();
        thread.interrupt();
    }
}
