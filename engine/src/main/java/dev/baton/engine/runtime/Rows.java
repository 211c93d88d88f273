package dev.baton.engine.runtime;

import java.util.List;

/** Rows a step adds beside the instance row: work for job workers, waits for messages, user tasks, incidents. */
public final class Rows {
    private Rows() {}

    /** EXTERNAL rows are not run by the engine's workers: external workers fetch and lock them over /engine-rest. */
    public enum JobKind { HTTP, TIMER, TIMER_START, SEND_MESSAGE, CALL_START, CALL_DONE, EXTERNAL, PUBLISH, CONTINUE }

    public record Job(String id, JobKind kind, String instanceId, String definitionId, String elementId, String tokenId,
                      long dueAt, int maxAttempts, String idempotencyKey, String payload) {}

    public record Subscription(String id, String messageName, String correlationKey, String instanceId,
                               String definitionId, String tokenId, String elementId) {}

    public record UserTask(String id, String instanceId, String definitionId, String processId, String tokenId,
                           String elementId, String name, String assignee, List<String> candidateUsers,
                           List<String> candidateGroups) {}

    public record Incident(String id, String instanceId, String definitionId, String tokenId, String elementId,
                           String kind, String message) {}

    /** A history event before it has its engine-wide id. */
    public record Event(long seq, long at, String type, String elementId, String tokenId, Long durationMs,
                        java.util.Map<String, Object> payload) {}
}
