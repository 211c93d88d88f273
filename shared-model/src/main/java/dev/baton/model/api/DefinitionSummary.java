package dev.baton.model.api;

import java.time.Instant;

/** One deployed version of one process. id is what instances and statistics refer to. */
public record DefinitionSummary(String id, String processId, int version, String name, String deploymentId,
                                String sourceName, Instant deployedAt) {}
