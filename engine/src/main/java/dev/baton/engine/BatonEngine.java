package dev.baton.engine;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.baton.engine.behavior.BehaviorRegistry;
import dev.baton.engine.deploy.DefinitionCache;
import dev.baton.engine.deploy.Deployer;
import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.deploy.ProcessReader;
import dev.baton.engine.events.EventHub;
import dev.baton.engine.expr.Expressions;
import dev.baton.engine.job.JobWorker;
import dev.baton.engine.runtime.Commands;
import dev.baton.engine.runtime.Services;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.engine.runtime.Trigger;
import dev.baton.engine.store.Database;
import dev.baton.engine.store.Queries;
import dev.baton.engine.store.jooq.tables.records.MessageSubscriptionsRecord;
import dev.baton.model.api.DefinitionSummary;
import dev.baton.model.api.DeploymentResult;
import dev.baton.model.api.ElementStatistics;
import dev.baton.model.api.Health;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.IncidentView;
import dev.baton.model.api.InstanceQuery;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.InstanceSummary;
import dev.baton.model.api.InstanceView;
import dev.baton.model.api.MessageRequest;
import dev.baton.model.api.MessageResult;
import dev.baton.model.api.SignalRequest;
import dev.baton.model.api.SignalResult;
import dev.baton.model.api.Page;
import dev.baton.model.api.StartInstanceRequest;
import dev.baton.model.api.TaskView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static dev.baton.engine.store.jooq.Tables.INCIDENTS;
import static dev.baton.engine.store.jooq.Tables.JOBS;
import static dev.baton.engine.store.jooq.Tables.INSTANCES;
import static dev.baton.engine.store.jooq.Tables.MESSAGE_SUBSCRIPTIONS;
import static dev.baton.engine.store.jooq.Tables.USER_TASKS;

/**
 * The embedded engine: deploy BPMN files, start and steer instances, correlate messages, complete tasks, and read
 * what happened. Every call that changes an instance is one transaction; work that leaves the engine runs as jobs.
 * Thread-safe. Build one with {@link Baton#builder()}.
 */
