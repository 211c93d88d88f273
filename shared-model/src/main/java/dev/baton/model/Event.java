package dev.baton.model;

import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.IoMapping;
import java.util.List;

/**
 * A start, intermediate, boundary or end event.
 *
 * @param interrupting   for boundary events cancelActivity; for start events in event subprocesses isInterrupting;
 *                       true elsewhere
 * @param attachedToRef  the host activity of a boundary event, else null
 * @param implementation how a throwing message event is carried out (a publish, a call), or null
 */
public record Event(
        String id,
        String name,
        ElementKind kind,
        List<EventDefinition> eventDefinitions,
        boolean interrupting,
        String attachedToRef,
        boolean parallelMultiple,
        List<DataAssociation> dataInputAssociations,
        List<DataAssociation> dataOutputAssociations,
        Implementation implementation,
        IoMapping io,
        List<Documentation> documentation,
        Extensions extensions) implements FlowNode {

    public Event {
        if (kind == null || !kind.isEvent()) throw new IllegalArgumentException("event " + id + " needs an event kind, got " + kind);
        eventDefinitions = eventDefinitions == null ? List.of() : List.copyOf(eventDefinitions);
        dataInputAssociations = dataInputAssociations == null ? List.of() : List.copyOf(dataInputAssociations);
        dataOutputAssociations = dataOutputAssociations == null ? List.of() : List.copyOf(dataOutputAssociations);
        io = IoMapping.orNone(io);
        documentation = documentation == null ? List.of() : List.copyOf(documentation);
        extensions = Extensions.orNone(extensions);
    }

    /** A plain event of the given kind with at most one definition. */
    public static Event of(String id, String name, ElementKind kind, EventDefinition definition) {
        return new Event(id, name, kind, definition == null ? List.of() : List.of(definition), true, null, false,
                null, null, null, null, null, null);
    }

    public static Event boundary(String id, String name, String attachedTo, boolean interrupting, EventDefinition definition) {
        return new Event(id, name, ElementKind.BOUNDARY_EVENT, List.of(definition), interrupting, attachedTo, false,
                null, null, null, null, null, null);
    }

    /** The single event definition, or null for a none event (or the first when a file holds several). */
    public EventDefinition definition() {
        return eventDefinitions.isEmpty() ? null : eventDefinitions.get(0);
    }

    public boolean isThrowing() {
        return kind == ElementKind.INTERMEDIATE_THROW_EVENT || kind == ElementKind.END_EVENT;
    }

    public boolean isCatching() { return !isThrowing(); }

    public Event withName(String newName) {
        return new Event(id, newName, kind, eventDefinitions, interrupting, attachedToRef, parallelMultiple,
                dataInputAssociations, dataOutputAssociations, implementation, io, documentation, extensions);
    }

    public Event withId(String newId) {
        return new Event(newId, name, kind, eventDefinitions, interrupting, attachedToRef, parallelMultiple,
                dataInputAssociations, dataOutputAssociations, implementation, io, documentation, extensions);
    }
}
