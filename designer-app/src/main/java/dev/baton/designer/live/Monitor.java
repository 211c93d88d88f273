package dev.baton.designer.live;

import dev.baton.designer.model.DiagramIndex;
import dev.baton.designer.ui.EditorTab;
import dev.baton.model.api.ElementStatistics;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.IncidentView;
import dev.baton.model.api.InstanceFamily;
import dev.baton.model.api.InstanceSummary;
import dev.baton.model.api.InstanceView;
import dev.baton.model.api.TokenView;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Point;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the engine says about one definition, kept on the JavaFX thread and drawn over its diagram: per element the
 * tokens there now, open incidents and times completed; the instance list; and for a selected instance its active
 * elements, the path it took, incidents, variables and history. Events from the live stream update the counts at
 * once; the engine's own figures are fetched again shortly after, so the badges never drift.
 */
public final class Monitor {

    private static final Color ACTIVE = Color.web("#2e7d32"), INCIDENT = Color.web("#d32f2f"),
            DONE = Color.web("#546e7a"), PATH = Color.web("#1e88e5");

    private final EngineClient client;
    private final String definitionId;
    private final String processId;
    private final EditorTab tab;
    private final Executor io;
    private final ScheduledExecutorService timer;
    private final Latency latency;

    private final Map<String, long[]> counts = new HashMap<>();
    private final ObservableList<InstanceSummary> instances = FXCollections.observableArrayList();
    private final AtomicBoolean statsDue = new AtomicBoolean(), listDue = new AtomicBoolean(), instanceDue = new AtomicBoolean();

    /** What the definition view paints under the badges: nothing, or a heatmap of frequency or time spent. */
    public enum Heat { OFF, FREQUENCY, DURATION }

    private Heat heat = Heat.OFF;
    private final Map<String, Long> durations = new HashMap<>();
    private String stateFilter, keyFilter;
    private int offset;
    private final int pageSize = Integer.getInteger("baton.monitor.pageSize", 50);
    private long total;
    private Long replayAt;
    private InstanceFamily family;

    private InstanceView selected;
    private final List<HistoryEvent> history = new ArrayList<>();
    private final Set<String> active = new HashSet<>(), failing = new HashSet<>(), path = new HashSet<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private final List<Long> pendingPaint = new ArrayList<>();

    Monitor(EngineClient client, String definitionId, String processId, EditorTab tab, Executor io,
            ScheduledExecutorService timer, Latency latency) {
        this.client = client;
        this.definitionId = definitionId;
        this.processId = processId;
        this.tab = tab;
        this.io = io;
        this.timer = timer;
        this.latency = latency;
        tab.canvas().setDecorations(this::paint);
        refreshStatistics();
        refreshInstances();
    }

    public String definitionId() { return definitionId; }

    public String processId() { return processId; }

    public EditorTab tab() { return tab; }

    public EngineClient client() { return client; }

    public ObservableList<InstanceSummary> instances() { return instances; }

    /** The selected instance (null: the definition's view). */
    public InstanceView selected() { return selected; }

    public List<HistoryEvent> history() { return List.copyOf(history); }

    /** Counts of one element: {active, incidents, completed}. */
    public long[] counts(String elementId) {
        long[] c = counts.get(elementId);
        return c == null ? new long[3] : c.clone();
    }

    public Set<String> activeElements() { return Set.copyOf(active); }

    public Set<String> pathTaken() { return Set.copyOf(path); }

    public Set<String> incidentElements() { return Set.copyOf(failing); }

    /** Average time spent at the element in ms, or null when no token has left it yet. */
    public Long averageDuration(String elementId) { return durations.get(elementId); }

    public Heat heat() { return heat; }

    public void setHeat(Heat h) {
        heat = h == null ? Heat.OFF : h;
        changed();
    }

    // ---------------------------------------------------------------- instance list: filters and paging

    /** Filters the instance list: a state name (null: any) and business key text (a prefix; blank: any). */
    public void filter(String state, String keyPrefix) {
        stateFilter = state;
        keyFilter = keyPrefix == null || keyPrefix.isBlank() ? null : keyPrefix.strip();
        offset = 0;
        refreshInstances();
    }

    /** Moves the list a page forward (+1) or back (-1), within the total. */
    public void page(int delta) {
        int next = offset + delta * pageSize;
        if (next < 0 || (delta > 0 && next >= total)) return;
        offset = next;
        refreshInstances();
    }

    public int offset() { return offset; }

