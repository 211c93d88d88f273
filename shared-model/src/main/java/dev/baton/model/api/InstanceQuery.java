package dev.baton.model.api;

import java.time.Instant;

/** Filters for listing instances; null means "any". */
public record InstanceQuery(String processId, String definitionId, InstanceState state, String businessKey,
                            Instant startedAfter, Instant startedBefore, int offset, int limit) {
    public InstanceQuery {
        if (offset < 0) offset = 0;
        if (limit <= 0 || limit > 1000) limit = 100;
    }
    public static InstanceQuery all() { return new InstanceQuery(null, null, null, null, null, null, 0, 100); }
}
