package dev.baton.model.api;

import java.time.Instant;

/** Something went wrong at an element; the token waits there until the incident is retried. */
public record IncidentView(String id, String instanceId, String definitionId, String elementId, String tokenId,
                           String kind, String message, Instant createdAt, Instant resolvedAt) {}