    public int pageSize() { return pageSize; }

    /** How many instances match the filters in all (the list shows one page of them). */
    public long total() { return total; }

    // ---------------------------------------------------------------- replay

    /** Shows the selected instance as it was at the time (epoch ms); null returns to the live view. */
    public void replay(Long atMillis) {
        replayAt = atMillis;
        changed();
    }

    /** The replay time, or null when live. */
    public Long replayTime() { return replayAt; }

    /** When the selected instance's history starts (epoch ms; 0 without an instance). */
    public long historyStart() {
        if (history.isEmpty()) return selected == null || selected.startedAt() == null ? 0 : selected.startedAt().toEpochMilli();
        return history.get(0).time().toEpochMilli();
    }

    /** When it ends: its end, or now while it runs. */
    public long historyEnd() {
        if (selected == null) return 0;
        if (selected.endedAt() != null) return selected.endedAt().toEpochMilli();
        long last = history.isEmpty() ? historyStart() : history.get(history.size() - 1).time().toEpochMilli();
        return Math.max(last, System.currentTimeMillis());
    }

    /** The state of the selected instance as of a time, from its history. */
    public record Snapshot(Set<String> active, Set<String> path, Set<String> failing, int events) {}

    public Snapshot stateAt(long atMillis) {
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        Map<String, String> incidentAt = new HashMap<>();
        Set<String> p = new java.util.LinkedHashSet<>();
        int n = 0;
        for (HistoryEvent e : history) {
            if (e.time().toEpochMilli() > atMillis) break;
            n++;
            switch (e.type()) {
                case "ELEMENT_ENTERED" -> {
                    tokens.put(e.tokenId() == null ? e.elementId() : e.tokenId(), e.elementId());
                    p.add(e.elementId());
                }
                case "ELEMENT_LEFT", "ELEMENT_CANCELED" -> tokens.remove(e.tokenId() == null ? e.elementId() : e.tokenId());
                case "FLOW_TAKEN" -> p.add(e.elementId());
                case "INCIDENT_OPENED" -> incidentAt.put(String.valueOf(e.payload().getOrDefault("incidentId", e.elementId())), e.elementId());
                case "INCIDENT_RESOLVED" -> incidentAt.remove(String.valueOf(e.payload().getOrDefault("incidentId", e.elementId())));
                default -> { }
            }
        }
        return new Snapshot(new java.util.LinkedHashSet<>(tokens.values()), p, new HashSet<>(incidentAt.values()), n);
    }

    // ---------------------------------------------------------------- call activities

    /** The selected instance's caller and called instances (null until fetched). */
    public InstanceFamily family() { return family; }

    /** Called on the JavaFX thread whenever the monitor's data changed. */
    public void addListener(Runnable r) { listeners.add(r); }

    /** Selects an instance to follow, or null for the whole definition. */
    public void select(String instanceId) {
        selected = null;
        replayAt = null;
        family = null;
        history.clear();
        active.clear();
        failing.clear();
        path.clear();
        if (instanceId == null) {
            changed();
            return;
        }
        fetchInstance(instanceId);
    }

    /**
     * The events the live stream delivered since the last JavaFX pulse, on the JavaFX thread: the counts change
     * per event, the listeners and the diagram once per batch.
     */
    void onEvents(List<HistoryEvent> events) {
        if (closed) return;
        boolean any = false;
        for (HistoryEvent e : events) any |= apply(e);
        if (any) {
            statisticsLater();
            changed();
        }
    }

    /** Applies one event to the counts (and the selected instance); true when it concerned this definition. */
    private boolean apply(HistoryEvent e) {
        if (!definitionId.equals(e.definitionId())) return false;
        boolean applied = true;
        switch (e.type()) {
            case "ELEMENT_ENTERED" -> add(e.elementId(), 0, 1);
            case "ELEMENT_LEFT" -> {
                add(e.elementId(), 0, -1);
                add(e.elementId(), 2, 1);
            }
            case "ELEMENT_CANCELED" -> add(e.elementId(), 0, -1);
            case "INCIDENT_OPENED" -> add(e.elementId(), 1, 1);
            case "INCIDENT_RESOLVED" -> add(e.elementId(), 1, -1);
            default -> applied = false;
        }
        if (selected != null && selected.id().equals(e.instanceId())) {
            applied = true;
            history.add(e);
            switch (e.type()) {
                case "ELEMENT_ENTERED" -> {
                    active.add(e.elementId());
                    path.add(e.elementId());
                }
                case "ELEMENT_LEFT", "ELEMENT_CANCELED" -> active.remove(e.elementId());
                case "FLOW_TAKEN" -> path.add(e.elementId());
                case "INCIDENT_OPENED" -> failing.add(e.elementId());
                case "INCIDENT_RESOLVED" -> failing.remove(e.elementId());
                default -> { }
            }
            later(instanceDue, () -> fetchInstance(selected.id()));
        }
        if (e.type().startsWith("INSTANCE_")) later(listDue, this::refreshInstances);
        if (applied && e.time() != null) pendingPaint.add(e.time().toEpochMilli());
        return applied;
    }

