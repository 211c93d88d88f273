package dev.baton.model;

import java.util.List;

/** A sequence flow; condition null means unconditional. */
public record SequenceFlow(
        String id,
        String name,
        String sourceRef,
        String targetRef,
        Expression condition,
        Boolean immediate,
        List<Documentation> documentation,
        Extensions extensions) implements FlowElement {

    public SequenceFlow {
        documentation = documentation == null ? List.of() : List.copyOf(documentation);
        extensions = Extensions.orNone(extensions);
    }

    public static SequenceFlow of(String id, String source, String target) {
        return new SequenceFlow(id, null, source, target, null, null, null, null);
    }

    public SequenceFlow withCondition(Expression newCondition) {
        return new SequenceFlow(id, name, sourceRef, targetRef, newCondition, immediate, documentation, extensions);
    }

    public SequenceFlow withEnds(String newSource, String newTarget) {
        return new SequenceFlow(id, name, newSource, newTarget, condition, immediate, documentation, extensions);
    }
}
