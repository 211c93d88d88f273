package dev.baton.model.api;

/**
 * A token: where in the diagram an instance is. state is ACTIVE (working), WAITING (for a message, timer, task,
 * job or join) or INCIDENT (stopped until an incident is retried).
 */
public record TokenView(String id, String elementId, String state, String scopeId) {}