    /*
     * The badges follow the events at once; the engine's figures are fetched again to correct any drift once the
     * events pause for STATS_QUIET_MS, and at least every STATS_MAX_MS while they keep coming. With thousands of
     * active instances that fetch is the costly part (the engine reads every active instance), so it must not run
     * on every burst of events.
     */
    private static final long STATS_QUIET_MS = 400, STATS_MAX_MS = Long.getLong("baton.monitor.statsMaxMs", 5000);
    private long lastEventAt, statsDueSince;

    private void statisticsLater() {
        lastEventAt = System.nanoTime();
        if (closed || statsDue.get()) return;
        statsDue.set(true);
        statsDueSince = lastEventAt;
        scheduleStatistics(STATS_QUIET_MS);
    }

    private void scheduleStatistics(long delayMs) {
        try {
            timer.schedule(() -> Platform.runLater(this::statisticsCheck), delayMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            closed = true; // the session closed
        }
    }

    private void statisticsCheck() {
        if (closed) return;
        long now = System.nanoTime();
        long quietMs = TimeUnit.NANOSECONDS.toMillis(now - lastEventAt), dueMs = TimeUnit.NANOSECONDS.toMillis(now - statsDueSince);
        if (quietMs >= STATS_QUIET_MS || dueMs >= STATS_MAX_MS) {
            statsDue.set(false);
            refreshStatistics();
        } else {
            scheduleStatistics(Math.max(10, Math.min(STATS_QUIET_MS - quietMs, STATS_MAX_MS - dueMs)));
        }
    }

    /** After a reconnect: fetch everything again, the stream replays what was missed. */
    void resync() {
        refreshStatistics();
        refreshInstances();
        if (selected != null) fetchInstance(selected.id());
    }

    private void add(String elementId, int which, long delta) {
        if (elementId == null) return;
        long[] c = counts.computeIfAbsent(elementId, k -> new long[3]);
        c[which] = Math.max(0, c[which] + delta);
    }

    private void later(AtomicBoolean due, Runnable r) {
        if (closed || !due.compareAndSet(false, true)) return;
        try {
            timer.schedule(() -> Platform.runLater(() -> {
                due.set(false);
                r.run();
            }), 400, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            closed = true; // the session closed
        }
    }

    private volatile boolean closed;

    /** Stops fetching: the session is closing. */
    void close() { closed = true; }

    private void fetch(Runnable r) {
        if (closed) return;
        try {
            io.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            closed = true;
        }
    }

    private void refreshStatistics() {
        fetch(() -> {
            try {
                List<ElementStatistics> s = client.statistics(definitionId);
                Platform.runLater(() -> {
                    counts.clear();
                    durations.clear();
                    for (ElementStatistics es : s) {
                        counts.put(es.elementId(), new long[] {es.active(), es.incidents(), es.completed()});
                        if (es.averageDurationMs() != null) durations.put(es.elementId(), es.averageDurationMs());
                    }
                    changed();
                });
            } catch (Exception e) {
                // the stream's state shows a lost engine; the next event or reconnect fetches again
            }
        });
    }

    private void refreshInstances() {
        fetch(() -> {
            try {
                // one page, newest first, filtered by the engine: the list stays small with any number of instances
                String st = stateFilter, key = keyFilter == null ? null : keyFilter + "*";
                int from = offset;
                var page = client.instances(definitionId, st, key, from, pageSize);
                List<InstanceSummary> items = new ArrayList<>(page.items());
                Platform.runLater(() -> {
                    if (from != offset || !java.util.Objects.equals(st, stateFilter)
                            || !java.util.Objects.equals(key, keyFilter == null ? null : keyFilter + "*")) return; // a newer query runs
                    total = page.total();
                    instances.setAll(items);
                    changed();
                });
            } catch (Exception e) {
                // as above
            }
        });
    }

    private void fetchInstance(String id) {
        fetch(() -> {
            try {
                InstanceView v = client.instance(id);
                List<HistoryEvent> h = client.history(id);
                List<IncidentView> inc = client.incidents(id);
                InstanceFamily fam = client.family(id);
                Platform.runLater(() -> {
                    family = fam;
                    if (selected != null && !selected.id().equals(id)) return;
                    selected = new InstanceView(v.id(), v.definitionId(), v.processId(), v.businessKey(), v.state(), v.startedAt(),
                            v.endedAt(), v.variables(), v.tokens(), inc.isEmpty() ? v.incidents() : inc);
                    history.clear();
                    history.addAll(h);
                    active.clear();
                    failing.clear();
                    path.clear();
                    for (TokenView t : v.tokens()) {
                        active.add(t.elementId());
                        if ("INCIDENT".equals(t.state())) failing.add(t.elementId());
                    }
                    for (IncidentView i : selected.incidents()) if (i.resolvedAt() == null) failing.add(i.elementId());
                    for (HistoryEvent e : h) {
                        if (e.elementId() != null && (e.type().equals("ELEMENT_ENTERED") || e.type().equals("FLOW_TAKEN"))) path.add(e.elementId());
                    }
                    changed();
                });
            } catch (Exception e) {
                Platform.runLater(() -> tab.editor().statusProperty().set("Instance " + id + ": " + e.getMessage()));
            }
        });
    }

    private void changed() {
        tab.canvas().redraw();
        for (Runnable r : listeners) r.run();
    }

    // ---------------------------------------------------------------- drawing, in diagram coordinates

    private void paint(GraphicsContext g, DiagramIndex idx) {
        long now = System.currentTimeMillis();
        for (long t : pendingPaint) latency.record(now - t);
        pendingPaint.clear();
        if (selected != null) paintInstance(g, idx);
        else {
            if (heat != Heat.OFF) paintHeat(g, idx);
            paintBadges(g, idx);
        }
    }

    /** Green (least) to red (most), over each element with a value; the value is written above the element. */
    private void paintHeat(GraphicsContext g, DiagramIndex idx) {
        Map<String, Long> values = new HashMap<>();
        if (heat == Heat.FREQUENCY) counts.forEach((id, c) -> { if (c[2] > 0) values.put(id, c[2]); });
        else durations.forEach((id, ms) -> { if (ms > 0) values.put(id, ms); }); // events and gateways pass in 0 ms
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        if (max <= 0) return;
        double k = Math.max(1, Math.min(3, 1 / Math.max(0.01, g.getTransform().getMxx())));
        for (var e : values.entrySet()) {
            Bounds b = idx.bounds(e.getKey());
            if (b == null || idx.isConnection(e.getKey())) continue;
            double ratio = Math.max(0, Math.min(1, e.getValue() / (double) max));
            Color c = heatColor(ratio);
            double pad = 6 + 10 * ratio;
            g.setFill(c.deriveColor(0, 1, 1, 0.30 + 0.25 * ratio));
            g.fillRoundRect(b.x() - pad, b.y() - pad, b.width() + 2 * pad, b.height() + 2 * pad, 24, 24);
            g.setStroke(c);
            g.setLineWidth(2);
            g.strokeRoundRect(b.x() - pad, b.y() - pad, b.width() + 2 * pad, b.height() + 2 * pad, 24, 24);
            String label = heat == Heat.FREQUENCY ? e.getValue() + "×" : duration(e.getValue());
            g.setFill(c.darker());
            g.setFont(Font.font("System", FontWeight.BOLD, 11 * k));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(label, b.x() + b.width() / 2, b.y() - pad - 3);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    private static final java.time.format.DateTimeFormatter REPLAY_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(java.time.ZoneId.systemDefault());

    /** "Replay 10:15:02.114" above the diagram's top-left corner, so a replayed picture is not taken for live. */
    private void paintReplayBanner(GraphicsContext g, DiagramIndex idx) {
        double x = Double.MAX_VALUE, y = Double.MAX_VALUE;
        for (var de : idx.diagramElements()) {
            Bounds b = idx.bounds(de.elementRef());
            if (b == null) continue;
            x = Math.min(x, b.x());
            y = Math.min(y, b.y());
        }
        if (x == Double.MAX_VALUE) return;
        double k = Math.max(1, Math.min(3, 1 / Math.max(0.01, g.getTransform().getMxx())));
        g.setFill(Color.web("#6a1b9a"));
        g.setFont(Font.font("System", FontWeight.BOLD, 13 * k));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("Replay " + REPLAY_TIME.format(java.time.Instant.ofEpochMilli(replayAt)), x, y - 12 * k);
    }

    /** The heat colour of a value relative to the largest: 0 green, 0.5 yellow, 1 red. */
    public static Color heatColor(double ratio) {
        return Color.hsb(120 * (1 - Math.max(0, Math.min(1, ratio))), 0.85, 0.9);
    }

    /** 850 ms, 1.2 s, 3 min 4 s, 2 h 5 min. */
    public static String duration(long ms) {
        if (ms < 1000) return ms + " ms";
        if (ms < 60_000) return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        long s = ms / 1000;
        if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /**
     * The badges the definition view draws at an element, left to right: tokens there now, open incidents, times
     * completed (each only when not zero). One badge per figure however many instances: the figures are aggregated.
     */
    public List<String> badgeTexts(String elementId) {
        long[] c = counts.get(elementId);
        List<String> out = new ArrayList<>();
        if (c == null) return out;
        for (int i = 0; i < 3; i++) if (c[i] > 0) out.add(String.valueOf(c[i]));
        return out;
    }

    private void paintBadges(GraphicsContext g, DiagramIndex idx) {
        for (var e : counts.entrySet()) {
            Bounds b = idx.bounds(e.getKey());
            if (b == null) continue;
            long[] c = e.getValue();
            double k = Math.max(1, Math.min(3, 1 / Math.max(0.01, g.getTransform().getMxx())));
            double x = b.x() - 8 * k, y = b.maxY() - 9 * k;
            if (c[0] > 0) x = badge(g, x, y, String.valueOf(c[0]), ACTIVE);
            if (c[1] > 0) badge(g, x, y, String.valueOf(c[1]), INCIDENT);
            if (c[2] > 0) badge(g, b.maxX() - 12 * k, y, String.valueOf(c[2]), DONE);
        }
    }

    private static double badge(GraphicsContext g, double x, double y, String text, Color color) {
        // readable at any zoom: the badge keeps about 18 screen pixels when the diagram is zoomed out
        double k = Math.max(1, Math.min(3, 1 / Math.max(0.01, g.getTransform().getMxx())));
        double w = Math.max(20, 8 + 7 * text.length()) * k, h = 18 * k;
        g.setFill(color);
        g.fillRoundRect(x, y, w, h, h, h);
        g.setFill(Color.WHITE);
        g.setFont(Font.font("System", FontWeight.BOLD, 11 * k));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x + w / 2, y + h / 2);
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(TextAlignment.LEFT);
        return x + w + 3;
    }

    private void paintInstance(GraphicsContext g, DiagramIndex idx) {
        Set<String> active = this.active, path = this.path, failing = this.failing;
        if (replayAt != null) {
            Snapshot s = stateAt(replayAt);
            active = s.active();
            path = s.path();
            failing = s.failing();
            paintReplayBanner(g, idx);
        }
        g.setLineWidth(3);
        g.setStroke(PATH);
        for (String id : path) {
            var edge = idx.edge(id);
            if (edge != null && edge.waypoints().size() > 1) {
                List<Point> w = edge.waypoints();
                for (int i = 1; i < w.size(); i++) g.strokeLine(w.get(i - 1).x(), w.get(i - 1).y(), w.get(i).x(), w.get(i).y());
                continue;
            }
            Bounds b = idx.bounds(id);
            if (b != null && !active.contains(id)) g.strokeRoundRect(b.x() - 3, b.y() - 3, b.width() + 6, b.height() + 6, 14, 14);
        }
        for (String id : active) {
            Bounds b = idx.bounds(id);
            if (b == null) continue;
            boolean bad = failing.contains(id);
            g.setStroke(bad ? INCIDENT : ACTIVE);
            g.setLineWidth(4);
            g.strokeRoundRect(b.x() - 4, b.y() - 4, b.width() + 8, b.height() + 8, 16, 16);
            g.setFill((bad ? INCIDENT : ACTIVE).deriveColor(0, 1, 1, 0.15));
            g.fillRoundRect(b.x() - 4, b.y() - 4, b.width() + 8, b.height() + 8, 16, 16);
        }
        for (String id : failing) {
            Bounds b = idx.bounds(id);
            if (b != null && !active.contains(id)) badge(g, b.x() - 6, b.maxY() - 6, "!", INCIDENT);
        }
    }
}
