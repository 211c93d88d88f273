package dev.baton.model.api;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to an instance. id orders all events of the engine; seq orders one instance's events
 * without gaps. type is one of INSTANCE_STARTED, INSTANCE_ENDED (payload state COMPLETED or CANCELED),
 * INSTANCE_SUSPENDED, INSTANCE_RESUMED, ELEMENT_ENTERED, ELEMENT_LEFT, ELEMENT_CANCELED, FLOW_TAKEN (elementId is
 * the flow), VARIABLES_CHANGED, INCIDENT_OPENED, INCIDENT_RESOLVED, JOB_FAILED, MESSAGE_CORRELATED, TASK_CLAIMED,
 * TASK_COMPLETED. durationMs is set on ELEMENT_LEFT, ELEMENT_CANCELED and INSTANCE_ENDED.
 */
public record HistoryEvent(long id, String instanceId, String definitionId, long seq, Instant time, String type,
                           String elementId, String tokenId, Long durationMs, Map<String, Object> payload) {
    public HistoryEvent {
        payload = payload == null ? Map.of() : payload;
    }
}
