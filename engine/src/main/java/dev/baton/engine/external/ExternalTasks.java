package dev.baton.engine.external;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.EngineException;
import dev.baton.engine.runtime.BpmnErrors;
import dev.baton.engine.runtime.Commands;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.engine.runtime.Trigger;
import dev.baton.engine.store.Database;
import dev.baton.engine.store.Queries;
import dev.baton.engine.store.jooq.tables.records.JobsRecord;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.InstanceView;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.baton.engine.store.jooq.Tables.DEFINITIONS;
import static dev.baton.engine.store.jooq.Tables.JOBS;

/**
 * External tasks: service tasks with a topic wait on an EXTERNAL job row until a worker fetches and locks it
 * (lease owner = worker id, lease end = lock expiration), then completes it, reports a failure or throws a BPMN
 * error. Every outcome is applied to the instance in one step together with the removal or update of the row.
 */
public final class ExternalTasks {
    private static final Logger log = LoggerFactory.getLogger(ExternalTasks.class);
    /** A topic a worker asks for; the filters are optional. */
    public record Topic(String topicName, long lockDuration, List<String> variables, String businessKey,
                        String processDefinitionKey, List<String> processDefinitionKeyIn, String processDefinitionId,
                        List<String> processDefinitionIdIn) {}

    /** A task locked for a worker, with the variables it asked for, as its activity sees them (plain JSON values). */
    public record Locked(String id, String topicName, String workerId, long lockExpirationTime, Integer retries,
                         String errorMessage, String errorDetails, String activityId, String activityInstanceId,
                         String executionId, String processInstanceId, String processDefinitionId,
                         String processDefinitionKey, String processDefinitionVersionTag, String businessKey, long priority,
                         long createTime, Map<String, Object> variables) {}

    private static final String KIND = "EXTERNAL";

    private java.util.Optional<String> versionTag(String definitionId) {
        return java.util.Optional.ofNullable(db.dsl().select(DEFINITIONS.VERSION_TAG).from(DEFINITIONS)
                .where(DEFINITIONS.ID.eq(definitionId)).fetchOne(DEFINITIONS.VERSION_TAG));
    }
    private static final long RECHECK_MS = 250;

    private final BatonEngine engine;
    private final Database db;
    private final Commands commands;
    private final ObjectMapper json;
    private final Queries queries;
    private final Object signal = new Object();
    private long generation;

    public ExternalTasks(BatonEngine engine, Database db, Commands commands, ObjectMapper json) {
        this.engine = engine;
        this.db = db;
        this.commands = commands;
        this.json = json;
        this.queries = new Queries(db, json);
    }

    /** New external tasks may exist: long polls look again now. */
    public void wake() {
        synchronized (signal) {
            generation++;
            signal.notifyAll();
        }
    }

    /**
     * Locks up to maxTasks tasks of the topics for the worker. With a wait time, waits (long polling) until at
     * least one task could be locked or the time is up.
     */
    public List<Locked> fetchAndLock(String workerId, int maxTasks, boolean usePriority, List<Topic> topics, long waitMs)
            throws InterruptedException {
        if (workerId == null || workerId.isBlank()) throw new EngineException.BadRequest("fetchAndLock needs a workerId");
        if (topics == null || topics.isEmpty()) return List.of();
        for (Topic t : topics) {
            if (t.topicName() == null || t.topicName().isBlank()) throw new EngineException.BadRequest("Every topic needs a topicName");
            if (t.lockDuration() <= 0) throw new EngineException.BadRequest("lockDuration of topic " + t.topicName() + " must be positive");
        }
        long deadline = System.currentTimeMillis() + Math.max(0, waitMs);
        while (true) {
            long seen;
            synchronized (signal) {
                seen = generation;
            }
            List<Locked> locked = tryLock(workerId, Math.max(1, maxTasks), usePriority, topics);
            long left = deadline - System.currentTimeMillis();
            if (!locked.isEmpty() || left <= 0) return locked;
            synchronized (signal) {
                // locks expire and retry timeouts pass without a signal, so look again now and then
                if (generation == seen) signal.wait(Math.min(left, RECHECK_MS));
            }
        }
    }

