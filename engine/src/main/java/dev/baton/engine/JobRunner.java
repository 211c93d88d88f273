package dev.baton.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.deploy.DefinitionCache;
import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.deploy.TimerPayload;
import dev.baton.engine.job.HttpCaller;
import dev.baton.engine.runtime.Commands;
import dev.baton.engine.runtime.Rows;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.TimerSchedule;
import dev.baton.engine.runtime.Token;
import dev.baton.engine.runtime.Trigger;
import dev.baton.engine.store.Database;
import dev.baton.engine.store.StepWriter;
import dev.baton.engine.store.jooq.tables.records.JobsRecord;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.MessageRequest;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.baton.engine.store.jooq.Tables.DEFINITIONS;
import static dev.baton.engine.store.jooq.Tables.JOBS;

/**
 * Runs one leased job: an HTTP call, a timer, a timer start, a message send. The work outside the engine happens
 * first; its result is applied to the instance in one transaction that also removes the job. A crash in between
 * leaves the job to run again after its lease: at least once.
 */
final class JobRunner {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final BatonEngine engine;
    private final Database db;
    private final Commands commands;
    private final DefinitionCache definitions;
    private final ObjectMapper json;
    private final EngineMetrics metrics;
    private final String owner;

    JobRunner(BatonEngine engine, Database db, Commands commands, DefinitionCache definitions, ObjectMapper json,
              EngineMetrics metrics, String owner) {
        this.engine = engine;
        this.db = db;
        this.commands = commands;
        this.definitions = definitions;
        this.json = json;
        this.metrics = metrics;
        this.owner = owner;
    }

    /** The job was taken by someone else or its token moved on; nothing to do. */
    private static final class Stale extends RuntimeException {
        Stale() { super(null, null, false, false); }
    }

    void run(JobsRecord job) {
        metrics.jobStarted(job.getDueAt(), System.currentTimeMillis());
        try {
            switch (Rows.JobKind.valueOf(job.getKind())) {
                case HTTP -> runHttp(job);
                case TIMER -> fireTimer(job);
                case TIMER_START -> startByTimer(job);
                case SEND_MESSAGE -> sendMessage(job);
                case CALL_START -> startCall(job);
                case CALL_DONE -> callDone(job);
                case PUBLISH -> publish(job);
                case CONTINUE -> continueAfterCommitPoint(job);
                case EXTERNAL -> log.warn("external task {} was handed to a job worker; external workers take it", job.getId());
            }
        } catch (Stale | EngineException.NotFound e) {
            log.debug("job {} is no longer wanted", job.getId());
        }
    }

