package dev.baton.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.runtime.Rows;
import dev.baton.engine.runtime.Step;
import dev.baton.model.api.HistoryEvent;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep10;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.baton.engine.store.jooq.Tables.EVENT_POSITIONS;
import static dev.baton.engine.store.jooq.Tables.HISTORY_EVENTS;
import static dev.baton.engine.store.jooq.Tables.INCIDENTS;
import static dev.baton.engine.store.jooq.Tables.INSTANCES;
import static dev.baton.engine.store.jooq.Tables.JOBS;
import static dev.baton.engine.store.jooq.Tables.MESSAGE_SUBSCRIPTIONS;
import static dev.baton.engine.store.jooq.Tables.USER_TASKS;

/**
 * Writes what a step changed in a constant number of statements: the instance row (checked against its version),
 * one delete or insert per kind of row that changed, and last the history events, numbered from the one-row
 * position counter (see {@link #insertHistory}).
 */
public final class StepWriter {
    private final ObjectMapper json;
    private volatile Leases leases;

    public StepWriter(ObjectMapper json) { this.json = json; }

    /** The job workers of this engine, which take jobs created by its own transactions without polling for them. */
    public interface Leases {
        /** Whether this engine has room for one more job right now. */
        boolean canTakeNew();

        String owner();

        long leaseMs();
    }

    /**
     * From now on, jobs that are due at once are inserted already leased to these workers (while they have room);
     * the step lists them in {@link Step#leasedJobs} for hand-over after commit.
     */
    public void leaseNewJobsTo(Leases leases) { this.leases = leases; }

