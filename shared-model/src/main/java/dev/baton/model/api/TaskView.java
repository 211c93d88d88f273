package dev.baton.model.api;

import java.time.Instant;
import java.util.List;

/** An open user task. */
public record TaskView(String id, String instanceId, String processId, String definitionId, String elementId, String name,
                       String assignee, List<String> candidateUsers, List<String> candidateGroups, Instant createdAt) {
    public TaskView {
        candidateUsers = candidateUsers == null ? List.of() : List.copyOf(candidateUsers);
        candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
    }
}