    private Map<String, Object> payload(JobsRecord job) {
        if (job.getPayload() == null) return Map.of();
        try {
            return json.readValue(job.getPayload(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new IllegalStateException("job " + job.getId() + " has an unreadable payload", e);
        }
    }

    /** Removes the job if this worker still holds it; otherwise the step is stale. */
    private void consume(DSLContext dsl, JobsRecord job) {
        if (!StepWriter.deleteLeasedJob(dsl, job.getId(), owner)) throw new Stale();
    }

    private static Token token(Step step, JobsRecord job) {
        if (step.instance.state != InstanceState.ACTIVE) throw new Stale();
        return step.state.token(job.getTokenId()).orElseThrow(Stale::new);
    }

    /** The job's outside work succeeded: the job is removed and its element triggered, so the token goes on. */
    private void completeJob(JobsRecord job) {
        commands.onInstance(job.getInstanceId(), (step, dsl) -> {
            Token token = token(step, job);
            consume(dsl, job);
            step.fire(token, new Trigger(job.getElementId(), null, null));
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private void runHttp(JobsRecord job) {
        Map<String, Object> p = payload(job);
        String method = (String) p.get("method");
        String url = (String) p.get("url");
        Number timeoutMs = (Number) p.get("timeoutMs");
        dev.baton.engine.job.HttpConnector connector = engine.http;
        // named secrets are filled in only now: the job row, history and incidents hold their names, never their values
        List<String> secretValues = new java.util.ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> h : ((Map<String, String>) p.getOrDefault("headers", Map.of())).entrySet()) {
                headers.put(h.getKey(), connector.secrets().fill(h.getValue(), secretValues));
            }
            if (p.get("secretRef") instanceof String ref && !ref.isBlank()) {
                String secret = connector.secrets().resolve(ref);
                secretValues.add(secret);
                headers.put("Authorization", dev.baton.engine.job.Secrets.authorization(secret));
            }
        } catch (dev.baton.engine.job.Secrets.Missing e) {
            fail(job, p, "HTTP " + method + " " + url + " was not sent: " + e.getMessage());
            return;
        }
        String authority = authority(url);
        io.github.resilience4j.circuitbreaker.CircuitBreaker breaker = connector.breakers().forHost(authority);
        if (breaker != null && !breaker.tryAcquirePermission()) {
            deferForBreaker(job, authority, breaker);
            return;
        }
        long started = System.nanoTime();
        HttpCaller.Response response;
        try {
            response = connector.caller().call(method, url, headers, (String) p.get("body"),
                    (String) p.getOrDefault("contentType", "application/json"),
                    timeoutMs == null ? null : Duration.ofMillis(timeoutMs.longValue()), job.getIdempotencyKey());
        } catch (IOException e) {
            long took = System.nanoTime() - started;
            if (breaker != null) breaker.onError(took, java.util.concurrent.TimeUnit.NANOSECONDS, e);
            metrics.httpCall(host(url), Duration.ofNanos(took), false);
            String tls = connector.tlsProblem(e);
            fail(job, p, dev.baton.engine.job.Secrets.redact("HTTP " + method + " " + url + " failed: " + (tls != null ? tls : describe(e)), secretValues));
            return;
        } catch (InterruptedException e) {
            if (breaker != null) breaker.releasePermission();
            Thread.currentThread().interrupt();
            return;
        }
        long took = System.nanoTime() - started;
        if (breaker != null) {
            // only answers that say the host cannot serve now count against it; a 500 is this request's own failure,
            // which its tries and then an incident deal with, as without a breaker
            int st = response.status();
            if (st == 502 || st == 503 || st == 504 || st == 429) {
                breaker.onError(took, java.util.concurrent.TimeUnit.NANOSECONDS, new IOException("HTTP status " + response.status()));
            } else {
                breaker.onSuccess(took, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }
        metrics.httpCall(host(url), Duration.ofNanos(took), response.ok());
        String bpmnError = response.ok() ? null
                : dev.baton.engine.behavior.HttpWork.errorCodeFor((Map<String, String>) p.get("errorCodes"), response.status());
        if (bpmnError != null) {
            String message = "HTTP " + method + " " + url + " answered " + response.status();
            commands.onInstance(job.getInstanceId(), (step, dsl) -> {
                Token token = token(step, job);
                consume(dsl, job);
                step.fire(token, new Trigger(job.getElementId(), null, Map.of("bpmnError", bpmnError, "errorMessage", message)));
                return null;
            });
            return;
        }
        if (!response.ok()) {
            String body = response.body() == null ? "" : String.valueOf(response.body());
            String error = "HTTP " + method + " " + url + " answered " + response.status()
                    + (body.isEmpty() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
            fail(job, p, dev.baton.engine.job.Secrets.redact(error, secretValues), HttpCaller.retryAfterMs(response.headers(), System.currentTimeMillis()));
            return;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("status", response.status());
        r.put("headers", response.headers());
        r.put("body", response.body());
        commands.onInstance(job.getInstanceId(), (step, dsl) -> {
            Token token = token(step, job);
            consume(dsl, job);
            step.fire(token, new Trigger(job.getElementId(), null, Map.of("response", r)));
            return null;
        });
    }

    /**
     * The host's circuit breaker is open (or its probes are out): the job waits without calling and without spending
     * a try, and looks again when the breaker lets calls through.
     */
    private void deferForBreaker(JobsRecord job, String authority, io.github.resilience4j.circuitbreaker.CircuitBreaker breaker) {
        long wait = engine.http.breakers().waitMs(authority, breaker);
        String why = "The circuit breaker for " + authority + " is " + breaker.getState().name().toLowerCase(java.util.Locale.ROOT)
                + " after repeated failures; the call waits " + wait + " ms without spending a try";
        int n = db.dsl().update(JOBS).set(JOBS.DUE_AT, System.currentTimeMillis() + wait)
                .set(JOBS.LEASE_OWNER, (String) null).set(JOBS.LEASE_UNTIL, (Long) null).set(JOBS.LAST_ERROR, why)
                .where(JOBS.ID.eq(job.getId())).and(JOBS.LEASE_OWNER.eq(owner)).execute();
        if (n == 1) metrics.httpDeferred(authority);
        log.debug("job {}: {}", job.getId(), why);
    }

    /** host:port of a URL: the unit a circuit breaker watches. */
    private static String authority(String url) {
        try {
            URI u = URI.create(url);
            if (u.getHost() == null) return "unknown";
            int port = u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
            return u.getHost() + ":" + port;
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }

    /** Starts the process a call activity calls; the child's idempotency key makes a repeated job start nothing. */
    @SuppressWarnings("unchecked")
    private void startCall(JobsRecord job) {
        Map<String, Object> p = payload(job);
        String processId = (String) p.get("processId");
        String binding = (String) p.get("binding");
        var q = db.dsl().select(DEFINITIONS.ID).from(DEFINITIONS).where(DEFINITIONS.PROCESS_ID.eq(processId));
        String definitionId = switch (binding) {
            case "VERSION" -> q.and(DEFINITIONS.VERSION.eq(Integer.valueOf(String.valueOf(p.get("version"))))).fetchOne(DEFINITIONS.ID);
            case "DEPLOYMENT" -> q.and(DEFINITIONS.DEPLOYMENT_ID.eq(db.dsl().select(DEFINITIONS.DEPLOYMENT_ID).from(DEFINITIONS)
                    .where(DEFINITIONS.ID.eq((String) p.get("callerDefinitionId"))))).fetchOne(DEFINITIONS.ID);
            // as Camunda: the newest version whose file carries the tag
            case "VERSION_TAG" -> q.and(DEFINITIONS.VERSION_TAG.eq(String.valueOf(p.get("version"))))
                    .orderBy(DEFINITIONS.VERSION.desc()).limit(1).fetchOne(DEFINITIONS.ID);
            default -> q.orderBy(DEFINITIONS.VERSION.desc()).limit(1).fetchOne(DEFINITIONS.ID);
        };
        if (definitionId == null) {
            fail(job, p, "No process '" + processId + "' is deployed" + switch (binding) {
                case "VERSION" -> " in version " + p.get("version");
                case "DEPLOYMENT" -> " in the caller's deployment";
                case "VERSION_TAG" -> " with version tag '" + p.get("version") + "'";
                default -> "";
            });
            return;
        }
        ProcessModel model = definitions.get(definitionId);
        var start = model.noneStart(null);
        if (start.isEmpty()) {
            fail(job, p, "Process " + definitionId + " has no none start event to call it at");
            return;
        }
        Step child = commands.start(model, start.get().id(), (Map<String, Object>) p.getOrDefault("variables", Map.of()),
                (String) p.get("businessKey"), job.getIdempotencyKey(), dsl -> consume(dsl, job), s -> {
                    s.parentInstanceId = job.getInstanceId();
                    s.parentDefinitionId = job.getDefinitionId();
                    s.parentTokenId = job.getTokenId();
                    s.parentElementId = job.getElementId();
                });
        // an earlier try already started the child: only the job is left to remove
        if (child == null) db.dsl().deleteFrom(JOBS).where(JOBS.ID.eq(job.getId())).execute();
    }

    /** A called instance ended: its caller's token goes on (or handles its error). */
    private void callDone(JobsRecord job) {
        Map<String, Object> p = payload(job);
        try {
            commands.onInstance(job.getInstanceId(), (step, dsl) -> {
                Token token = token(step, job);
                consume(dsl, job);
                step.fire(token, new Trigger(job.getElementId(), null, p));
                return null;
            });
        } catch (Stale | EngineException.NotFound e) {
            // the caller moved on (its call activity was interrupted or it ended): nobody waits for this child
            boolean waiting;
            try {
                waiting = engine.instance(job.getInstanceId()).tokens().stream().anyMatch(t -> t.id().equals(job.getTokenId()));
            } catch (EngineException.NotFound gone) {
                waiting = false;
            }
            if (!waiting) db.dsl().deleteFrom(JOBS).where(JOBS.ID.eq(job.getId())).execute();
        }
    }

    /** What went wrong with a call, in words: the JDK's messages are often empty. */
    static String describe(IOException e) {
        if (e instanceof java.net.http.HttpTimeoutException) return "no answer within the timeout (request timed out)";
        if (e instanceof java.net.ConnectException) return "could not connect (" + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")";
        if (e instanceof java.net.UnknownHostException) return "unknown host " + e.getMessage();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? "unknown" : h;
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }

    private void fail(JobsRecord job, Map<String, Object> p, String error) {
        fail(job, p, error, 0);
    }

    /** A failed try: again after a backoff (at least what Retry-After asked for) while tries remain, else an incident. */
    private void fail(JobsRecord job, Map<String, Object> p, String error, long minBackoffMs) {
        int attempts = job.getAttempts() + 1;
        commands.onInstance(job.getInstanceId(), (step, dsl) -> {
            Token token = token(step, job);
            if (attempts < job.getMaxAttempts()) {
                long backoff = Math.max(backoffMs(p, attempts), minBackoffMs);
                int n = dsl.update(JOBS).set(JOBS.ATTEMPTS, attempts).set(JOBS.DUE_AT, step.now + backoff)
                        .set(JOBS.LEASE_OWNER, (String) null).set(JOBS.LEASE_UNTIL, (Long) null).set(JOBS.LAST_ERROR, error)
                        .where(JOBS.ID.eq(job.getId())).and(JOBS.LEASE_OWNER.eq(owner)).execute();
                if (n != 1) throw new Stale();
                step.history("JOB_FAILED", job.getElementId(), token.id, null,
                        Step.map("attempt", attempts, "of", job.getMaxAttempts(), "error", error, "retryInMs", backoff));
            } else {
                consume(dsl, job);
                step.history("JOB_FAILED", job.getElementId(), token.id, null,
                        Step.map("attempt", attempts, "of", job.getMaxAttempts(), "error", error));
                step.incident(token, "JOB_FAILED", error + " (" + attempts + " tr" + (attempts == 1 ? "y" : "ies") + " at "
                        + step.model.describe(job.getElementId()) + ")");
            }
            return null;
        });
    }

    private static long backoffMs(Map<String, Object> p, int attempts) {
        long base = p.get("backoffMs") instanceof Number n ? n.longValue() : 1000;
        double multiplier = p.get("multiplier") instanceof Number m ? m.doubleValue() : 2.0;
        return (long) (base * Math.pow(multiplier, attempts - 1));
    }

    private void fireTimer(JobsRecord job) {
        Map<String, Object> timer = payload(job);
        commands.onInstance(job.getInstanceId(), (step, dsl) -> {
            Token token = token(step, job);
            consume(dsl, job);
            step.fire(token, new Trigger(job.getElementId(), null, Map.of("timer", timer)));
            return null;
        });
    }

    private void startByTimer(JobsRecord job) {
        Map<String, Object> p = payload(job);
        ProcessModel model = definitions.get(job.getDefinitionId());
        commands.start(model, job.getElementId(), Map.of(), null, null, dsl -> {
            consume(dsl, job);
            long dueAt = ((Number) p.get("dueAt")).longValue();
            int repeats = ((Number) p.get("repeats")).intValue();
            Object interval = p.get("intervalMs");
            TimerSchedule next = new TimerSchedule(dueAt, repeats, interval == null ? null : Duration.ofMillis(((Number) interval).longValue())).next();
            if (next != null) {
                StepWriter.insertJobs(dsl, List.of(new Rows.Job(UUID.randomUUID().toString(), Rows.JobKind.TIMER_START, null,
                        job.getDefinitionId(), job.getElementId(), null, next.dueAt(), 1,
                        job.getDefinitionId() + ":" + job.getElementId() + ":" + next.dueAt(), TimerPayload.of(next))), false);
            }
        });
    }

    /** The commit point before an activity (asyncBefore) is passed: the activity runs now, in this job's transaction. */
    private void continueAfterCommitPoint(JobsRecord job) {
        commands.onInstance(job.getInstanceId(), (step, dsl) -> {
            Token token = token(step, job);
            consume(dsl, job);
            step.reenter(token);
            return null;
        });
    }

    /** Publishes a record to a broker; the token goes on after the broker confirmed it. */
    private void publish(JobsRecord job) {
        Map<String, Object> p = payload(job);
        String channel = String.valueOf(p.get("channel"));
        dev.baton.engine.connect.Publisher publisher = engine.publisher(channel);
        if (publisher == null) {
            fail(job, p, "No " + channel + " broker is configured for this engine, so topic " + p.get("topic") + " cannot be published to");
            return;
        }
        try {
            publisher.publish(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            fail(job, p, "Publishing to " + channel + " " + p.get("topic") + " failed: " + e.getMessage());
            return;
        }
        completeJob(job);
    }

    @SuppressWarnings("unchecked")
    private void sendMessage(JobsRecord job) {
        Map<String, Object> p = payload(job);
        String name = (String) p.get("name");
        try {
            if (Boolean.TRUE.equals(p.get("signal"))) {
                engine.signal(new dev.baton.model.api.SignalRequest(name, (Map<String, Object>) p.getOrDefault("variables", Map.of())));
            } else engine.correlate(new MessageRequest(name, (String) p.get("correlationKey"), null,
                    (Map<String, Object>) p.getOrDefault("variables", Map.of())));
        } catch (EngineException e) {
            fail(job, p, "Message '" + name + "' could not be delivered: " + e.getMessage());
            return;
        }
        completeJob(job);
    }
}
