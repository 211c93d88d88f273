package dev.baton.model.api;

/**
 * Per element of one definition: tokens there now, open incidents there, how often it completed, and the average
 * time a token spent there before it left (null when none has left yet).
 */
public record ElementStatistics(String elementId, long active, long incidents, long completed, Long averageDurationMs) {
    public ElementStatistics(String elementId, long active, long incidents, long completed) {
        this(elementId, active, incidents, completed, null);
    }
}