    /** Writes the step; returns the history events with their engine-wide ids, for the live stream. */
    public List<HistoryEvent> write(DSLContext dsl, Step step) {
        var i = step.instance;
        String runtime = toJson(step.state);
        if (i.isNew) {
            dsl.insertInto(INSTANCES)
                    .set(INSTANCES.ID, i.id).set(INSTANCES.DEFINITION_ID, i.definitionId).set(INSTANCES.PROCESS_ID, i.processId)
                    .set(INSTANCES.BUSINESS_KEY, i.businessKey).set(INSTANCES.IDEMPOTENCY_KEY, i.idempotencyKey)
                    .set(INSTANCES.STATE, i.state.name()).set(INSTANCES.STARTED_AT, i.startedAt).set(INSTANCES.ENDED_AT, i.endedAt)
                    .set(INSTANCES.VERSION, 1L).set(INSTANCES.NEXT_SEQ, i.nextSeq).set(INSTANCES.RUNTIME, runtime)
                    .execute();
        } else {
            int n = dsl.update(INSTANCES)
                    .set(INSTANCES.STATE, i.state.name()).set(INSTANCES.ENDED_AT, i.endedAt)
                    .set(INSTANCES.VERSION, i.version + 1).set(INSTANCES.NEXT_SEQ, i.nextSeq).set(INSTANCES.RUNTIME, runtime)
                    .where(INSTANCES.ID.eq(i.id)).and(INSTANCES.VERSION.eq(i.version))
                    .execute();
            if (n != 1) throw new ConcurrentUpdateException(i.id);
        }

        if (step.clearAllWaits) {
            dsl.deleteFrom(JOBS).where(JOBS.INSTANCE_ID.eq(i.id)).execute();
            dsl.deleteFrom(MESSAGE_SUBSCRIPTIONS).where(MESSAGE_SUBSCRIPTIONS.INSTANCE_ID.eq(i.id)).execute();
            dsl.deleteFrom(USER_TASKS).where(USER_TASKS.INSTANCE_ID.eq(i.id)).execute();
        } else if (!step.clearedTokens.isEmpty()) {
            dsl.deleteFrom(JOBS).where(JOBS.INSTANCE_ID.eq(i.id)).and(JOBS.TOKEN_ID.in(step.clearedTokens)).execute();
            dsl.deleteFrom(MESSAGE_SUBSCRIPTIONS).where(MESSAGE_SUBSCRIPTIONS.INSTANCE_ID.eq(i.id))
                    .and(MESSAGE_SUBSCRIPTIONS.TOKEN_ID.in(step.clearedTokens)).execute();
            dsl.deleteFrom(USER_TASKS).where(USER_TASKS.INSTANCE_ID.eq(i.id)).and(USER_TASKS.TOKEN_ID.in(step.clearedTokens)).execute();
        }
        if (!step.deletedJobs.isEmpty()) dsl.deleteFrom(JOBS).where(JOBS.ID.in(step.deletedJobs)).execute();
        if (!step.jobsAfterEnd.isEmpty()) insertJobs(dsl, step.jobsAfterEnd, false);
        if (!step.clearAllWaits) {
            boolean suspended = i.state == dev.baton.model.api.InstanceState.SUSPENDED;
            Leases l = leases;
            if (l == null || suspended || step.newJobs.isEmpty()) {
                insertJobs(dsl, step.newJobs, suspended);
            } else {
                List<Rows.Job> polled = new ArrayList<>(step.newJobs.size());
                for (Rows.Job j : step.newJobs) {
                    if (j.kind() != Rows.JobKind.EXTERNAL && j.dueAt() <= step.now && l.canTakeNew()) step.leasedJobs.add(j);
                    else polled.add(j);
                }
                insertJobs(dsl, polled, false);
                insertJobs(dsl, step.leasedJobs, false, l.owner(), step.now + l.leaseMs());
            }
            if (!step.newSubscriptions.isEmpty()) {
                var insert = dsl.insertInto(MESSAGE_SUBSCRIPTIONS, MESSAGE_SUBSCRIPTIONS.ID, MESSAGE_SUBSCRIPTIONS.MESSAGE_NAME,
                        MESSAGE_SUBSCRIPTIONS.CORRELATION_KEY, MESSAGE_SUBSCRIPTIONS.INSTANCE_ID, MESSAGE_SUBSCRIPTIONS.DEFINITION_ID,
                        MESSAGE_SUBSCRIPTIONS.TOKEN_ID, MESSAGE_SUBSCRIPTIONS.ELEMENT_ID, MESSAGE_SUBSCRIPTIONS.CREATED_AT);
                for (Rows.Subscription s : step.newSubscriptions) {
                    insert = insert.values(s.id(), s.messageName(), s.correlationKey(), s.instanceId(), s.definitionId(),
                            s.tokenId(), s.elementId(), step.now);
                }
                insert.execute();
            }
            if (!step.newTasks.isEmpty()) {
                var insert = dsl.insertInto(USER_TASKS, USER_TASKS.ID, USER_TASKS.INSTANCE_ID, USER_TASKS.DEFINITION_ID,
                        USER_TASKS.PROCESS_ID, USER_TASKS.TOKEN_ID, USER_TASKS.ELEMENT_ID, USER_TASKS.NAME, USER_TASKS.ASSIGNEE,
                        USER_TASKS.CANDIDATE_USERS, USER_TASKS.CANDIDATE_GROUPS, USER_TASKS.CREATED_AT);
                for (Rows.UserTask t : step.newTasks) {
                    insert = insert.values(t.id(), t.instanceId(), t.definitionId(), t.processId(), t.tokenId(), t.elementId(),
                            t.name(), t.assignee(), joinList(t.candidateUsers()), joinList(t.candidateGroups()), step.now);
                }
                insert.execute();
            }
        }
        if (!step.newIncidents.isEmpty()) {
            var insert = dsl.insertInto(INCIDENTS, INCIDENTS.ID, INCIDENTS.INSTANCE_ID, INCIDENTS.DEFINITION_ID, INCIDENTS.TOKEN_ID,
                    INCIDENTS.ELEMENT_ID, INCIDENTS.KIND, INCIDENTS.MESSAGE, INCIDENTS.CREATED_AT);
            for (Rows.Incident x : step.newIncidents) {
                insert = insert.values(x.id(), x.instanceId(), x.definitionId(), x.tokenId(), x.elementId(), x.kind(), x.message(), step.now);
            }
            insert.execute();
        }
        if (!step.resolvedIncidents.isEmpty()) {
            dsl.update(INCIDENTS).set(INCIDENTS.RESOLVED_AT, step.now).where(INCIDENTS.ID.in(step.resolvedIncidents)).execute();
        }
        // last: the position counter's row lock must be the transaction's final lock, held only until commit
        return insertHistory(dsl, step);
    }

    public static void insertJobs(DSLContext dsl, List<Rows.Job> jobs, boolean suspended) {
        insertJobs(dsl, jobs, suspended, null, null);
    }

    private static void insertJobs(DSLContext dsl, List<Rows.Job> jobs, boolean suspended, String leaseOwner, Long leaseUntil) {
        if (jobs.isEmpty()) return;
        long now = System.currentTimeMillis();
        var insert = dsl.insertInto(JOBS, JOBS.ID, JOBS.KIND, JOBS.INSTANCE_ID, JOBS.DEFINITION_ID, JOBS.ELEMENT_ID, JOBS.TOKEN_ID,
                JOBS.DUE_AT, JOBS.SUSPENDED, JOBS.ATTEMPTS, JOBS.MAX_ATTEMPTS, JOBS.IDEMPOTENCY_KEY, JOBS.PAYLOAD, JOBS.CREATED_AT,
                JOBS.LEASE_OWNER, JOBS.LEASE_UNTIL);
        for (Rows.Job j : jobs) {
            insert = insert.values(j.id(), j.kind().name(), j.instanceId(), j.definitionId(), j.elementId(), j.tokenId(),
                    j.dueAt(), suspended, 0, j.maxAttempts(), j.idempotencyKey(), j.payload(), now, leaseOwner, leaseUntil);
        }
        insert.execute();
    }

