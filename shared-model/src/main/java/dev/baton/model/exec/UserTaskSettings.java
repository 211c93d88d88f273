package dev.baton.model.exec;

import dev.baton.model.Expression;
import java.util.List;

public record UserTaskSettings(Expression assignee, List<String> candidateUsers, List<String> candidateGroups, String formKey,
                               Expression dueDate, Expression followUpDate, Integer priority) {
    public UserTaskSettings {
        candidateUsers = candidateUsers == null ? List.of() : List.copyOf(candidateUsers);
        candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
    }
}
