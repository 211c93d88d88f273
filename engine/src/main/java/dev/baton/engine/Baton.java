package dev.baton.engine;

import dev.baton.model.exec.RetryPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds an engine. Without a JDBC URL the engine keeps its data in an H2 file database under the data directory
 * (default ~/.baton); with one (PostgreSQL) it uses that database.
 *
 * <pre>{@code
 * try (BatonEngine engine = Baton.builder().dataDir(Path.of("data")).build()) {
 *     engine.deploy(List.of(BpmnFile.of("order.bpmn", xml)));
 *     engine.startInstance("order", new StartInstanceRequest(Map.of("amount", 10), null, null));
 * }
 * }</pre>
 */
public final class Baton {
    Path dataDir = Path.of(System.getProperty("user.home"), ".baton");
    String jdbcUrl;
    String user;
    String password;
    String schema;
    int jobThreads = 32;
    boolean jobWorkers = true;
    Duration jobLease = Duration.ofSeconds(30);
    Duration pollInterval = Duration.ofMillis(200);
    RetryPolicy defaultRetry = RetryPolicy.DEFAULT;
    int poolSize = 10;
    int commitBatch = 64;
    int commitThreads = 2;
    dev.baton.engine.connect.kafka.KafkaConnector.Settings kafka;
    dev.baton.engine.connect.rabbit.RabbitConnector.Settings rabbit;
    dev.baton.engine.job.HttpSettings http = dev.baton.engine.job.HttpSettings.DEFAULT;
    java.util.function.Function<String, String> environment = System::getenv;

    private Baton() {}

    public static Baton builder() { return new Baton(); }

    /** Where the H2 database lives when no JDBC URL is given. */
    public Baton dataDir(Path dir) {
        this.dataDir = Objects.requireNonNull(dir);
        return this;
    }

    /** A JDBC URL (jdbc:postgresql://... or jdbc:h2:...) with its user and password (either may be null). */
    public Baton jdbc(String url, String user, String password) {
        this.jdbcUrl = url;
        this.user = user;
        this.password = password;
        return this;
    }

    /** A database schema of its own (created when missing); PostgreSQL only. */
    public Baton schema(String schema) {
        this.schema = schema;
        return this;
    }

    /** How many jobs (HTTP calls, timers) run at once; 0 turns the job workers off. */
    public Baton jobThreads(int threads) {
        this.jobThreads = threads;
        this.jobWorkers = threads > 0;
        return this;
    }

    /** How long a worker holds a job before another may take it again (after a crash). */
    public Baton jobLease(Duration lease) {
        this.jobLease = lease;
        return this;
    }

    /** How often job workers look for due jobs when nothing woke them. */
    public Baton pollInterval(Duration interval) {
        this.pollInterval = interval;
        return this;
    }

    /** Retries of failed work when the process does not say: 3 tries, 1 s backoff doubling, by default. */
    public Baton defaultRetry(RetryPolicy policy) {
        this.defaultRetry = Objects.requireNonNull(policy);
        return this;
    }

    /** Kafka brokers for publishing tasks and events and for messages with a Kafka channel; the engine refuses to start when they do not answer. */
    public Baton kafka(dev.baton.engine.connect.kafka.KafkaConnector.Settings settings) {
        this.kafka = settings;
        return this;
    }

    /** A RabbitMQ broker for publishing and for messages with a RabbitMQ channel; the engine refuses to start when it does not answer. */
    public Baton rabbit(dev.baton.engine.connect.rabbit.RabbitConnector.Settings settings) {
        this.rabbit = settings;
        return this;
    }

    /** HTTP calls: circuit breakers per host, a CA file for TLS, a secrets file (see {@link dev.baton.engine.job.HttpSettings}). */
    public Baton http(dev.baton.engine.job.HttpSettings settings) {
        this.http = Objects.requireNonNull(settings);
        return this;
    }

    /** Where named secrets are looked up before the secrets file (default: the process's environment variables). */
    public Baton environment(java.util.function.Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment);
        return this;
    }

    public Baton connectionPoolSize(int size) {
        this.poolSize = size;
        return this;
    }

    /**
     * Group commit: how many commands (starts, job results, correlations, API calls) ready at the same time share one
     * transaction at most (default 64). Each still runs in a savepoint of its own and its caller is answered after the
     * commit. 1 turns group commit off: each command commits alone on its caller's thread.
     */
    public Baton commitBatch(int commands) {
        if (commands < 1) throw new IllegalArgumentException("commitBatch must be at least 1, not " + commands);
        this.commitBatch = commands;
        return this;
    }

    /**
     * Threads that commit batches (default 2): while one batch commits, or waits for a row another engine holds, the
     * next one is run by another.
     */
    public Baton commitThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("commitThreads must be at least 1, not " + threads);
        this.commitThreads = threads;
        return this;
    }

    /** Opens the database (migrating its schema), and starts the job workers. */
    public BatonEngine build() {
        return new BatonEngine(this);
    }

    String effectiveJdbcUrl() {
        if (jdbcUrl != null) return jdbcUrl;
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("engine").toString().replace('\\', '/')
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
    }
}
