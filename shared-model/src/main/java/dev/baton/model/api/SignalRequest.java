package dev.baton.model.api;

import java.util.Map;

/** A signal to broadcast: every instance waiting for its name gets it, every process with a signal start starts. */
public record SignalRequest(String name, Map<String, Object> variables) {
    public SignalRequest {
        variables = variables == null ? Map.of() : variables;
    }
}
