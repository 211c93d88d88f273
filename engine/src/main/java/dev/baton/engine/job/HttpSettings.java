package dev.baton.engine.job;

import dev.baton.engine.EngineException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the engine makes HTTP calls, from the engine configuration file.
 *
 * @param breakerFailures      consecutive failures (connection errors, timeouts, 5xx, 429) of one host that open its
 *                             circuit breaker; 0 turns the breakers off
 * @param breakerOpen          how long an open breaker keeps calls to its host back before it lets probes through
 * @param breakerHalfOpenCalls probes let through when the wait is over; all of them must succeed to close it again
 * @param caFile               PEM CA certificates trusted besides the JDK trust store (null: the JDK's only)
 * @param secretsFile          a properties file of named secrets (NAME=value); environment variables are looked at first
 */
public record HttpSettings(int breakerFailures, Duration breakerOpen, int breakerHalfOpenCalls, Path caFile, Path secretsFile) {
    public static final HttpSettings DEFAULT = new HttpSettings(5, Duration.ofSeconds(30), 1, null, null);

    public HttpSettings {
        if (breakerFailures < 0) throw new EngineException("http-breaker-failures must not be negative");
        if (breakerOpen == null || breakerOpen.isNegative() || breakerOpen.isZero()) throw new EngineException("http-breaker-open must be positive");
        if (breakerHalfOpenCalls < 1) throw new EngineException("http-breaker-half-open-calls must be at least 1");
        if (caFile != null && !Files.isReadable(caFile)) throw new EngineException("http-ca-file " + caFile + " cannot be read");
        if (secretsFile != null && !Files.isReadable(secretsFile)) throw new EngineException("secrets-file " + secretsFile + " cannot be read");
    }

    public HttpSettings withBreaker(int failures, Duration open, int halfOpenCalls) {
        return new HttpSettings(failures, open, halfOpenCalls, caFile, secretsFile);
    }

    public HttpSettings withCaFile(Path file) { return new HttpSettings(breakerFailures, breakerOpen, breakerHalfOpenCalls, file, secretsFile); }

    public HttpSettings withSecretsFile(Path file) { return new HttpSettings(breakerFailures, breakerOpen, breakerHalfOpenCalls, caFile, file); }

    /**
     * From the engine options: http-breaker-failures (default 5), http-breaker-open (seconds, default 30),
     * http-breaker-half-open-calls (default 1), http-ca-file, secrets-file.
     */
    public static HttpSettings fromOptions(Map<String, String> o) {
        return new HttpSettings(number(o, "http-breaker-failures", DEFAULT.breakerFailures()),
                Duration.ofMillis((long) (decimal(o, "http-breaker-open", DEFAULT.breakerOpen().toMillis() / 1000.0) * 1000)),
                number(o, "http-breaker-half-open-calls", DEFAULT.breakerHalfOpenCalls()),
                o.containsKey("http-ca-file") ? Path.of(o.get("http-ca-file").strip()) : null,
                o.containsKey("secrets-file") ? Path.of(o.get("secrets-file").strip()) : null);
    }

    private static int number(Map<String, String> o, String key, int fallback) {
        if (!o.containsKey(key)) return fallback;
        try {
            return Integer.parseInt(o.get(key).strip());
        } catch (NumberFormatException e) {
            throw new EngineException(key + " must be a whole number, not " + o.get(key));
        }
    }

    private static double decimal(Map<String, String> o, String key, double fallback) {
        if (!o.containsKey(key)) return fallback;
        try {
            return Double.parseDouble(o.get(key).strip());
        } catch (NumberFormatException e) {
            throw new EngineException(key + " must be a number of seconds, not " + o.get(key));
        }
    }
}
