package dev.baton.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The inside of a process or subprocess: its flow elements in document order, its artifacts and its lane sets.
 */
public record FlowContent(List<FlowElement> elements, List<Artifact> artifacts, List<LaneSet> laneSets) {
    public static final FlowContent EMPTY = new FlowContent(List.of(), List.of(), List.of());

    public FlowContent {
        elements = elements == null ? List.of() : List.copyOf(elements);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        laneSets = laneSets == null ? List.of() : List.copyOf(laneSets);
    }

    public static FlowContent orEmpty(FlowContent c) { return c == null ? EMPTY : c; }

    public List<FlowNode> nodes() {
        return elements.stream().filter(FlowNode.class::isInstance).map(FlowNode.class::cast).toList();
    }

    public List<SequenceFlow> flows() {
        return elements.stream().filter(SequenceFlow.class::isInstance).map(SequenceFlow.class::cast).toList();
    }

    public Optional<FlowElement> element(String id) {
        return elements.stream().filter(e -> id.equals(e.id())).findFirst();
    }

    public List<SequenceFlow> outgoing(String nodeId) {
        return flows().stream().filter(f -> nodeId.equals(f.sourceRef())).toList();
    }

    public List<SequenceFlow> incoming(String nodeId) {
        return flows().stream().filter(f -> nodeId.equals(f.targetRef())).toList();
    }

    /** Boundary events attached to the given activity. */
    public List<Event> boundaryEvents(String activityId) {
        return nodes().stream().filter(n -> n instanceof Event e && activityId.equals(e.attachedToRef()))
                .map(Event.class::cast).toList();
    }

    /** Every flow element here and in nested subprocesses, depth first. */
    public Stream<FlowElement> deepElements() {
        return elements.stream().flatMap(e -> e instanceof SubProcess sp
                ? Stream.concat(Stream.of(e), sp.content().deepElements())
                : Stream.of(e));
    }

    public FlowContent withElements(List<FlowElement> newElements) {
        return new FlowContent(newElements, artifacts, laneSets);
    }

    public FlowContent withArtifacts(List<Artifact> newArtifacts) {
        return new FlowContent(elements, newArtifacts, laneSets);
    }

    public FlowContent withLaneSets(List<LaneSet> newLaneSets) {
        return new FlowContent(elements, artifacts, newLaneSets);
    }

    /** Adds an element at the end. */
    public FlowContent plus(FlowElement element) {
        List<FlowElement> copy = new ArrayList<>(elements);
        copy.add(element);
        return withElements(copy);
    }

    /** Replaces the element with the same id, or adds it when absent. */
    public FlowContent replace(FlowElement element) {
        List<FlowElement> copy = new ArrayList<>(elements);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).id().equals(element.id())) {
                copy.set(i, element);
                return withElements(copy);
            }
        }
        copy.add(element);
        return withElements(copy);
    }

    public FlowContent without(String id) {
        return withElements(elements.stream().filter(e -> !id.equals(e.id())).toList());
    }
}
