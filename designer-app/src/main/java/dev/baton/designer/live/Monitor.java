package dev.baton.designer.live;

import dev.baton.designer.model.DiagramIndex;
import dev.baton.designer.ui.EditorTab;
import dev.baton.model.api.ElementStatistics;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.IncidentView;
import dev.baton.model.api.InstanceState;
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

    /** Called on the JavaFX thread whenever the monitor's data changed. */
    public void addListener(Runnable r) { listeners.add(r); }

    /** Selects an instance to follow, or null for the whole definition. */
    public void select(String instanceId) {
        selected = null;
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

    /** One event from the live stream, on the JavaFX thread. */
    void onEvent(HistoryEvent e) {
        if (closed || !definitionId.equals(e.definitionId())) return;
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
        if (applied) {
            if (e.time() != null) pendingPaint.add(e.time().toEpochMilli());
            later(statsDue, this::refreshStatistics);
            changed();
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
                    for (ElementStatistics es : s) counts.put(es.elementId(), new long[] {es.active(), es.incidents(), es.completed()});
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
                var page = client.instances(definitionId, 500);
                List<InstanceSummary> items = new ArrayList<>(page.items());
                // running ones first, newest first
                items.sort((a, b) -> {
                    int s = Boolean.compare(a.state() != InstanceState.ACTIVE, b.state() != InstanceState.ACTIVE);
                    return s != 0 ? s : b.startedAt().compareTo(a.startedAt());
                });
                Platform.runLater(() -> {
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
                Platform.runLater(() -> {
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
        else paintBadges(g, idx);
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
