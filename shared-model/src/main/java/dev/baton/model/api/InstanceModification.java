package dev.baton.model.api;

import java.util.List;

/**
 * Moves tokens of a running instance, in the style of Camunda's process instance modification: the tokens at the
 * elements in cancel are canceled, then a new token starts before each element in startBefore (as if it had just
 * arrived there). Both lists may name the same element more than once; at least one must not be empty.
 */
public record InstanceModification(List<String> cancel, List<String> startBefore) {
    public InstanceModification {
        cancel = cancel == null ? List.of() : List.copyOf(cancel);
        startBefore = startBefore == null ? List.of() : List.copyOf(startBefore);
    }
}
