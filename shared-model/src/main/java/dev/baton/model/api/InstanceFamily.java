package dev.baton.model.api;

import java.util.List;

/** Call activity links of an instance: the instance that called it (or null) and the instances it called. */
public record InstanceFamily(String instanceId, String parentInstanceId, List<String> childInstanceIds) {
    public InstanceFamily {
        childInstanceIds = childInstanceIds == null ? List.of() : List.copyOf(childInstanceIds);
    }
}
