package dev.baton.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;

/** The engine's Prometheus metrics: instances, steps, jobs and HTTP calls. */
public final class EngineMetrics {
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final Counter started = Counter.builder("baton.instances.started").description("process instances started").register(registry);
    final Counter completed = Counter.builder("baton.instances.completed").description("process instances completed").register(registry);
    final Counter failed = Counter.builder("baton.incidents.opened").description("incidents opened (failed steps)").register(registry);
    final Counter steps = Counter.builder("baton.steps").description("committed steps (commands)").register(registry);
    final Counter operations = Counter.builder("baton.operations").description("agenda operations run").register(registry);
    final io.micrometer.core.instrument.DistributionSummary commits = io.micrometer.core.instrument.DistributionSummary
            .builder("baton.commits").description("transactions that stored steps, by the commands each committed together (group commit)")
            .register(registry);
    final Timer jobLatency = Timer.builder("baton.job.latency").description("time from a job's due time to its start")
            .publishPercentiles(0.5, 0.99).register(registry);

    public void httpCall(String host, Duration took, boolean ok) {
        Timer.builder("baton.http.calls").description("HTTP calls of service tasks").tag("host", host)
                .tag("outcome", ok ? "success" : "failure").register(registry).record(took);
    }

    /** An HTTP job waited because its host's circuit breaker was open. */
    public void httpDeferred(String host) {
        Counter.builder("baton.http.deferred").description("HTTP jobs put back because the host's circuit breaker was open")
                .tag("host", host).register(registry).increment();
    }

    public void jobStarted(long dueAt, long now) { jobLatency.record(Duration.ofMillis(Math.max(0, now - dueAt))); }

    /** Transactions that stored commands so far. */
    public long commitCount() { return commits.count(); }

    /** The most commands one transaction committed together so far. */
    public double largestCommit() { return commits.max(); }

    public PrometheusMeterRegistry registry() { return registry; }

    public String scrape() { return registry.scrape(); }
}
