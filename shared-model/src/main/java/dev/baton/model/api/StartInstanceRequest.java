package dev.baton.model.api;

import java.util.Map;

/** Starts an instance. The same idempotencyKey always answers with the instance it first started. */
public record StartInstanceRequest(Map<String, Object> variables, String businessKey, String idempotencyKey) {
    public StartInstanceRequest {
        variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    }
}
