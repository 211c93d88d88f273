package dev.baton.designer.render;

import dev.baton.designer.model.DiagramIndex;
import dev.baton.model.Activity;
import dev.baton.model.Artifact;
import dev.baton.model.Collaboration;
import dev.baton.model.DataObject;
import dev.baton.model.DataObjectReference;
import dev.baton.model.DataStoreReference;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.Gateway;
import dev.baton.model.Lane;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a diagram in BPMN notation with any Painter: pools and lanes first, then shapes, flows, boundary events
 * and groups on top. Elements outside the visible area are skipped, which keeps big diagrams fast.
 */
public final class BpmnRenderer {

    private final EventRenderer events = new EventRenderer();
    private final ActivityRenderer activities = new ActivityRenderer();
    private final GatewayRenderer gateways = new GatewayRenderer();
    private final ParticipantRenderer participants = new ParticipantRenderer();
    private final DataRenderer data = new DataRenderer();
    private final ArtifactRenderer artifacts = new ArtifactRenderer();
    private final ConnectionRenderer connections = new ConnectionRenderer();
    private final TextLayout text = new TextLayout();

    /** Draws every element that meets the visible area (null: all). Returns how many elements were drawn. */
    public int render(Painter painter, DiagramIndex index, Theme theme, Bounds visible) {
        RenderContext ctx = new RenderContext(painter, theme, index, text);
        List<DiagramElement> all = index.diagramElements();
        List<Shape> pools = new ArrayList<>(), lanes = new ArrayList<>(), shapes = new ArrayList<>(), boundary = new ArrayList<>(),
                groups = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (DiagramElement de : all) {
            Object e = index.element(de.elementRef());
            if (e == null) continue;
            if (de instanceof Edge edge) {
                if (visible == null || intersects(edgeBounds(edge), visible)) edges.add(edge);
                continue;
            }
            Shape s = (Shape) de;
            if (visible != null && !intersects(withLabel(s), visible)) continue;
            if (e instanceof Collaboration.Participant) pools.add(s);
            else if (e instanceof Lane) lanes.add(s);
            else if (e instanceof Event ev && ev.kind() == ElementKind.BOUNDARY_EVENT) boundary.add(s);
            else if (e instanceof Artifact.Group) groups.add(s);
            else shapes.add(s);
        }
        // open subprocesses and call activities first, biggest first, so their content stays visible on top
        List<Shape> containers = new ArrayList<>();
        shapes.removeIf(s -> {
            Object e = index.element(s.elementRef());
            boolean open = (e instanceof dev.baton.model.SubProcess && dev.baton.designer.model.Modeling.isExpanded(s))
                    || (e instanceof dev.baton.model.CallActivity && Boolean.TRUE.equals(s.expanded()));
            if (open) containers.add(s);
            return open;
        });
        containers.sort(java.util.Comparator.comparingDouble(s -> -s.bounds().width() * s.bounds().height()));
        shapes.addAll(0, containers);
        for (Shape s : pools) participants.draw(ctx, s, index.element(s.elementRef()));
        for (Shape s : lanes) participants.draw(ctx, s, index.element(s.elementRef()));
        for (Shape s : shapes) drawShape(ctx, s, index.element(s.elementRef()));
        for (Edge e : edges) connections.draw(ctx, e, index.element(e.elementRef()));
        for (Shape s : boundary) events.draw(ctx, s, index.element(s.elementRef()));
        for (Shape s : groups) artifacts.draw(ctx, s, index.element(s.elementRef()));
        return pools.size() + lanes.size() + shapes.size() + edges.size() + boundary.size() + groups.size();
    }

    private void drawShape(RenderContext ctx, Shape s, Object e) {
        if (e instanceof Event) events.draw(ctx, s, e);
        else if (e instanceof Activity) activities.draw(ctx, s, e);
        else if (e instanceof Gateway) gateways.draw(ctx, s, e);
        else if (e instanceof DataObjectReference || e instanceof DataStoreReference || e instanceof DataObject) data.draw(ctx, s, e);
        else if (e instanceof Artifact) artifacts.draw(ctx, s, e);
    }

    static boolean intersects(Bounds a, Bounds b) {
        return a.x() <= b.maxX() && b.x() <= a.maxX() && a.y() <= b.maxY() && b.y() <= a.maxY();
    }

    /** A shape's bounds grown to hold its outside label. */
    public static Bounds withLabel(Shape s) {
        Bounds b = s.bounds();
        if (s.label() != null && s.label().bounds() != null) return b.union(s.label().bounds());
        return new Bounds(b.x() - 30, b.y(), b.width() + 60, b.height() + 45);
    }

    public static Bounds edgeBounds(Edge e) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Point p : e.waypoints()) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        if (e.waypoints().isEmpty()) return new Bounds(0, 0, 0, 0);
        Bounds b = new Bounds(minX - 12, minY - 12, maxX - minX + 24, maxY - minY + 24);
        if (e.label() != null && e.label().bounds() != null) b = b.union(e.label().bounds());
        return b;
    }

    /** Everything the diagram draws, labels included; null for an empty diagram. */
    public static Bounds contentBounds(DiagramIndex index) {
        Bounds u = null;
        for (DiagramElement de : index.diagramElements()) {
            if (index.element(de.elementRef()) == null) continue;
            Bounds b = de instanceof Shape s ? (s.label() != null && s.label().bounds() != null ? s.bounds().union(s.label().bounds())
                    : s.bounds()) : edgeBounds((Edge) de);
            u = u == null ? b : u.union(b);
        }
        return u;
    }
}
