package dev.baton.engine.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.baton.engine.EngineException;
import dev.baton.engine.deploy.DefinitionCache;
import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.store.ConcurrentUpdateException;
import dev.baton.engine.store.Database;
import dev.baton.engine.store.StepWriter;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.InstanceState;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import static dev.baton.engine.store.jooq.Tables.INSTANCES;

/**
 * Runs commands: an API call or a job becomes work on one instance, done as one step. Commands ready at the same
 * time share one transaction (see {@link Committer}), each in a savepoint of its own. When another engine changed
 * the instance meanwhile, the command runs again on the new state; after commit the step's history events go to the
 * live stream and its new jobs to the workers, and only then does the caller get its answer.
 */
public final class Commands {
    /** The work of one command on a loaded instance: plan operations on the step, or refuse by throwing. */
    public interface Work<T> {
        T apply(Step step, DSLContext dsl);
    }

    /** What happened after a step committed, for metrics and the job workers. */
    public interface Listener {
        void committed(Step step, List<HistoryEvent> events);

        /** A transaction committed the given number of commands together (see {@link Committer}). */
        default void committedTogether(int commands) { }
    }

    private static final int MAX_TRIES = 10;

    private final DefinitionCache definitions;
    private final Services services;
    private final StepWriter writer;
    private final Committer committer;

    /**
     * @param maxBatch commands that share one commit at most (group commit); 1 runs each command in a transaction of
     *                 its own on its caller's thread
     * @param commitThreads threads that commit batches, each a transaction of its own at a time
     */
    public Commands(Database db, DefinitionCache definitions, Services services, Listener listener, int maxBatch, int commitThreads) {
        this.definitions = definitions;
        this.services = services;
        this.writer = new StepWriter(services.json());
        this.committer = new Committer(db, writer, listener, maxBatch, commitThreads);
    }

    public Services services() { return services; }

    /** Jobs due at once are leased to these workers in the transaction that creates them (see {@link StepWriter}). */
    public void leaseNewJobsTo(StepWriter.Leases leases) { writer.leaseNewJobsTo(leases); }

    // without group commit, calls on one instance in this engine take turns here; with it, the commit queue orders
    // them; the row lock and the version check guard against other engines
    private final java.util.concurrent.locks.ReentrantLock[] stripes = new java.util.concurrent.locks.ReentrantLock[256];

    {
        for (int i = 0; i < stripes.length; i++) stripes[i] = new java.util.concurrent.locks.ReentrantLock();
    }

    /** Runs work on an existing instance; returns once its step is committed. */
    public <T> T onInstance(String instanceId, Work<T> work) {
        if (committer.batched()) return attempt(instanceId, work);
        var lock = stripes[Math.floorMod(instanceId.hashCode(), stripes.length)];
        lock.lock();
        try {
            return attempt(instanceId, work);
        } finally {
            lock.unlock();
        }
    }

