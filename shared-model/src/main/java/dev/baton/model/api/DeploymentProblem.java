package dev.baton.model.api;

/** Why a file cannot be deployed. severity is ERROR, WARNING or INFO; elementId and line may be absent. */
public record DeploymentProblem(String file, String elementId, String severity, String message, Integer line) {}
