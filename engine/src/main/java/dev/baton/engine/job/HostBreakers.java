package dev.baton.engine.job;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Resilience4j circuit breaker per target host (host:port). After the configured number of consecutive failures
 * the breaker opens; while it is open the host's HTTP jobs wait instead of calling (and spend none of their tries);
 * when the wait is over, probes go through (half open) and close it again when they succeed. Each breaker's state is
 * a gauge {@code baton_http_circuit_state{host, state}} (1 for the current state, 0 for the others) in /metrics.
 */
public final class HostBreakers {
    private final CircuitBreakerRegistry registry;
    private final MeterRegistry meters;
    private final HttpSettings settings;
    private final Map<String, Long> openedAt = new ConcurrentHashMap<>();

    public HostBreakers(HttpSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
        int n = Math.max(1, settings.breakerFailures());
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(n).minimumNumberOfCalls(n)
                // every call of the window failed: n failures in a row
                .failureRateThreshold(100f)
                .slowCallRateThreshold(100f).slowCallDurationThreshold(java.time.Duration.ofDays(1))
                .waitDurationInOpenState(settings.breakerOpen())
                .permittedNumberOfCallsInHalfOpenState(settings.breakerHalfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
    }

    public boolean enabled() { return settings.breakerFailures() > 0; }

    /** The host's breaker, made (with its gauges) on first use; null when breakers are off. */
    public CircuitBreaker forHost(String host) {
        if (!enabled()) return null;
        return registry.getAllCircuitBreakers().stream().filter(b -> b.getName().equals(host)).findFirst()
                .orElseGet(() -> create(host));
    }

    private synchronized CircuitBreaker create(String host) {
        var existing = registry.find(host);
        if (existing.isPresent()) return existing.get();
        CircuitBreaker b = registry.circuitBreaker(host);
        b.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) openedAt.put(host, System.currentTimeMillis());
        });
        for (CircuitBreaker.State s : new CircuitBreaker.State[]{CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN}) {
            Gauge.builder("baton.http.circuit.state", b, cb -> cb.getState() == s ? 1 : 0)
                    .description("state of the circuit breaker of an HTTP target host: 1 for the current state")
                    .tag("host", host).tag("state", s.name().toLowerCase(Locale.ROOT)).register(meters);
        }
        return b;
    }

    /** How long a job for the host should wait before it looks again: the rest of the open time, or a short pause while probes run. */
    public long waitMs(String host, CircuitBreaker b) {
        if (b.getState() == CircuitBreaker.State.OPEN) {
            long opened = openedAt.getOrDefault(host, System.currentTimeMillis());
            return Math.max(50, opened + settings.breakerOpen().toMillis() - System.currentTimeMillis());
        }
        return Math.max(50, Math.min(1000, settings.breakerOpen().toMillis() / 2));
    }
}
