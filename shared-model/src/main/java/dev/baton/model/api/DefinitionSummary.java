package dev.baton.model.api;

import java.time.Instant;

/**
 * One deployed version of one process. id is what instances and statistics refer to; versionTag is the tag the file
 * gives the process (camunda:versionTag, zeebe:versionTag), or null.
 */
public record DefinitionSummary(String id, String processId, int version, String name, String deploymentId,
                                String sourceName, Instant deployedAt, String versionTag) {}
