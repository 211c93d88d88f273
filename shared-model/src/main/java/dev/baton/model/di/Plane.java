package dev.baton.model.di;

import dev.baton.model.Extensions;
import java.util.List;
import java.util.Optional;

/** A BPMNPlane: what one diagram draws (elementRef is a process, collaboration or subprocess). */
public record Plane(String id, String elementRef, List<DiagramElement> elements, Extensions extensions) {
    public Plane {
        elements = elements == null ? List.of() : List.copyOf(elements);
        extensions = Extensions.orNone(extensions);
    }

    public List<Shape> shapes() {
        return elements.stream().filter(Shape.class::isInstance).map(Shape.class::cast).toList();
    }

    public List<Edge> edges() {
        return elements.stream().filter(Edge.class::isInstance).map(Edge.class::cast).toList();
    }

    public Optional<Shape> shapeFor(String elementRef) {
        return shapes().stream().filter(s -> elementRef.equals(s.elementRef())).findFirst();
    }

    public Optional<Edge> edgeFor(String elementRef) {
        return edges().stream().filter(s -> elementRef.equals(s.elementRef())).findFirst();
    }

    public Plane withElements(List<DiagramElement> newElements) {
        return new Plane(id, elementRef, newElements, extensions);
    }
}
