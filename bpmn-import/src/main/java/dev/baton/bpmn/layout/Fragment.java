package dev.baton.bpmn.layout;

import dev.baton.model.di.Bounds;
import dev.baton.model.di.Point;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A laid-out piece of a diagram in its own coordinates: shape bounds, label bounds and edge waypoints keyed by the id
 * of the element they draw. Shapes keep insertion order, which is drawing order (containers before their content).
 */
final class Fragment {
    final Map<String, Bounds> shapes = new LinkedHashMap<>();
    final Map<String, Bounds> labels = new LinkedHashMap<>();
    final Map<String, List<Point>> edges = new LinkedHashMap<>();
    final Set<String> expanded = new HashSet<>();
    /** Element ids of pools and lanes (drawn horizontal). */
    final Set<String> horizontal = new HashSet<>();

    void addShifted(Fragment other, double dx, double dy) {
        other.shapes.forEach((id, b) -> shapes.put(id, b.translate(dx, dy)));
        other.labels.forEach((id, b) -> labels.put(id, b.translate(dx, dy)));
        other.edges.forEach((id, pts) -> edges.put(id, pts.stream().map(p -> p.translate(dx, dy)).toList()));
        expanded.addAll(other.expanded);
        horizontal.addAll(other.horizontal);
    }

    void translate(double dx, double dy) {
        Fragment copy = new Fragment();
        copy.addShifted(this, dx, dy);
        shapes.clear(); shapes.putAll(copy.shapes);
        labels.clear(); labels.putAll(copy.labels);
        edges.clear(); edges.putAll(copy.edges);
    }

    /** The rectangle around everything drawn, or an empty one at the origin. */
    Bounds extent() {
        Bounds all = null;
        for (Bounds b : shapes.values()) all = all == null ? b : all.union(b);
        for (Bounds b : labels.values()) all = all == null ? b : all.union(b);
        for (List<Point> pts : edges.values()) {
            for (Point p : pts) {
                Bounds b = new Bounds(p.x(), p.y(), 0, 0);
                all = all == null ? b : all.union(b);
            }
        }
        return all == null ? new Bounds(0, 0, 0, 0) : all;
    }

    /** Moves everything so that the extent starts at the origin; returns the size. */
    Bounds normalize() {
        Bounds e = extent();
        translate(-e.x(), -e.y());
        return new Bounds(0, 0, e.width(), e.height());
    }
}