public final class BatonEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatonEngine.class);

    private final Database db;
    private final ObjectMapper json;
    private final DefinitionCache definitions;
    private final Deployer deployer;
    private final Commands commands;
    private final Queries queries;
    private final EventHub hub = new EventHub();
    private final EngineMetrics metrics = new EngineMetrics();
    private final JobWorker worker;
    private final dev.baton.engine.external.ExternalTasks externalTasks;
    private final dev.baton.engine.connect.kafka.KafkaConnector kafka;
    private final dev.baton.engine.connect.rabbit.RabbitConnector rabbit;
    private final String jdbcUrl;
    final dev.baton.engine.job.HttpConnector http;

    BatonEngine(Baton config) {
        this.jdbcUrl = config.effectiveJdbcUrl();
        if (config.jdbcUrl == null) {
            try {
                Files.createDirectories(config.dataDir);
            } catch (java.io.IOException e) {
                throw new EngineException("Cannot create the data directory " + config.dataDir + ": " + e.getMessage());
            }
        }
        this.json = jsonMapper();
        this.http = new dev.baton.engine.job.HttpConnector(config.http, config.environment, json, metrics.registry());
        this.db = new Database(jdbcUrl, config.user, config.password, config.schema, config.poolSize);
        ProcessReader reader = new ProcessReader();
        BehaviorRegistry behaviors = new BehaviorRegistry();
        this.definitions = new DefinitionCache(db, reader);
        dev.baton.engine.decision.Decisions decisions = new dev.baton.engine.decision.Decisions(db);
        this.deployer = new Deployer(db, reader, behaviors, decisions);
        Services services = new Services(new Expressions(), behaviors, decisions, json, config.defaultRetry);
        this.commands = new Commands(db, definitions, services, new Commands.Listener() {
            @Override
            public void committed(Step step, List<HistoryEvent> events) { BatonEngine.this.committed(step, events); }

            @Override
            public void committedTogether(int n) { metrics.commits.record(n); }
        }, config.commitBatch, config.commitThreads);
        this.queries = new Queries(db, json);
        this.externalTasks = new dev.baton.engine.external.ExternalTasks(this, db, commands, json);
        String owner = "engine-" + UUID.randomUUID().toString().substring(0, 8);
        this.worker = new JobWorker(db, new JobRunner(this, db, commands, definitions, json, metrics, owner)::run, owner,
                Math.max(1, config.jobThreads), config.jobLease.toMillis(), config.pollInterval.toMillis());
        io.micrometer.core.instrument.Gauge.builder("baton.commit.queue", commands::queued)
                .description("commands waiting for the next group commit").register(metrics.registry());
        io.micrometer.core.instrument.Gauge.builder("baton.jobs.due", () -> queries.jobsDue(System.currentTimeMillis()))
                .description("jobs whose due time has come, waiting for a worker").register(metrics.registry());
        try {
            this.kafka = config.kafka == null ? null
                    : new dev.baton.engine.connect.kafka.KafkaConnector(config.kafka, this::correlate, this::channelMessages, json);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        try {
            this.rabbit = config.rabbit == null ? null
                    : new dev.baton.engine.connect.rabbit.RabbitConnector(config.rabbit, this::correlate, this::channelMessages, json);
        } catch (RuntimeException e) {
            if (kafka != null) kafka.close();
            db.close();
            throw e;
        }
        if (kafka != null) {
            io.micrometer.core.instrument.Gauge.builder("baton.broker.up", () -> kafka.state().equals("UP") ? 1 : 0).tag("broker", "kafka")
                    .description("1 while the broker connection works").register(metrics.registry());
        }
        if (config.jobWorkers) {
            worker.start();
            commands.leaseNewJobsTo(worker);
        }
        log.info("Baton engine started on {}", jdbcUrl.replaceAll("password=[^;&]*", "password=***"));
    }

    /** The JSON mapper the engine stores state with; the REST API uses the same settings. */
    public static ObjectMapper jsonMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY);
    }

    private void committed(Step step, List<HistoryEvent> events) {
        // first: these jobs are leased to this engine and wait for nobody else
        if (!step.leasedJobs.isEmpty()) worker.handOver(step.leasedJobs);
        metrics.steps.increment();
        metrics.operations.increment(step.operations());
        for (HistoryEvent e : events) {
            switch (e.type()) {
                case "INSTANCE_STARTED" -> metrics.started.increment();
                case "INSTANCE_ENDED" -> { if ("COMPLETED".equals(e.payload().get("state"))) metrics.completed.increment(); }
                case "INCIDENT_OPENED" -> metrics.failed.increment();
                default -> { }
            }
        }
        hub.publish(events);
        if (step.newJobs.size() > step.leasedJobs.size()) worker.wake();
        if (externalTasks != null && step.newJobs.stream().anyMatch(j -> j.kind() == dev.baton.engine.runtime.Rows.JobKind.EXTERNAL)) {
            externalTasks.wake();
        }
    }

    // ---- deployments and definitions ------------------------------------------------------------------------

    /** Deploys the files together: all of them, or (on any problem) none. Unchanged processes keep their version. */
    public DeploymentResult deploy(List<BpmnFile> files) {
        DeploymentResult r = deployer.deploy(files);
        if (kafka != null) kafka.refresh();
        if (rabbit != null) rabbit.refresh();
        worker.wake();
        return r;
    }

    public List<DefinitionSummary> definitions() { return queries.definitions(); }

    public DefinitionSummary definition(String id) {
        return queries.definition(id).orElseThrow(() -> new EngineException.NotFound("No process definition " + id + " is deployed"));
    }

    public String definitionXml(String id) {
        return queries.definitionXml(id).orElseThrow(() -> new EngineException.NotFound("No process definition " + id + " is deployed"));
    }

    public List<ElementStatistics> statistics(String definitionId) {
        definition(definitionId);
        return queries.statistics(definitionId);
    }

    // ---- instances ------------------------------------------------------------------------------------------

    /** An instance and whether this call created it (false: the idempotency key named an earlier one). */
    public record Started(InstanceView instance, boolean created) {}

    /** Starts the latest version of the process at its none start event. */
    public Started startInstance(String processId, StartInstanceRequest request) {
        String definitionId = queries.latestId(processId)
                .orElseThrow(() -> new EngineException.NotFound("No process " + processId + " is deployed"));
        return startInstanceOfDefinition(definitionId, request);
    }

    public Started startInstanceOfDefinition(String definitionId, StartInstanceRequest request) {
        StartInstanceRequest req = request == null ? new StartInstanceRequest(null, null, null) : request;
        if (req.idempotencyKey() != null) {
            var existing = queries.instanceIdByIdempotencyKey(req.idempotencyKey());
            if (existing.isPresent()) return new Started(instance(existing.get()), false);
        }
        ProcessModel model = definitions.get(definitionId);
        String start = model.noneStart(null).map(e -> e.id()).orElseThrow(() -> new EngineException.BadRequest(
                "Process " + model.processId() + " has no none start event: it starts by a message or a timer"));
        Step step = commands.start(model, start, req.variables(), req.businessKey(), req.idempotencyKey(), null);
        if (step == null) {
            // another call with the same idempotency key won the race
            return new Started(instance(queries.instanceIdByIdempotencyKey(req.idempotencyKey()).orElseThrow()), false);
        }
        return new Started(view(step), true);
    }

    /**
     * Evaluates the conditional start events of the latest version of every process (or of one process) with the given
     * variables, and starts an instance at each whose condition holds, as Camunda 7's evaluateStartConditions does.
     *
     * @param processId null for every process
     * @return the started instances, oldest first; empty when no condition held
     */
    public List<InstanceView> evaluateStartConditions(Map<String, Object> variables, String businessKey, String processId) {
        Map<String, Object> vars = variables == null ? Map.of() : variables;
        Map<String, DefinitionSummary> latest = new java.util.LinkedHashMap<>();
        for (DefinitionSummary d : queries.definitions()) {
            if (processId != null && !processId.equals(d.processId())) continue;
            latest.merge(d.processId(), d, (a, b) -> a.version() >= b.version() ? a : b);
        }
        List<InstanceView> started = new java.util.ArrayList<>();
        for (DefinitionSummary d : latest.values()) started.addAll(startWhereConditionsHold(definitions.get(d.id()), vars, businessKey));
        return started;
    }

    /**
     * Evaluates the conditional start events of one deployed definition (any version), as Camunda 7's
     * evaluateStartConditions with a process definition id does.
     *
     * @throws EngineException.NotFound   when no definition has that id
     * @throws EngineException.BadRequest when the definition has no conditional start event
     */
    public List<InstanceView> evaluateStartConditionsOf(String definitionId, Map<String, Object> variables, String businessKey) {
        ProcessModel model = definitions.get(definitionId);
        if (model.startEvents(dev.baton.model.EventDefinition.Conditional.class).isEmpty()) {
            throw new EngineException.BadRequest("Process definition " + definitionId + " has no conditional start event");
        }
        return startWhereConditionsHold(model, variables == null ? Map.of() : variables, businessKey);
    }

    private List<InstanceView> startWhereConditionsHold(ProcessModel model, Map<String, Object> vars, String businessKey) {
        List<InstanceView> started = new java.util.ArrayList<>();
        for (dev.baton.model.Event e : model.startEvents(dev.baton.model.EventDefinition.Conditional.class)) {
            var condition = ((dev.baton.model.EventDefinition.Conditional) e.definition()).condition();
            var r = commands.services().expressions().condition(condition, vars, model.dialect());
            if (r instanceof dev.baton.engine.expr.Evaluation.Failure f) {
                // a variable the condition needs is missing: as in Camunda, that process does not start
                if (f.message() != null && f.message().contains("null base Object with identifier")) continue;
                throw new EngineException.BadRequest("The condition " + condition.text() + " of start event "
                        + model.describe(e.id()) + " in process " + model.processId() + " failed: " + f.message());
            }
            if (Boolean.TRUE.equals(((dev.baton.engine.expr.Evaluation.Value) r).value())) {
                started.add(view(commands.start(model, e.id(), vars, businessKey, null, null)));
            }
        }
        return started;
    }

    /** The instance as the step that started it left it, without reading it back. */
    private static InstanceView view(Step s) {
        var i = s.instance;
        return new InstanceView(i.id, i.definitionId, i.processId, i.businessKey, i.state, java.time.Instant.ofEpochMilli(i.startedAt),
                i.endedAt == null ? null : java.time.Instant.ofEpochMilli(i.endedAt), new java.util.LinkedHashMap<>(s.state.variables),
                s.state.tokens.stream().map(t -> new dev.baton.model.api.TokenView(t.id, t.elementId, t.state.name(), t.parentId)).toList(),
                s.newIncidents.stream().map(x -> new IncidentView(x.id(), x.instanceId(), x.definitionId(), x.elementId(), x.tokenId(),
                        x.kind(), x.message(), java.time.Instant.ofEpochMilli(s.now), null)).toList());
    }

    public Page<InstanceSummary> instances(InstanceQuery query) { return queries.instances(query); }

    public InstanceView instance(String id) {
        return queries.instance(id).orElseThrow(() -> new EngineException.NotFound("No instance " + id));
    }

    /** Cancels a running or suspended instance: its tokens, jobs, subscriptions and tasks go. */
    public InstanceView cancel(String id) {
        commands.onInstance(id, (step, dsl) -> {
            requireNotEnded(step);
            for (Token t : List.copyOf(step.state.tokens)) if (t.parentId == null) step.cancel(t);
            step.instance.state = InstanceState.CANCELED;
            step.instance.endedAt = step.now;
            step.clearAllWaits = true;
            step.history("INSTANCE_ENDED", null, null, step.now - step.instance.startedAt, Map.of("state", "CANCELED"));
            dsl.update(INCIDENTS).set(INCIDENTS.RESOLVED_AT, step.now).where(INCIDENTS.INSTANCE_ID.eq(id))
                    .and(INCIDENTS.RESOLVED_AT.isNull()).execute();
            return null;
        });
        return instance(id);
    }

    public InstanceView suspend(String id) {
        commands.onInstance(id, (step, dsl) -> {
            requireActive(step);
            step.instance.state = InstanceState.SUSPENDED;
            step.history("INSTANCE_SUSPENDED", null, null, null, null);
            dsl.update(JOBS).set(JOBS.SUSPENDED, true).where(JOBS.INSTANCE_ID.eq(id)).execute();
            return null;
        });
        return instance(id);
    }

    public InstanceView resume(String id) {
        commands.onInstance(id, (step, dsl) -> {
            if (step.instance.state != InstanceState.SUSPENDED) {
                throw new EngineException.Conflict("Instance " + id + " is " + step.instance.state + ", not SUSPENDED");
            }
            step.instance.state = InstanceState.ACTIVE;
            step.history("INSTANCE_RESUMED", null, null, null, null);
            dsl.update(JOBS).set(JOBS.SUSPENDED, false).where(JOBS.INSTANCE_ID.eq(id)).execute();
            return null;
        });
        worker.wake();
        return instance(id);
    }

    public Map<String, Object> variables(String id) { return instance(id).variables(); }

    /** Sets (adds or replaces) variables of a running or suspended instance. */
    public Map<String, Object> setVariables(String id, Map<String, Object> variables) {
        commands.onInstance(id, (step, dsl) -> {
            requireNotEnded(step);
            step.setVariables(null, variables);
            return null;
        });
        return variables(id);
    }

    /** Sets one variable (any JSON value, null included) of a running or suspended instance. */
    public Map<String, Object> setVariable(String id, String name, Object value) {
        if (name == null || name.isBlank()) throw new EngineException.BadRequest("A variable needs a name");
        Map<String, Object> one = new java.util.LinkedHashMap<>();
        one.put(name, value);
        return setVariables(id, one);
    }

    /**
     * Moves tokens of an active instance: cancels the tokens at the elements in {@code cancel}, then starts a token
     * before each element in {@code startBefore}. Checked first, as a whole: an unknown element, an element without
     * a token to cancel, or a target the engine cannot start (a boundary event, or inside a subprocess that has no
     * token) refuses the modification with a message naming the element. Cancelling every token without starting
     * any cancels the instance. The history records INSTANCE_MODIFIED, then the cancellations and entries.
     */
    public InstanceView modify(String id, dev.baton.model.api.InstanceModification modification) {
        var m = modification == null ? new dev.baton.model.api.InstanceModification(null, null) : modification;
        if (m.cancel().isEmpty() && m.startBefore().isEmpty()) {
            throw new EngineException.BadRequest("A modification names elements to cancel or to start before, as in "
                    + "{\"cancel\":[\"ReserveCar\"],\"startBefore\":[\"ReserveHotel\"]}");
        }
        commands.onInstance(id, (step, dsl) -> {
            requireActive(step);
            ProcessModel model = step.model;
            java.util.Set<Token> canceled = new java.util.LinkedHashSet<>();
            for (String elementId : m.cancel()) {
                requireElement(model, elementId, "cancel");
                List<Token> at = step.state.tokens.stream().filter(t -> elementId.equals(t.elementId) && !t.listener)
                        .filter(t -> t.parentId == null || step.state.token(t.parentId).map(p -> !elementId.equals(p.elementId)).orElse(true))
                        .toList();
                if (at.isEmpty()) {
                    throw new EngineException.BadRequest("Element " + model.describe(elementId) + " has no token to cancel in instance " + id
                            + "; its tokens are at " + step.state.tokens.stream().filter(t -> !t.listener).map(t -> t.elementId).distinct().toList());
                }
                canceled.addAll(at);
            }
            java.util.Map<String, String> scopeTokens = new java.util.LinkedHashMap<>();
            for (String elementId : m.startBefore()) {
                var node = requireElement(model, elementId, "start before");
                if (node.kind() == dev.baton.model.ElementKind.BOUNDARY_EVENT) {
                    throw new EngineException.BadRequest("Element " + model.describe(elementId) + " is a boundary event: a token cannot "
                            + "start before it; start before the element after it instead");
                }
                String scope = model.scopeOf(elementId);
                if (scope == null) continue;
                Token scopeToken = step.state.tokens.stream().filter(t -> scope.equals(t.elementId) && !canceled.contains(t)
                        && canceled.stream().noneMatch(c -> isInside(step, t, c))).findFirst().orElse(null);
                if (scopeToken == null) {
                    throw new EngineException.BadRequest("Element " + model.describe(elementId) + " is inside subprocess "
                            + model.describe(scope) + ", which has no token in instance " + id + ": start before the subprocess instead");
                }
                scopeTokens.put(elementId, scopeToken.id);
            }
            step.history("INSTANCE_MODIFIED", null, null, null, Step.map("cancel", m.cancel(), "startBefore", m.startBefore()));
            for (Token t : canceled) {
                if (!step.state.tokens.contains(t)) continue; // inside an element canceled before
                resolveIncidents(step, t);
                step.cancel(t);
            }
            for (String elementId : m.startBefore()) {
                Token t = step.state.newToken(elementId, scopeTokens.get(elementId));
                step.enter(t, elementId, null);
            }
            if (m.startBefore().isEmpty() && step.state.tokens.stream().allMatch(t -> t.listener)) {
                for (Token t : List.copyOf(step.state.tokens)) step.cancel(t);
                step.instance.state = InstanceState.CANCELED;
                step.instance.endedAt = step.now;
                step.clearAllWaits = true;
                step.history("INSTANCE_ENDED", null, null, step.now - step.instance.startedAt, Map.of("state", "CANCELED"));
            }
            return null;
        });
        worker.wake();
        return instance(id);
    }

    private static dev.baton.model.FlowNode requireElement(ProcessModel model, String elementId, String what) {
        if (elementId == null || elementId.isBlank()) throw new EngineException.BadRequest("An element id to " + what + " is empty");
        return model.findNode(elementId).orElseThrow(() -> new EngineException.BadRequest("Process " + model.processId()
                + " has no element '" + elementId + "' to " + what));
    }

    private static boolean isInside(Step step, Token t, Token ancestor) {
        String p = t.parentId;
        while (p != null) {
            if (p.equals(ancestor.id)) return true;
            p = step.state.token(p).map(x -> x.parentId).orElse(null);
        }
        return false;
    }

    private static void resolveIncidents(Step step, Token t) {
        for (Token c : step.state.children(t.id)) resolveIncidents(step, c);
        if (t.incidentId != null) {
            step.resolvedIncidents.add(t.incidentId);
            step.history("INCIDENT_RESOLVED", t.elementId, t.id, null, Step.map("incidentId", t.incidentId, "reason", "modification"));
        }
    }

    public List<HistoryEvent> history(String instanceId) {
        instance(instanceId);
        return queries.history(instanceId);
    }

    /** Committed events after the given id, oldest first; for clients catching up on the live stream. */
    public List<HistoryEvent> eventsAfter(long afterId, String definitionId, String instanceId, int limit) {
        return queries.eventsAfter(afterId, definitionId, instanceId, limit);
    }

    /** Receives committed history events as they happen, until the handle is closed. */
    public AutoCloseable subscribe(Consumer<List<HistoryEvent>> listener) { return hub.subscribe(listener); }

    // ---- messages -------------------------------------------------------------------------------------------

    private static final class Stale extends RuntimeException {
        Stale() { super(null, null, false, false); }
    }

    /**
     * Delivers a message to the instance waiting for it (oldest first), or starts an instance at a message start
     * event. When neither exists the message is refused (NotFound): messages are not buffered.
     */
    public MessageResult correlate(MessageRequest message) {
        if (message.name() == null || message.name().isBlank()) throw new EngineException.BadRequest("A message needs a name");
        String key = message.correlationKey() != null ? message.correlationKey() : message.businessKey();
        for (int attempt = 0; attempt < 5; attempt++) {
            List<MessageSubscriptionsRecord> waiting = dev.baton.engine.store.StepWriter.waitingFor(db.dsl(), message.name(), key, 10);
            for (MessageSubscriptionsRecord sub : waiting) {
                try {
                    commands.onInstance(sub.getInstanceId(), (step, dsl) -> {
                        if (step.instance.state != InstanceState.ACTIVE) throw new Stale();
                        if (dsl.deleteFrom(MESSAGE_SUBSCRIPTIONS).where(MESSAGE_SUBSCRIPTIONS.ID.eq(sub.getId())).execute() != 1) {
                            throw new Stale();
                        }
                        Token token = step.state.token(sub.getTokenId()).orElseThrow(Stale::new);
                        step.history("MESSAGE_CORRELATED", sub.getElementId(), token.id, null,
                                Step.map("name", message.name(), "correlationKey", key));
                        step.fire(token, new Trigger(sub.getElementId(), message.variables(), null));
                        return null;
                    });
                    return new MessageResult(sub.getInstanceId(), sub.getElementId(), false);
                } catch (Stale | EngineException.NotFound e) {
                    // taken by another message meanwhile, or the instance moved on: try the next one
                }
            }
            if (waiting.isEmpty()) break;
        }
        MessageSubscriptionsRecord start = db.dsl().selectFrom(MESSAGE_SUBSCRIPTIONS)
                .where(MESSAGE_SUBSCRIPTIONS.MESSAGE_NAME.eq(message.name())).and(MESSAGE_SUBSCRIPTIONS.INSTANCE_ID.isNull())
                .orderBy(MESSAGE_SUBSCRIPTIONS.CREATED_AT.desc()).limit(1).fetchOne();
        if (start != null) {
            ProcessModel model = definitions.get(start.getDefinitionId());
            Step step = commands.start(model, start.getElementId(), message.variables(), message.businessKey(), null, null);
            return new MessageResult(step.instance.id, start.getElementId(), true);
        }
        throw new EngineException.NotFound("No instance waits for message '" + message.name() + "'"
                + (key == null ? "" : " with correlation key '" + key + "'") + ", and no process starts with it");
    }

    /**
     * Broadcasts a signal: every event waiting for it in any instance catches it, and every process with a signal
     * start event of that name starts. A signal nobody waits for is not an error (it just reaches no one).
     */
    public SignalResult signal(SignalRequest signal) {
        if (signal == null || signal.name() == null || signal.name().isBlank()) throw new EngineException.BadRequest("A signal needs a name");
        String key = dev.baton.engine.runtime.Signals.key(signal.name());
        List<MessageSubscriptionsRecord> waiting = db.dsl().selectFrom(MESSAGE_SUBSCRIPTIONS).where(MESSAGE_SUBSCRIPTIONS.MESSAGE_NAME.eq(key))
                .and(MESSAGE_SUBSCRIPTIONS.INSTANCE_ID.isNotNull()).orderBy(MESSAGE_SUBSCRIPTIONS.CREATED_AT).fetch();
        List<String> caught = new java.util.ArrayList<>();
        for (MessageSubscriptionsRecord sub : waiting) {
            try {
                commands.onInstance(sub.getInstanceId(), (step, dsl) -> {
                    if (step.instance.state != InstanceState.ACTIVE) throw new Stale();
                    if (dsl.deleteFrom(MESSAGE_SUBSCRIPTIONS).where(MESSAGE_SUBSCRIPTIONS.ID.eq(sub.getId())).execute() != 1) throw new Stale();
                    Token token = step.state.token(sub.getTokenId()).orElseThrow(Stale::new);
                    step.history("SIGNAL_RECEIVED", sub.getElementId(), token.id, null, Step.map("name", signal.name()));
                    step.fire(token, new Trigger(sub.getElementId(), signal.variables(), null));
                    return null;
                });
                caught.add(sub.getInstanceId());
            } catch (Stale | EngineException.NotFound e) {
                // the instance moved on or was suspended meanwhile: the signal is not for it any more
            }
        }
        List<String> started = new java.util.ArrayList<>();
        for (MessageSubscriptionsRecord start : db.dsl().selectFrom(MESSAGE_SUBSCRIPTIONS).where(MESSAGE_SUBSCRIPTIONS.MESSAGE_NAME.eq(key))
                .and(MESSAGE_SUBSCRIPTIONS.INSTANCE_ID.isNull()).orderBy(MESSAGE_SUBSCRIPTIONS.CREATED_AT).fetch()) {
            Step step = commands.start(definitions.get(start.getDefinitionId()), start.getElementId(), signal.variables(), null, null, null);
            started.add(step.instance.id);
        }
        return new SignalResult(signal.name(), caught, started);
    }

    /** The instance's caller and the instances its call activities started, oldest first. */
    public dev.baton.model.api.InstanceFamily family(String instanceId) {
        var row = db.dsl().select(INSTANCES.RUNTIME).from(INSTANCES).where(INSTANCES.ID.eq(instanceId)).fetchOne();
        if (row == null) throw new EngineException.NotFound("No instance " + instanceId);
        String parent;
        try {
            parent = json.readValue(row.value1(), dev.baton.engine.runtime.RuntimeState.class).parentInstanceId;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the stored state of instance " + instanceId + " cannot be read", e);
        }
        // a called instance's idempotency key is "<caller>:<call activity>:<entry>"
        List<String> children = new java.util.ArrayList<>();
        Map<String, String> calledBy = new java.util.LinkedHashMap<>();
        for (var r : db.dsl().select(INSTANCES.ID, INSTANCES.IDEMPOTENCY_KEY).from(INSTANCES)
                .where(INSTANCES.IDEMPOTENCY_KEY.like(instanceId + ":%")).orderBy(INSTANCES.STARTED_AT).fetch()) {
            children.add(r.value1());
            String[] parts = r.value2().substring(instanceId.length() + 1).split(":");
            if (parts.length > 0 && !parts[0].isEmpty()) calledBy.put(r.value1(), parts[0]);
        }
        return new dev.baton.model.api.InstanceFamily(instanceId, parent, children, calledBy);
    }

    // ---- user tasks -----------------------------------------------------------------------------------------

    public List<TaskView> tasks(String assignee, String candidateGroup, String processId, String instanceId) {
        return queries.tasks(assignee, candidateGroup, processId, instanceId);
    }

    public TaskView task(String id) {
        return queries.task(id).orElseThrow(() -> new EngineException.NotFound("No open user task " + id));
    }

    /** Makes the user the task's assignee; refused when someone else holds it. */
    public TaskView claim(String taskId, String user) {
        if (user == null || user.isBlank()) throw new EngineException.BadRequest("Claiming a task needs a user");
        TaskView task = task(taskId);
        commands.onInstance(task.instanceId(), (step, dsl) -> {
            requireActive(step);
            int n = dsl.update(USER_TASKS).set(USER_TASKS.ASSIGNEE, user).where(USER_TASKS.ID.eq(taskId))
                    .and(USER_TASKS.ASSIGNEE.isNull().or(USER_TASKS.ASSIGNEE.eq(user))).execute();
            if (n != 1) throw new EngineException.Conflict("Task " + taskId + " is already claimed by " + task(taskId).assignee());
            step.history("TASK_CLAIMED", task.elementId(), null, null, Step.map("taskId", taskId, "assignee", user));
            return null;
        });
        return task(taskId);
    }

    /** Completes a user task; its variables enter the instance and the token moves on. */
    public void completeTask(String taskId, Map<String, Object> variables) {
        TaskView task = task(taskId);
        commands.onInstance(task.instanceId(), (step, dsl) -> {
            requireActive(step);
            var row = dsl.selectFrom(USER_TASKS).where(USER_TASKS.ID.eq(taskId)).fetchOne();
            if (row == null) throw new EngineException.NotFound("No open user task " + taskId);
            dsl.deleteFrom(USER_TASKS).where(USER_TASKS.ID.eq(taskId)).execute();
            Token token = step.state.token(row.getTokenId())
                    .orElseThrow(() -> new EngineException.Conflict("Task " + taskId + " no longer belongs to a waiting token"));
            step.history("TASK_COMPLETED", row.getElementId(), token.id, null, Step.map("taskId", taskId));
            step.fire(token, new Trigger(row.getElementId(), variables, null));
            return null;
        });
    }

    // ---- incidents ------------------------------------------------------------------------------------------

    public List<IncidentView> incidents(String instanceId, boolean openOnly) { return queries.incidents(instanceId, openOnly); }

    /** Resolves the incident and runs its element again; for failed work, with the given number of tries. */
    public InstanceView retryIncident(String incidentId, Integer retries) {
        IncidentView incident = queries.incident(incidentId)
                .orElseThrow(() -> new EngineException.NotFound("No incident " + incidentId));
        if (incident.resolvedAt() != null) throw new EngineException.Conflict("Incident " + incidentId + " is already resolved");
        if (retries != null && retries < 1) throw new EngineException.BadRequest("retries must be at least 1");
        commands.onInstance(incident.instanceId(), (step, dsl) -> {
            requireActive(step);
            Token token = step.state.tokens.stream().filter(t -> incidentId.equals(t.incidentId)).findFirst()
                    .orElseThrow(() -> new EngineException.Conflict("Incident " + incidentId + " no longer holds a token"));
            step.resolvedIncidents.add(incidentId);
            step.history("INCIDENT_RESOLVED", token.elementId, token.id, null, Step.map("incidentId", incidentId));
            step.retriesOverride = retries;
            step.clearWaits(token);
            step.reenter(token);
            return null;
        });
        return instance(incident.instanceId());
    }

    // ---- operations -----------------------------------------------------------------------------------------

    public Health health() {
        boolean dbUp = db.isUp();
        boolean workers = worker.isRunning();
        long due = dbUp ? queries.jobsDue(System.currentTimeMillis()) : -1;
        return new Health(dbUp && workers ? "UP" : "DOWN", dbUp ? "UP" : "DOWN", workers ? "UP" : "DOWN", due);
    }

    /** Prometheus text exposition of the engine's metrics. */
    public String metrics() {
        return metrics.scrape();
    }

    public EngineMetrics meters() { return metrics; }

    /** Each configured broker's state: UP, or DOWN with the last error. */
    public Map<String, String> brokers() {
        Map<String, String> out = new java.util.TreeMap<>();
        if (kafka != null) out.put("kafka", kafka.state());
        if (rabbit != null) out.put("rabbit", rabbit.state());
        return out;
    }

    /** The broker that publishes for a job's channel ("kafka"), or null when none is configured. */
    public dev.baton.engine.connect.Publisher publisher(String channel) {
        return "kafka".equals(channel) ? kafka : "rabbit".equals(channel) ? rabbit : null;
    }

    /** Deployed messages that arrive from a broker channel (every version's). */
    public List<dev.baton.engine.connect.ChannelMessage> channelMessages() {
        List<dev.baton.engine.connect.ChannelMessage> out = new java.util.ArrayList<>();
        for (var d : definitions()) {
            ProcessModel model = definitions.get(d.id());
            for (var m : model.definitions().globals(dev.baton.model.GlobalElement.Message.class)) {
                if (m.channel() != null) out.add(new dev.baton.engine.connect.ChannelMessage(m, model.dialect()));
            }
        }
        return out;
    }

    /** Service tasks with a topic, fetched and completed by external workers. */
    public dev.baton.engine.external.ExternalTasks externalTasks() { return externalTasks; }

    public ObjectMapper json() { return json; }

    /** The command runner; for tests in this package that need commands of their own in one commit. */
    Commands commands() { return commands; }

    private static void requireActive(Step step) {
        if (step.instance.state != InstanceState.ACTIVE) {
            throw new EngineException.Conflict("Instance " + step.instance.id + " is " + step.instance.state
                    + (step.instance.state == InstanceState.SUSPENDED ? ": resume it first" : ""));
        }
    }

    private static void requireNotEnded(Step step) {
        if (step.instance.state == InstanceState.COMPLETED || step.instance.state == InstanceState.CANCELED) {
            throw new EngineException.Conflict("Instance " + step.instance.id + " has already ended (" + step.instance.state + ")");
        }
    }

    @Override
    public void close() {
        if (kafka != null) kafka.close();
        if (rabbit != null) rabbit.close();
        worker.close();
        commands.close();
        db.close();
    }
}
