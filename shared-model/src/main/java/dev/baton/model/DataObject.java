package dev.baton.model;

import java.util.List;

public record DataObject(String id, String name, boolean collection, String itemSubjectRef,
                         List<Documentation> documentation, Extensions extensions) implements FlowElement {
    public DataObject {
        documentation = documentation == null ? List.of() : List.copyOf(documentation);
        extensions = Extensions.orNone(extensions);
    }
}
