package dev.baton.engine.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.deploy.Deployer;
import dev.baton.engine.runtime.RuntimeState;
import dev.baton.engine.runtime.Token;
import dev.baton.engine.store.jooq.tables.records.HistoryEventsRecord;
import dev.baton.engine.store.jooq.tables.records.IncidentsRecord;
import dev.baton.engine.store.jooq.tables.records.InstancesRecord;
import dev.baton.engine.store.jooq.tables.records.UserTasksRecord;
import dev.baton.model.api.DefinitionSummary;
import dev.baton.model.api.ElementStatistics;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.IncidentView;
import dev.baton.model.api.InstanceQuery;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.InstanceSummary;
import dev.baton.model.api.InstanceView;
import dev.baton.model.api.Page;
import dev.baton.model.api.TaskView;
import dev.baton.model.api.TokenView;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.baton.engine.store.jooq.Tables.DEFINITIONS;
import static dev.baton.engine.store.jooq.Tables.HISTORY_EVENTS;
import static dev.baton.engine.store.jooq.Tables.INCIDENTS;
import static dev.baton.engine.store.jooq.Tables.INSTANCES;
import static dev.baton.engine.store.jooq.Tables.JOBS;
import static dev.baton.engine.store.jooq.Tables.USER_TASKS;

/** What the API reads: definitions, instances, history, tasks and incidents, as API records. */
public final class Queries {
    private final Database db;
    private final ObjectMapper json;

