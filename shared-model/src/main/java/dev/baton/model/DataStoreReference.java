package dev.baton.model;

import java.util.List;

public record DataStoreReference(String id, String name, String dataStoreRef, String itemSubjectRef,
                                 List<Documentation> documentation, Extensions extensions) implements FlowElement {
    public DataStoreReference {
        documentation = documentation == null ? List.of() : List.copyOf(documentation);
        extensions = Extensions.orNone(extensions);
    }
}
