package dev.baton.model;

import java.util.List;

public record DataObjectReference(String id, String name, String dataObjectRef, String itemSubjectRef,
                                  List<Documentation> documentation, Extensions extensions) implements FlowElement {
    public DataObjectReference {
        documentation = documentation == null ? List.of() : List.copyOf(documentation);
        extensions = Extensions.orNone(extensions);
    }
}