    private List<Locked> tryLock(String workerId, int maxTasks, boolean usePriority, List<Topic> topics) {
        long now = System.currentTimeMillis();
        List<JobsRecord> open = db.dsl().selectFrom(JOBS).where(JOBS.KIND.eq(KIND)).and(JOBS.SUSPENDED.isFalse())
                .and(JOBS.DUE_AT.le(now)).and(JOBS.LEASE_UNTIL.isNull().or(JOBS.LEASE_UNTIL.lt(now)))
                .orderBy(JOBS.CREATED_AT).limit(1000).fetch();
        List<Candidate> candidates = new ArrayList<>();
        for (JobsRecord job : open) {
            Map<String, Object> p = payload(job);
            String topic = String.valueOf(p.get("topic"));
            long priority = p.get("priority") instanceof Number n ? n.longValue() : 0;
            for (Topic t : topics) {
                if (t.topicName().equals(topic)) {
                    candidates.add(new Candidate(job, p, t, priority));
                    break;
                }
            }
        }
        if (usePriority) candidates.sort(Comparator.comparingLong((Candidate c) -> -c.priority));
        List<Locked> locked = new ArrayList<>();
        Map<String, InstanceView> instances = new LinkedHashMap<>();
        Map<String, java.util.Optional<String>> versionTags = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (locked.size() >= maxTasks) break;
            InstanceView instance = instances.computeIfAbsent(c.job.getInstanceId(), this::instanceOrNull);
            if (instance == null || !matches(c.topic, instance)) continue;
            long until = now + c.topic.lockDuration();
            int n = db.dsl().update(JOBS).set(JOBS.LEASE_OWNER, workerId).set(JOBS.LEASE_UNTIL, until)
                    .where(JOBS.ID.eq(c.job.getId())).and(JOBS.LEASE_UNTIL.isNull().or(JOBS.LEASE_UNTIL.lt(now))).execute();
            if (n != 1) continue;
            // as in Camunda 7, the worker gets what its activity sees, local variables included (loopCounter, nrOfInstances)
            Map<String, Object> seen = queries.variablesSeenBy(instance.id(), c.job.getTokenId());
            Map<String, Object> vars = new LinkedHashMap<>();
            if (c.topic.variables() == null) vars.putAll(seen);
            else for (String name : c.topic.variables()) if (seen.containsKey(name)) vars.put(name, seen.get(name));
            Object retries = c.payload.get("retries");
            locked.add(new Locked(c.job.getId(), c.topic.topicName(), workerId, until,
                    retries instanceof Number r ? r.intValue() : null, c.job.getLastError(), (String) c.payload.get("errorDetails"),
                    c.job.getElementId(), c.job.getElementId() + ":" + c.job.getTokenId(), c.job.getTokenId(),
                    instance.id(), instance.definitionId(), instance.processId(),
                    versionTags.computeIfAbsent(instance.definitionId(), this::versionTag).orElse(null), instance.businessKey(), c.priority,
                    c.job.getCreatedAt(), vars));
        }
        return locked;
    }

    private record Candidate(JobsRecord job, Map<String, Object> payload, Topic topic, long priority) {}

    private InstanceView instanceOrNull(String id) {
        try {
            InstanceView v = engine.instance(id);
            return v.state() == InstanceState.ACTIVE ? v : null;
        } catch (EngineException.NotFound e) {
            return null;
        }
    }

    private static boolean matches(Topic t, InstanceView i) {
        if (t.businessKey() != null && !t.businessKey().equals(i.businessKey())) return false;
        if (t.processDefinitionKey() != null && !t.processDefinitionKey().equals(i.processId())) return false;
        if (t.processDefinitionKeyIn() != null && !t.processDefinitionKeyIn().contains(i.processId())) return false;
        if (t.processDefinitionId() != null && !t.processDefinitionId().equals(i.definitionId())) return false;
        return t.processDefinitionIdIn() == null || t.processDefinitionIdIn().contains(i.definitionId());
    }

    /** The worker is done: its variables enter the instance and the token moves on. */
    public void complete(String taskId, String workerId, Map<String, Object> variables) {
        onTask(taskId, workerId, "complete", (step, dsl, job, token) -> {
            dsl.deleteFrom(JOBS).where(JOBS.ID.eq(job.getId())).execute();
            step.fire(token, new Trigger(job.getElementId(), variables, null));
        });
    }

    /**
     * The worker failed. With retries left the task can be fetched again after retryTimeout; with none, an
     * incident holds the token (retrying the incident makes the task fetchable again).
     */
    public void failure(String taskId, String workerId, String errorMessage, String errorDetails, int retries, long retryTimeoutMs,
                        Map<String, Object> variables) {
        if (retries < 0) throw new EngineException.BadRequest("retries must not be negative");
        String message = errorMessage == null || errorMessage.isBlank() ? "the worker reported a failure" : errorMessage;
        onTask(taskId, workerId, "report a failure for", (step, dsl, job, token) -> {
            step.setVariables(token, variables);
            Map<String, Object> p = payload(job);
            p.put("retries", retries);
            p.put("errorDetails", errorDetails);
            step.history("JOB_FAILED", job.getElementId(), token.id, null,
                    Step.map("worker", workerId, "error", message, "retriesLeft", retries, "retryInMs", retries > 0 ? retryTimeoutMs : null));
            if (retries > 0) {
                dsl.update(JOBS).set(JOBS.LEASE_OWNER, (String) null).set(JOBS.LEASE_UNTIL, (Long) null)
                        .set(JOBS.DUE_AT, step.now + Math.max(0, retryTimeoutMs)).set(JOBS.LAST_ERROR, message)
                        .set(JOBS.ATTEMPTS, job.getAttempts() + 1).set(JOBS.PAYLOAD, step.json(p))
                        .where(JOBS.ID.eq(job.getId())).execute();
            } else {
                dsl.deleteFrom(JOBS).where(JOBS.ID.eq(job.getId())).execute();
                step.incident(token, "JOB_FAILED", "External task worker " + workerId + " failed at "
                        + step.model.describe(job.getElementId()) + " and left no retries: " + message);
            }
        });
    }

    /**
     * The worker threw a BPMN error: its variables enter the instance, then the error goes to the nearest catcher
     * (an error boundary event on the task, an error event subprocess, a boundary event on an enclosing scope or
     * the caller of the process). As in Camunda 7, an error that nothing catches ends the task's token, as an error
     * end event without a catcher does; the history records it as ERROR_UNCAUGHT.
     */
    public void bpmnError(String taskId, String workerId, String errorCode, String errorMessage, Map<String, Object> variables) {
        if (errorCode == null || errorCode.isBlank()) throw new EngineException.BadRequest("A BPMN error needs an errorCode");
        onTask(taskId, workerId, "throw a BPMN error for", (step, dsl, job, token) -> {
            dsl.deleteFrom(JOBS).where(JOBS.ID.eq(job.getId())).execute();
            step.setVariables(token, variables);
            step.history("BPMN_ERROR_THROWN", job.getElementId(), token.id, null,
                    Step.map("worker", workerId, "errorCode", errorCode, "errorMessage", errorMessage));
            if (!BpmnErrors.raise(step, token, true, errorCode, errorMessage)) {
                log.warn("BPMN error '{}' thrown by external task worker {} at {} of instance {} is not caught by any error event; "
                        + "the token ends there", errorCode, workerId, step.model.describe(job.getElementId()), step.instance.id);
                step.history("ERROR_UNCAUGHT", job.getElementId(), token.id, null,
                        Step.map("errorCode", errorCode, "errorMessage", errorMessage));
                step.end(token);
            }
        });
    }

    /** Gives the worker that holds the lock more time, counted from now. */
    public void extendLock(String taskId, String workerId, long newDurationMs) {
        if (newDurationMs <= 0) throw new EngineException.BadRequest("newDuration must be positive");
        long now = System.currentTimeMillis();
        int n = db.dsl().update(JOBS).set(JOBS.LEASE_UNTIL, now + newDurationMs).where(JOBS.ID.eq(taskId)).and(JOBS.KIND.eq(KIND))
                .and(JOBS.LEASE_OWNER.eq(workerId)).and(JOBS.LEASE_UNTIL.ge(now)).execute();
        if (n != 1) throw refusal(taskId, workerId, "extend the lock of");
    }

    /** Locks one known task for the worker, unless another worker holds it. */
    public void lock(String taskId, String workerId, long lockDurationMs) {
        if (workerId == null || workerId.isBlank()) throw new EngineException.BadRequest("lock needs a workerId");
        if (lockDurationMs <= 0) throw new EngineException.BadRequest("lockDuration must be positive");
        long now = System.currentTimeMillis();
        int n = db.dsl().update(JOBS).set(JOBS.LEASE_OWNER, workerId).set(JOBS.LEASE_UNTIL, now + lockDurationMs)
                .where(JOBS.ID.eq(taskId)).and(JOBS.KIND.eq(KIND)).and(JOBS.SUSPENDED.isFalse())
                .and(JOBS.LEASE_UNTIL.isNull().or(JOBS.LEASE_UNTIL.lt(now)).or(JOBS.LEASE_OWNER.eq(workerId))).execute();
        if (n != 1) throw refusal(taskId, workerId, "lock");
    }

    /** Releases the lock: any worker can fetch the task again. */
    public void unlock(String taskId) {
        int n = db.dsl().update(JOBS).set(JOBS.LEASE_OWNER, (String) null).set(JOBS.LEASE_UNTIL, (Long) null)
                .where(JOBS.ID.eq(taskId)).and(JOBS.KIND.eq(KIND)).execute();
        if (n != 1) throw new EngineException.NotFound("No external task " + taskId);
        wake();
    }

    /** The topics of open external tasks, for looking at what waits. */
    public long open(String topic) {
        return db.dsl().selectFrom(JOBS).where(JOBS.KIND.eq(KIND)).fetch().stream()
                .filter(j -> topic == null || topic.equals(payload(j).get("topic"))).count();
    }

    private EngineException refusal(String taskId, String workerId, String what) {
        JobsRecord job = db.dsl().selectFrom(JOBS).where(JOBS.ID.eq(taskId)).and(JOBS.KIND.eq(KIND)).fetchOne();
        if (job == null) return new EngineException.NotFound("No external task " + taskId);
        if (job.getLeaseOwner() == null || job.getLeaseUntil() == null || job.getLeaseUntil() < System.currentTimeMillis()) {
            return new EngineException.BadRequest("Cannot " + what + " external task " + taskId + ": it is not locked (its lock may have expired)");
        }
        return new EngineException.BadRequest("Cannot " + what + " external task " + taskId + ": it is locked by worker '"
                + job.getLeaseOwner() + "', not '" + workerId + "'");
    }

    private interface TaskWork {
        void apply(Step step, DSLContext dsl, JobsRecord job, Token token);
    }

    /** Runs the outcome in one step on the task's instance, if the worker still holds the task's lock. */
    private void onTask(String taskId, String workerId, String what, TaskWork work) {
        JobsRecord first = db.dsl().selectFrom(JOBS).where(JOBS.ID.eq(taskId)).and(JOBS.KIND.eq(KIND)).fetchOne();
        if (first == null) throw new EngineException.NotFound("No external task " + taskId);
        commands.onInstance(first.getInstanceId(), (step, dsl) -> {
            JobsRecord job = dsl.selectFrom(JOBS).where(JOBS.ID.eq(taskId)).fetchOne();
            if (job == null) throw new EngineException.NotFound("No external task " + taskId);
            long now = step.now;
            if (workerId == null || !workerId.equals(job.getLeaseOwner()) || job.getLeaseUntil() == null || job.getLeaseUntil() < now) {
                throw refusal(taskId, workerId, what);
            }
            if (step.instance.state != InstanceState.ACTIVE) {
                throw new EngineException.Conflict("Instance " + step.instance.id + " is " + step.instance.state);
            }
            Token token = step.state.token(job.getTokenId())
                    .orElseThrow(() -> new EngineException.NotFound("External task " + taskId + " no longer belongs to a waiting token"));
            work.apply(step, dsl, job, token);
            return null;
        });
    }

    private Map<String, Object> payload(JobsRecord job) {
        if (job.getPayload() == null) return new LinkedHashMap<>();
        try {
            return json.readValue(job.getPayload(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new IllegalStateException("external task " + job.getId() + " has an unreadable payload", e);
        }
    }
}
