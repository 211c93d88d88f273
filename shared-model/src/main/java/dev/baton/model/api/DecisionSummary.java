package dev.baton.model.api;

import java.time.Instant;

/** A deployed DMN decision: id is key:version; business rule tasks call it by key. */
public record DecisionSummary(String id, String key, int version, String name, String deploymentId, String sourceName,
                              Instant deployedAt) {}