    private <T> T attempt(String instanceId, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                Object value = committer.submit((dsl, steps) -> {
                    Step s = load(dsl, instanceId);
                    Object r = work.apply(s, dsl);
                    s.run();
                    writer.writeRows(dsl, s);
                    steps.add(s);
                    cancelCalled(dsl, s, steps);
                    return r;
                }, instanceId, null);
                @SuppressWarnings("unchecked") T result = (T) value;
                return result;
            } catch (ConcurrentUpdateException e) {
                if (attempt >= MAX_TRIES) {
                    throw new EngineException.Conflict("Instance " + instanceId + " is busy with other calls; try again");
                }
                pause(attempt);
            }
        }
    }

    /** Commands waiting for the next group commit. */
    public int queued() { return committer.queued(); }

    /** Stops taking commands after those queued are committed. */
    public void close() { committer.close(); }

    /**
     * The step interrupted call activities (a boundary event, a terminate end event, a cancel): the instances they
     * called are canceled in the same transaction, and so on down the family.
     */
    private void cancelCalled(DSLContext dsl, Step step, List<Step> done) {
        for (String key : step.cancelledCalls) {
            String childId = dsl.select(INSTANCES.ID).from(INSTANCES).where(INSTANCES.IDEMPOTENCY_KEY.eq(key))
                    .and(INSTANCES.STATE.in(InstanceState.ACTIVE.name(), InstanceState.SUSPENDED.name())).fetchOne(INSTANCES.ID);
            if (childId == null) continue;
            Step child = load(dsl, childId);
            for (Token t : List.copyOf(child.state.tokens)) if (t.parentId == null) child.cancel(t);
            child.state.tokens.clear();
            child.instance.state = InstanceState.CANCELED;
            child.instance.endedAt = child.now;
            child.clearAllWaits = true;
            child.history("INSTANCE_ENDED", null, null, child.now - child.instance.startedAt,
                    Step.map("state", "CANCELED", "reason", "the calling activity " + step.model.describe(child.state.parentElementId)
                            + " of instance " + step.instance.id + " was interrupted"));
            dsl.update(dev.baton.engine.store.jooq.Tables.INCIDENTS).set(dev.baton.engine.store.jooq.Tables.INCIDENTS.RESOLVED_AT, child.now)
                    .where(dev.baton.engine.store.jooq.Tables.INCIDENTS.INSTANCE_ID.eq(childId))
                    .and(dev.baton.engine.store.jooq.Tables.INCIDENTS.RESOLVED_AT.isNull()).execute();
            writer.writeRows(dsl, child);
            done.add(child);
            cancelCalled(dsl, child, done);
        }
    }

    /**
     * Starts an instance at the given start event. Variables are set before the first element runs.
     *
     * @param beforeWrite runs inside the transaction, e.g. to consume the message subscription that started it
     */
    public Step start(ProcessModel model, String startEventId, Map<String, Object> variables, String businessKey,
                      String idempotencyKey, Consumer<DSLContext> beforeWrite) {
        return start(model, startEventId, variables, businessKey, idempotencyKey, beforeWrite, null);
    }

    /** As above; prepare sets up the new instance's state before its first element runs (a called instance's caller). */
    public Step start(ProcessModel model, String startEventId, Map<String, Object> variables, String businessKey,
                      String idempotencyKey, Consumer<DSLContext> beforeWrite, Consumer<RuntimeState> prepare) {
        try {
            return (Step) committer.submit((dsl, steps) -> {
                if (beforeWrite != null) beforeWrite.accept(dsl);
                long now = System.currentTimeMillis();
                InstanceRow row = new InstanceRow(UUID.randomUUID().toString(), model.definitionId(), model.processId(),
                        businessKey, idempotencyKey, InstanceState.ACTIVE, now, null, 0, 1, true);
                RuntimeState fresh = new RuntimeState();
                if (prepare != null) prepare.accept(fresh);
                Step s = new Step(model, fresh, row, now, services);
                s.history("INSTANCE_STARTED", null, null, null, Step.map("businessKey", businessKey, "startEventId", startEventId));
                if (variables != null && !variables.isEmpty()) s.setVariables(null, variables);
                Token token = s.state.newToken(startEventId, null);
                s.enter(token, startEventId, null);
                s.run();
                writer.writeRows(dsl, s);
                steps.add(s);
                return s;
            }, null, idempotencyKey);
        } catch (DataAccessException e) {
            if (idempotencyKey != null && isUniqueViolation(e)) return null;
            throw e;
        }
    }

    private static boolean isUniqueViolation(DataAccessException e) {
        String state = e.sqlState();
        return "23505".equals(state) || (e.getMessage() != null && e.getMessage().toLowerCase().contains("unique"));
    }

    private Step load(DSLContext dsl, String instanceId) {
        // the row lock makes other engines wait instead of failing; the version check stays as the guard
        StepWriter.StoredInstance r = StepWriter.readForUpdate(dsl, instanceId);
        if (r == null) throw new EngineException.NotFound("No instance " + instanceId);
        InstanceRow row = new InstanceRow(r.id(), r.definitionId(), r.processId(), r.businessKey(),
                r.idempotencyKey(), InstanceState.valueOf(r.state()), r.startedAt(), r.endedAt(), r.version(),
                r.nextSeq(), false);
        RuntimeState state;
        try {
            state = services.json().readValue(r.runtime(), RuntimeState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored state of instance " + instanceId + " cannot be read", e);
        }
        return new Step(definitions.get(r.definitionId()), state, row, System.currentTimeMillis(), services);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException.Conflict("interrupted while retrying a busy instance");
        }
    }
}