    /** The row of a job {@link #write} inserted leased to owner, as a claim would have read it. */
    public static dev.baton.engine.store.jooq.tables.records.JobsRecord leasedRecord(Rows.Job j, String owner, long leaseUntil) {
        var r = new dev.baton.engine.store.jooq.tables.records.JobsRecord();
        r.setId(j.id());
        r.setKind(j.kind().name());
        r.setInstanceId(j.instanceId());
        r.setDefinitionId(j.definitionId());
        r.setElementId(j.elementId());
        r.setTokenId(j.tokenId());
        r.setDueAt(j.dueAt());
        r.setSuspended(false);
        r.setLeaseOwner(owner);
        r.setLeaseUntil(leaseUntil);
        r.setAttempts(0);
        r.setMaxAttempts(j.maxAttempts());
        r.setIdempotencyKey(j.idempotencyKey());
        r.setPayload(j.payload());
        r.setCreatedAt(System.currentTimeMillis());
        r.changed(false);
        return r;
    }

    /**
     * Numbers the step's events with the next positions of the engine-wide stream and inserts them. Must be the
     * transaction's last statement: the counter row stays locked until commit, so a transaction that takes
     * positions after another one commits after it, and a reader that sees position P also sees every position
     * below P. Rolled-back positions are taken again by the next transaction, so positions have no gaps.
     */
    private List<HistoryEvent> insertHistory(DSLContext dsl, Step step) {
        if (step.events.isEmpty()) return List.of();
        var i = step.instance;
        InsertValuesStep10<?, String, String, Long, Long, String, String, String, Long, String, Long> insert =
                (InsertValuesStep10) dsl.insertInto(HISTORY_EVENTS, HISTORY_EVENTS.INSTANCE_ID, HISTORY_EVENTS.DEFINITION_ID,
                        HISTORY_EVENTS.SEQ, HISTORY_EVENTS.OCCURRED_AT, HISTORY_EVENTS.TYPE, HISTORY_EVENTS.ELEMENT_ID,
                        HISTORY_EVENTS.TOKEN_ID, HISTORY_EVENTS.DURATION_MS, HISTORY_EVENTS.PAYLOAD, HISTORY_EVENTS.ID);
        List<Rows.Event> events = step.events;
        List<Long> ids = nextPositions(dsl, events.size());
        for (int k = 0; k < events.size(); k++) {
            Rows.Event e = events.get(k);
            insert = insert.values(i.id, i.definitionId, e.seq(), e.at(), e.type(), e.elementId(), e.tokenId(), e.durationMs(),
                    e.payload() == null || e.payload().isEmpty() ? null : toJson(e.payload()), ids.get(k));
        }
        try {
            insert.execute();
        } catch (org.jooq.exception.IntegrityConstraintViolationException e) {
            // (instance, seq) is unique: a clash means another step of this instance committed first
            throw new ConcurrentUpdateException(i.id);
        }
        List<HistoryEvent> out = new ArrayList<>(events.size());
        for (int k = 0; k < events.size(); k++) {
            Rows.Event e = events.get(k);
            out.add(new HistoryEvent(ids.get(k), i.id, i.definitionId, e.seq(), Instant.ofEpochMilli(e.at()), e.type(),
                    e.elementId(), e.tokenId(), e.durationMs(), e.payload()));
        }
        return out;
    }

    private static List<Long> nextPositions(DSLContext dsl, int count) {
        long last = dsl.update(EVENT_POSITIONS).set(EVENT_POSITIONS.LAST_POSITION, EVENT_POSITIONS.LAST_POSITION.plus(count))
                .where(EVENT_POSITIONS.ID.eq(1))
                .returningResult(EVENT_POSITIONS.LAST_POSITION).fetchOptional()
                .orElseThrow(() -> new IllegalStateException("the event_positions row is missing: the schema is damaged"))
                .value1();
        List<Long> ids = new ArrayList<>(count);
        for (long p = last - count + 1; p <= last; p++) ids.add(p);
        return ids;
    }

    static String joinList(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
