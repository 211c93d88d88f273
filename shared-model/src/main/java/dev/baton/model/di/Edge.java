package dev.baton.model.di;

import dev.baton.model.Extensions;
import java.util.List;

/** A BPMNEdge with its waypoints; sourceElement and targetElement name DI elements when the file gave them. */
public record Edge(String id, String elementRef, List<Point> waypoints, String sourceElement, String targetElement,
                   String messageVisibleKind, Label label, Extensions extensions) implements DiagramElement {
    public Edge {
        waypoints = waypoints == null ? List.of() : List.copyOf(waypoints);
        extensions = Extensions.orNone(extensions);
    }

    public static Edge of(String id, String elementRef, List<Point> waypoints) {
        return new Edge(id, elementRef, waypoints, null, null, null, null, null);
    }

    public Edge withWaypoints(List<Point> newWaypoints) {
        return new Edge(id, elementRef, newWaypoints, sourceElement, targetElement, messageVisibleKind, label, extensions);
    }
}
