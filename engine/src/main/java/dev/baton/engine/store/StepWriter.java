package dev.baton.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.runtime.Rows;
import dev.baton.engine.runtime.Step;
import dev.baton.model.api.HistoryEvent;
import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.baton.engine.store.jooq.Tables.INCIDENTS;
import static dev.baton.engine.store.jooq.Tables.JOBS;
import static dev.baton.engine.store.jooq.Tables.MESSAGE_SUBSCRIPTIONS;
import static dev.baton.engine.store.jooq.Tables.USER_TASKS;

/**
 * Writes what a step changed in a constant number of statements: the instance row (checked against its version),
 * one delete or insert per kind of row that changed, and last the history events, numbered from the one-row
 * position counter (see {@link #writeHistory}).
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
        writeRows(dsl, step);
        writeHistory(dsl, List.of(step));
        return step.published;
    }

    /**
     * Writes what the step changed except its history events: those go with {@link #writeHistory}, as the last
     * statement of the transaction (several steps' at once when commands share a commit).
     */
    public void writeRows(DSLContext dsl, Step step) {
        var i = step.instance;
        String runtime = toJson(step.state);
        writeInstance(dsl, i, runtime);

        if (step.clearAllWaits) {
            dsl.deleteFrom(JOBS).where(JOBS.INSTANCE_ID.eq(i.id)).execute();
            dsl.deleteFrom(MESSAGE_SUBSCRIPTIONS).where(MESSAGE_SUBSCRIPTIONS.INSTANCE_ID.eq(i.id)).execute();
            dsl.deleteFrom(USER_TASKS).where(USER_TASKS.INSTANCE_ID.eq(i.id)).execute();
        } else if (!step.clearedTokens.isEmpty()) {
            jdbc(dsl, c -> {
                for (String sql : DELETE_TOKEN_ROWS) {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (String token : step.clearedTokens) {
                            ps.setString(1, i.id);
                            ps.setString(2, token);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                return null;
            });
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
    }

    public static void insertJobs(DSLContext dsl, List<Rows.Job> jobs, boolean suspended) {
        insertJobs(dsl, jobs, suspended, null, null);
    }

    private static void insertJobs(DSLContext dsl, List<Rows.Job> jobs, boolean suspended, String leaseOwner, Long leaseUntil) {
        if (jobs.isEmpty()) return;
        long now = System.currentTimeMillis();
        jdbc(dsl, c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_JOB)) {
                for (Rows.Job j : jobs) {
                    ps.setString(1, j.id());
                    ps.setString(2, j.kind().name());
                    ps.setString(3, j.instanceId());
                    ps.setString(4, j.definitionId());
                    ps.setString(5, j.elementId());
                    ps.setString(6, j.tokenId());
                    ps.setLong(7, j.dueAt());
                    ps.setBoolean(8, suspended);
                    ps.setInt(9, j.maxAttempts());
                    ps.setString(10, j.idempotencyKey());
                    ps.setString(11, j.payload());
                    ps.setLong(12, now);
                    ps.setString(13, leaseOwner);
                    setLong(ps, 14, leaseUntil);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The rows that wait on a token: they go when it leaves its element. */
    private static final List<String> DELETE_TOKEN_ROWS = List.of("DELETE FROM jobs WHERE instance_id = ? AND token_id = ?",
            "DELETE FROM message_subscriptions WHERE instance_id = ? AND token_id = ?",
            "DELETE FROM user_tasks WHERE instance_id = ? AND token_id = ?");

    private static final String INSERT_JOB = "INSERT INTO jobs (id, kind, instance_id, definition_id, element_id, token_id, due_at, "
            + "suspended, attempts, max_attempts, idempotency_key, payload, created_at, lease_owner, lease_until) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)";

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
     * Numbers the steps' events with the next positions of the engine-wide stream, inserts them, and sets each step's
     * {@link Step#published}. Must be the transaction's last statement: the counter row stays locked until commit, so
     * a transaction that takes positions after another one commits after it, and a reader that sees position P also
     * sees every position below P. Rolled-back positions are taken again by the next transaction, so positions have
     * no gaps.
     */
    public void writeHistory(DSLContext dsl, List<Step> steps) {
        int count = 0;
        for (Step s : steps) count += s.events.size();
        if (count == 0) {
            for (Step s : steps) s.published = List.of();
            return;
        }
        String[][] payloads = new String[steps.size()][];
        for (int n = 0; n < steps.size(); n++) {
            List<Rows.Event> events = steps.get(n).events;
            payloads[n] = new String[events.size()];
            for (int k = 0; k < events.size(); k++) {
                var p = events.get(k).payload();
                payloads[n][k] = p == null || p.isEmpty() ? null : toJson(p);
            }
        }
        long last = nextPositions(dsl, count);
        long first = last - count + 1;
        jdbc(dsl, c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
                long position = first;
                for (int n = 0; n < steps.size(); n++) {
                    var i = steps.get(n).instance;
                    List<Rows.Event> events = steps.get(n).events;
                    for (int k = 0; k < events.size(); k++) {
                        Rows.Event e = events.get(k);
                        ps.setLong(1, position++);
                        ps.setString(2, i.id);
                        ps.setString(3, i.definitionId);
                        ps.setLong(4, e.seq());
                        ps.setLong(5, e.at());
                        ps.setString(6, e.type());
                        ps.setString(7, e.elementId());
                        ps.setString(8, e.tokenId());
                        setLong(ps, 9, e.durationMs());
                        ps.setString(10, payloads[n][k]);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            } catch (SQLException e) {
                // (instance, seq) is unique: a clash means another step of the instance committed first
                if (isUniqueViolation(e)) throw new ConcurrentUpdateException(steps.size() == 1 ? steps.get(0).instance.id : "(one of " + steps.size() + " in this commit)");
                throw e;
            }
            return null;
        });
        long position = first;
        for (Step s : steps) {
            var i = s.instance;
            List<HistoryEvent> out = new ArrayList<>(s.events.size());
            for (Rows.Event e : s.events) {
                out.add(new HistoryEvent(position++, i.id, i.definitionId, e.seq(), Instant.ofEpochMilli(e.at()), e.type(),
                        e.elementId(), e.tokenId(), e.durationMs(), e.payload()));
            }
            s.published = out;
        }
    }

    // The hot statements of a step are plain JDBC with fixed SQL: no rendering per call, and the database's statement
    // cache finds them again (jOOQ's multi-row inserts differ by row count).
    private static final String INSERT_HISTORY = "INSERT INTO history_events (id, instance_id, definition_id, seq, occurred_at, type, "
            + "element_id, token_id, duration_ms, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_INSTANCE = "INSERT INTO instances (id, definition_id, process_id, business_key, idempotency_key, "
            + "state, started_at, ended_at, version, next_seq, runtime) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)";
    private static final String UPDATE_INSTANCE = "UPDATE instances SET state = ?, ended_at = ?, version = ?, next_seq = ?, runtime = ? "
            + "WHERE id = ? AND version = ?";

    private static void writeInstance(DSLContext dsl, dev.baton.engine.runtime.InstanceRow i, String runtime) {
        int n = jdbc(dsl, c -> {
            if (i.isNew) {
                try (PreparedStatement ps = c.prepareStatement(INSERT_INSTANCE)) {
                    ps.setString(1, i.id);
                    ps.setString(2, i.definitionId);
                    ps.setString(3, i.processId);
                    ps.setString(4, i.businessKey);
                    ps.setString(5, i.idempotencyKey);
                    ps.setString(6, i.state.name());
                    ps.setLong(7, i.startedAt);
                    setLong(ps, 8, i.endedAt);
                    ps.setLong(9, i.nextSeq);
                    ps.setString(10, runtime);
                    return ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(UPDATE_INSTANCE)) {
                ps.setString(1, i.state.name());
                setLong(ps, 2, i.endedAt);
                ps.setLong(3, i.version + 1);
                ps.setLong(4, i.nextSeq);
                ps.setString(5, runtime);
                ps.setString(6, i.id);
                ps.setLong(7, i.version);
                return ps.executeUpdate();
            }
        });
        if (n != 1) throw new ConcurrentUpdateException(i.id);
    }

    /** Deletes a job if owner still holds its lease; answers whether it did. */
    public static boolean deleteLeasedJob(DSLContext dsl, String jobId, String owner) {
        return jdbc(dsl, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM jobs WHERE id = ? AND lease_owner = ?")) {
                ps.setString(1, jobId);
                ps.setString(2, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * The oldest subscriptions of instances waiting for a message (with the key, when not null), at most limit; the
     * correlation of a message asks this first.
     */
    public static List<dev.baton.engine.store.jooq.tables.records.MessageSubscriptionsRecord> waitingFor(DSLContext dsl,
            String messageName, String correlationKey, int limit) {
        return jdbc(dsl, c -> {
            String sql = "SELECT id, message_name, correlation_key, instance_id, definition_id, token_id, element_id, created_at "
                    + "FROM message_subscriptions WHERE message_name = ? AND instance_id IS NOT NULL"
                    + (correlationKey == null ? "" : " AND correlation_key = ?") + " ORDER BY created_at LIMIT " + limit;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, messageName);
                if (correlationKey != null) ps.setString(2, correlationKey);
                List<dev.baton.engine.store.jooq.tables.records.MessageSubscriptionsRecord> out = new ArrayList<>();
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        var sub = new dev.baton.engine.store.jooq.tables.records.MessageSubscriptionsRecord();
                        sub.setId(r.getString(1));
                        sub.setMessageName(r.getString(2));
                        sub.setCorrelationKey(r.getString(3));
                        sub.setInstanceId(r.getString(4));
                        sub.setDefinitionId(r.getString(5));
                        sub.setTokenId(r.getString(6));
                        sub.setElementId(r.getString(7));
                        sub.setCreatedAt(r.getLong(8));
                        sub.changed(false);
                        out.add(sub);
                    }
                }
                return out;
            }
        });
    }

    /** An instance row as a step reads it. */
    public record StoredInstance(String id, String definitionId, String processId, String businessKey, String idempotencyKey,
                                 String state, long startedAt, Long endedAt, long version, long nextSeq, String runtime) {}

    /**
     * Reads an instance and locks its row until commit, so another engine's step on it waits instead of failing (the
     * version check of the update stays the guard); null when there is no such instance.
     */
    public static StoredInstance readForUpdate(DSLContext dsl, String instanceId) {
        return jdbc(dsl, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, definition_id, process_id, business_key, idempotency_key, state, "
                    + "started_at, ended_at, version, next_seq, runtime FROM instances WHERE id = ? FOR UPDATE")) {
                ps.setString(1, instanceId);
                try (ResultSet r = ps.executeQuery()) {
                    if (!r.next()) return null;
                    long ended = r.getLong(8);
                    Long endedAt = r.wasNull() ? null : ended;
                    return new StoredInstance(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getLong(7), endedAt, r.getLong(9), r.getLong(10), r.getString(11));
                }
            }
        });
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) ps.setNull(index, Types.BIGINT);
        else ps.setLong(index, value);
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())) return true;
        }
        return e.getCause() instanceof SQLException c && c != e && isUniqueViolation(c);
    }

    interface JdbcWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs work on the transaction's connection; an SQL error becomes jOOQ's exception, as from a jOOQ statement. */
    static <T> T jdbc(DSLContext dsl, JdbcWork<T> work) {
        return dsl.connectionResult(c -> {
            try {
                return work.run(c);
            } catch (SQLException e) {
                throw new org.jooq.exception.DataAccessException("SQL [" + e.getMessage() + "]", e);
            }
        });
    }

    /** Takes count positions; answers the last. See {@link #writeHistory}. */
    private static long nextPositions(DSLContext dsl, int count) {
        boolean postgres = dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES;
        return jdbc(dsl, c -> {
            if (postgres) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE event_positions SET last_position = last_position + ? WHERE id = 1 RETURNING last_position")) {
                    ps.setLong(1, count);
                    try (ResultSet r = ps.executeQuery()) {
                        if (r.next()) return r.getLong(1);
                    }
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE event_positions SET last_position = last_position + ? WHERE id = 1")) {
                    ps.setLong(1, count);
                    if (ps.executeUpdate() == 1) {
                        try (PreparedStatement q = c.prepareStatement("SELECT last_position FROM event_positions WHERE id = 1");
                             ResultSet r = q.executeQuery()) {
                            if (r.next()) return r.getLong(1);
                        }
                    }
                }
            }
            throw new IllegalStateException("the event_positions row is missing: the schema is damaged");
        });
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
