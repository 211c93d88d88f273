package dev.baton.engine.runtime;

import java.util.Map;

/**
 * Something a waiting token was waiting for: a message, a timer, a finished job, a completed user task.
 *
 * @param elementId the element that caught it: the token's own element, a boundary event on it, or an event after
 *                  an event-based gateway
 * @param variables variables the trigger brings into the instance
 * @param data      extra data, such as an HTTP response
 */
public record Trigger(String elementId, Map<String, Object> variables, Map<String, Object> data) {
    public Trigger {
        variables = variables == null ? Map.of() : variables;
        data = data == null ? Map.of() : data;
    }
}
