package dev.baton.model.api;

import java.time.Instant;

/** A row of an instance list. */
public record InstanceSummary(String id, String definitionId, String processId, String businessKey, InstanceState state,
                              Instant startedAt, Instant endedAt) {}
