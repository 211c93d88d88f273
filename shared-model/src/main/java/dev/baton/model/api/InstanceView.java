package dev.baton.model.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A process instance with its variables, tokens and open incidents. */
public record InstanceView(String id, String definitionId, String processId, String businessKey, InstanceState state,
                           Instant startedAt, Instant endedAt, Map<String, Object> variables, List<TokenView> tokens,
                           List<IncidentView> incidents) {
    public InstanceView {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
    }
}
