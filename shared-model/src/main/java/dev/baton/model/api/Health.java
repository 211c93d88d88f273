package dev.baton.model.api;

/** status is UP when the database answers and the job workers run, else DOWN. */
public record Health(String status, String database, String jobWorkers, long jobsDue) {}
