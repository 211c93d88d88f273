package dev.baton.model;

import java.util.List;

/** A data input or output association of an activity or event; its id is what a DI edge points at. */
public record DataAssociation(String id, List<String> sourceRefs, String targetRef, Extensions extensions) {
    public DataAssociation {
        sourceRefs = sourceRefs == null ? List.of() : List.copyOf(sourceRefs);
        extensions = Extensions.orNone(extensions);
    }
}
