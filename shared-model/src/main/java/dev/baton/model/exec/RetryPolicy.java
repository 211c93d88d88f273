package dev.baton.model.exec;

import java.time.Duration;

/**
 * How failed work is retried before it becomes an incident.
 *
 * @param maxAttempts   total tries, the first included
 * @param retryCycle    the ISO 8601 repeat interval as written (e.g. R5/PT10S), or null
 * @param initialBackoff the first wait, doubled (times multiplier) for each further try; null for the engine default
 */
public record RetryPolicy(int maxAttempts, String retryCycle, Duration initialBackoff, double multiplier) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, null, Duration.ofSeconds(1), 2.0);

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("a retry policy needs at least one attempt, got " + maxAttempts);
        if (multiplier < 1.0) throw new IllegalArgumentException("a retry backoff multiplier must be at least 1, got " + multiplier);
    }
}
