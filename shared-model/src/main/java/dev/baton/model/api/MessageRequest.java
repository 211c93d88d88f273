package dev.baton.model.api;

import java.util.Map;

/** A message for a waiting instance, or for a message start event. */
public record MessageRequest(String name, String correlationKey, String businessKey, Map<String, Object> variables) {
    public MessageRequest {
        variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    }
}
