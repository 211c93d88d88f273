package dev.baton.model.api;

import java.util.List;
import java.util.Map;

/**
 * Call activity links of an instance: the instance that called it (or null) and the instances it called;
 * calledBy maps each called instance to the call activity that started it.
 */
public record InstanceFamily(String instanceId, String parentInstanceId, List<String> childInstanceIds,
                             Map<String, String> calledBy) {
    public InstanceFamily {
        childInstanceIds = childInstanceIds == null ? List.of() : List.copyOf(childInstanceIds);
        calledBy = calledBy == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(calledBy));
    }

    public InstanceFamily(String instanceId, String parentInstanceId, List<String> childInstanceIds) {
        this(instanceId, parentInstanceId, childInstanceIds, null);
    }
}