    public Queries(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    private DSLContext dsl() { return db.dsl(); }

    public List<DefinitionSummary> definitions() {
        return dsl().selectFrom(DEFINITIONS).orderBy(DEFINITIONS.PROCESS_ID, DEFINITIONS.VERSION).fetch().map(Deployer::summary);
    }

    public Optional<DefinitionSummary> definition(String id) {
        return dsl().selectFrom(DEFINITIONS).where(DEFINITIONS.ID.eq(id)).fetchOptional().map(Deployer::summary);
    }

    public Optional<DefinitionSummary> latest(String processId) {
        return dsl().selectFrom(DEFINITIONS).where(DEFINITIONS.PROCESS_ID.eq(processId)).orderBy(DEFINITIONS.VERSION.desc())
                .limit(1).fetchOptional().map(Deployer::summary);
    }

    /** The id of the latest version, without reading its XML (every start by process id asks this). */
    public Optional<String> latestId(String processId) {
        return Optional.ofNullable(StepWriter.jdbc(dsl(), c -> {
            try (var ps = c.prepareStatement("SELECT id FROM definitions WHERE process_id = ? ORDER BY version DESC LIMIT 1")) {
                ps.setString(1, processId);
                try (var r = ps.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        }));
    }

    public Optional<String> definitionXml(String id) {
        return dsl().select(DEFINITIONS.XML).from(DEFINITIONS).where(DEFINITIONS.ID.eq(id)).fetchOptional(DEFINITIONS.XML);
    }

    /** Per element: tokens there now, open incidents there, times it completed. */
    public List<ElementStatistics> statistics(String definitionId) {
        Map<String, long[]> stats = new TreeMap<>();
        for (var r : dsl().select(INSTANCES.RUNTIME).from(INSTANCES).where(INSTANCES.DEFINITION_ID.eq(definitionId))
                .and(INSTANCES.STATE.in("ACTIVE", "SUSPENDED")).fetch()) {
            for (Token t : runtime(r.value1()).tokens) stats.computeIfAbsent(t.elementId, k -> new long[3])[0]++;
        }
        for (var r : dsl().select(INCIDENTS.ELEMENT_ID, DSL.count()).from(INCIDENTS).where(INCIDENTS.DEFINITION_ID.eq(definitionId))
                .and(INCIDENTS.RESOLVED_AT.isNull()).groupBy(INCIDENTS.ELEMENT_ID).fetch()) {
            if (r.value1() != null) stats.computeIfAbsent(r.value1(), k -> new long[3])[1] = r.value2();
        }
        Map<String, Long> durations = new java.util.HashMap<>();
        for (var r : dsl().select(HISTORY_EVENTS.ELEMENT_ID, DSL.count(), DSL.avg(HISTORY_EVENTS.DURATION_MS)).from(HISTORY_EVENTS)
                .where(HISTORY_EVENTS.DEFINITION_ID.eq(definitionId)).and(HISTORY_EVENTS.TYPE.eq("ELEMENT_LEFT"))
                .groupBy(HISTORY_EVENTS.ELEMENT_ID).fetch()) {
            if (r.value1() != null) stats.computeIfAbsent(r.value1(), k -> new long[3])[2] = r.value2();
            if (r.value1() != null && r.value3() != null) durations.put(r.value1(), Math.round(r.value3().doubleValue()));
        }
        List<ElementStatistics> out = new ArrayList<>();
        stats.forEach((id, v) -> out.add(new ElementStatistics(id, v[0], v[1], v[2], durations.get(id))));
        return out;
    }

    public Page<InstanceSummary> instances(InstanceQuery q) {
        List<Condition> where = new ArrayList<>();
        if (q.processId() != null) where.add(INSTANCES.PROCESS_ID.eq(q.processId()));
        if (q.definitionId() != null) where.add(INSTANCES.DEFINITION_ID.eq(q.definitionId()));
        if (q.state() != null) where.add(INSTANCES.STATE.eq(q.state().name()));
        if (q.businessKey() != null) {
            // "trip-*": business keys that start with "trip-"; otherwise the exact key
            String k = q.businessKey();
            if (k.endsWith("*")) {
                String prefix = k.substring(0, k.length() - 1).replace("!", "!!").replace("%", "!%").replace("_", "!_");
                where.add(INSTANCES.BUSINESS_KEY.like(prefix + "%", '!'));
            } else {
                where.add(INSTANCES.BUSINESS_KEY.eq(k));
            }
        }
        if (q.startedAfter() != null) where.add(INSTANCES.STARTED_AT.ge(q.startedAfter().toEpochMilli()));
        if (q.startedBefore() != null) where.add(INSTANCES.STARTED_AT.lt(q.startedBefore().toEpochMilli()));
        long total = dsl().fetchCount(INSTANCES, where);
        List<InstanceSummary> items = dsl().select(INSTANCES.ID, INSTANCES.DEFINITION_ID, INSTANCES.PROCESS_ID, INSTANCES.BUSINESS_KEY,
                        INSTANCES.STATE, INSTANCES.STARTED_AT, INSTANCES.ENDED_AT).from(INSTANCES).where(where)
                .orderBy(INSTANCES.STARTED_AT.desc(), INSTANCES.ID).limit(q.limit()).offset(q.offset())
                .fetch(r -> new InstanceSummary(r.value1(), r.value2(), r.value3(), r.value4(), InstanceState.valueOf(r.value5()),
                        Instant.ofEpochMilli(r.value6()), r.value7() == null ? null : Instant.ofEpochMilli(r.value7())));
        return new Page<>(items, total, q.offset(), q.limit());
    }

    public Optional<InstanceView> instance(String id) {
        InstancesRecord r = dsl().selectFrom(INSTANCES).where(INSTANCES.ID.eq(id)).fetchOne();
        if (r == null) return Optional.empty();
        RuntimeState state = runtime(r.getRuntime());
        List<TokenView> tokens = state.tokens.stream()
                .map(t -> new TokenView(t.id, t.elementId, t.state.name(), t.parentId)).toList();
        List<IncidentView> incidents = dsl().selectFrom(INCIDENTS).where(INCIDENTS.INSTANCE_ID.eq(id))
                .and(INCIDENTS.RESOLVED_AT.isNull()).orderBy(INCIDENTS.CREATED_AT).fetch(Queries::incident);
        return Optional.of(new InstanceView(r.getId(), r.getDefinitionId(), r.getProcessId(), r.getBusinessKey(),
                InstanceState.valueOf(r.getState()), Instant.ofEpochMilli(r.getStartedAt()),
                r.getEndedAt() == null ? null : Instant.ofEpochMilli(r.getEndedAt()), new LinkedHashMap<>(state.variables),
                tokens, incidents));
    }

    public Optional<String> instanceIdByIdempotencyKey(String key) {
        return dsl().select(INSTANCES.ID).from(INSTANCES).where(INSTANCES.IDEMPOTENCY_KEY.eq(key)).fetchOptional(INSTANCES.ID);
    }

    public List<HistoryEvent> history(String instanceId) {
        return dsl().selectFrom(HISTORY_EVENTS).where(HISTORY_EVENTS.INSTANCE_ID.eq(instanceId)).orderBy(HISTORY_EVENTS.SEQ)
                .fetch(this::event);
    }

    /** Events after the given id (engine-wide order), optionally of one definition or instance. */
    public List<HistoryEvent> eventsAfter(long afterId, String definitionId, String instanceId, int limit) {
        List<Condition> where = new ArrayList<>();
        where.add(HISTORY_EVENTS.ID.gt(afterId));
        if (definitionId != null) where.add(HISTORY_EVENTS.DEFINITION_ID.eq(definitionId));
        if (instanceId != null) where.add(HISTORY_EVENTS.INSTANCE_ID.eq(instanceId));
        return dsl().selectFrom(HISTORY_EVENTS).where(where).orderBy(HISTORY_EVENTS.ID).limit(limit).fetch(this::event);
    }

    public List<TaskView> tasks(String assignee, String candidateGroup, String processId, String instanceId) {
        List<Condition> where = new ArrayList<>();
        if (assignee != null) where.add(USER_TASKS.ASSIGNEE.eq(assignee));
        if (processId != null) where.add(USER_TASKS.PROCESS_ID.eq(processId));
        if (instanceId != null) where.add(USER_TASKS.INSTANCE_ID.eq(instanceId));
        if (candidateGroup != null) where.add(USER_TASKS.CANDIDATE_GROUPS.contains(candidateGroup));
        return dsl().selectFrom(USER_TASKS).where(where).orderBy(USER_TASKS.CREATED_AT).fetch(Queries::task).stream()
                .filter(t -> candidateGroup == null || t.candidateGroups().contains(candidateGroup)).toList();
    }

    public Optional<TaskView> task(String id) {
        return dsl().selectFrom(USER_TASKS).where(USER_TASKS.ID.eq(id)).fetchOptional().map(Queries::task);
    }

    public List<IncidentView> incidents(String instanceId, boolean openOnly) {
        List<Condition> where = new ArrayList<>();
        if (instanceId != null) where.add(INCIDENTS.INSTANCE_ID.eq(instanceId));
        if (openOnly) where.add(INCIDENTS.RESOLVED_AT.isNull());
        return dsl().selectFrom(INCIDENTS).where(where).orderBy(INCIDENTS.CREATED_AT).fetch(Queries::incident);
    }

    public Optional<IncidentView> incident(String id) {
        return dsl().selectFrom(INCIDENTS).where(INCIDENTS.ID.eq(id)).fetchOptional().map(Queries::incident);
    }

    public long jobsDue(long now) {
        return dsl().fetchCount(JOBS, JOBS.DUE_AT.le(now).and(JOBS.SUSPENDED.isFalse()).and(JOBS.KIND.ne("EXTERNAL")));
    }

    private static IncidentView incident(IncidentsRecord r) {
        return new IncidentView(r.getId(), r.getInstanceId(), r.getDefinitionId(), r.getElementId(), r.getTokenId(), r.getKind(),
                r.getMessage(), Instant.ofEpochMilli(r.getCreatedAt()), r.getResolvedAt() == null ? null : Instant.ofEpochMilli(r.getResolvedAt()));
    }

    private static TaskView task(UserTasksRecord r) {
        return new TaskView(r.getId(), r.getInstanceId(), r.getProcessId(), r.getDefinitionId(), r.getElementId(), r.getName(),
                r.getAssignee(), split(r.getCandidateUsers()), split(r.getCandidateGroups()), Instant.ofEpochMilli(r.getCreatedAt()));
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(","));
    }

    private HistoryEvent event(HistoryEventsRecord r) {
        Map<String, Object> payload = Map.of();
        if (r.getPayload() != null) {
            try {
                payload = json.readValue(r.getPayload(), new TypeReference<LinkedHashMap<String, Object>>() {});
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                payload = Map.of("unreadable", r.getPayload());
            }
        }
        return new HistoryEvent(r.getId(), r.getInstanceId(), r.getDefinitionId(), r.getSeq(), Instant.ofEpochMilli(r.getOccurredAt()),
                r.getType(), r.getElementId(), r.getTokenId(), r.getDurationMs(), payload);
    }

    /**
     * The variables the element a token stands at sees: the instance's, overlaid by the local ones of its scopes and
     * its own (a multi-instance body's counters, an instance's loopCounter, input mappings); the instance's when the
     * token is gone.
     */
    public Map<String, Object> variablesSeenBy(String instanceId, String tokenId) {
        String text = dsl().select(INSTANCES.RUNTIME).from(INSTANCES).where(INSTANCES.ID.eq(instanceId)).fetchOne(INSTANCES.RUNTIME);
        if (text == null) return Map.of();
        RuntimeState state = runtime(text);
        return state.token(tokenId).map(state::variablesView).orElseGet(state::variablesView);
    }

    public RuntimeState runtime(String text) {
        try {
            return json.readValue(text, RuntimeState.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an instance's stored state cannot be read", e);
        }
    }
}
