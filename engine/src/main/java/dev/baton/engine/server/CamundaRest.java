package dev.baton.engine.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.BpmnFile;
import dev.baton.engine.EngineException;
import dev.baton.engine.external.ExternalTasks;
import dev.baton.model.api.DecisionSummary;
import dev.baton.model.api.DefinitionSummary;
import dev.baton.model.api.DeploymentResult;
import dev.baton.model.api.MessageRequest;
import dev.baton.model.api.MessageResult;
import dev.baton.model.api.StartInstanceRequest;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UploadedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.javalin.apibuilder.ApiBuilder.post;

/**
 * The Camunda 7 REST calls that external task workers and deployment scripts make, under /engine-rest, so
 * workers written with camunda-external-task-client keep working. Answers are exactly {@code application/json};
 * errors are Camunda's {@code {type, message, code}}.
 */
final class CamundaRest implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CamundaRest.class);
    private static final String JSON = "application/json";
    /** Camunda's upper bound for asyncResponseTimeout. */
    private static final long MAX_WAIT_MS = 1_800_000;

    private final BatonEngine engine;
    private final ExternalTasks tasks;
    private final ObjectMapper json;
    // long polls wait here, not on Jetty's request threads
    private final ExecutorService polls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "baton-long-poll");
        t.setDaemon(true);
        return t;
    });

    CamundaRest(BatonEngine engine, ObjectMapper json) {
        this.engine = engine;
        this.tasks = engine.externalTasks();
        this.json = json;
    }

    void routes() {
        post("external-task/fetchAndLock", guarded(this::fetchAndLock));
        post("external-task/{id}/complete", guarded(ctx -> {
            Map<String, Object> b = body(ctx);
            tasks.complete(ctx.pathParam("id"), string(b.get("workerId")), merged(b));
            ctx.status(204);
        }));
        post("external-task/{id}/failure", guarded(ctx -> {
            Map<String, Object> b = body(ctx);
            tasks.failure(ctx.pathParam("id"), string(b.get("workerId")), string(b.get("errorMessage")), string(b.get("errorDetails")),
                    (int) number(b.get("retries"), 0, "retries"), number(b.get("retryTimeout"), 0, "retryTimeout"), merged(b));
            ctx.status(204);
        }));
        post("external-task/{id}/bpmnError", guarded(ctx -> {
            Map<String, Object> b = body(ctx);
            tasks.bpmnError(ctx.pathParam("id"), string(b.get("workerId")), string(b.get("errorCode")), string(b.get("errorMessage")),
                    CamundaVariables.fromTyped(b.get("variables"), json));
            ctx.status(204);
        }));
        post("external-task/{id}/extendLock", guarded(ctx -> {
            Map<String, Object> b = body(ctx);
            tasks.extendLock(ctx.pathParam("id"), string(b.get("workerId")), number(b.get("newDuration"), -1, "newDuration"));
            ctx.status(204);
        }));
        post("external-task/{id}/lock", guarded(ctx -> {
            Map<String, Object> b = body(ctx);
            tasks.lock(ctx.pathParam("id"), string(b.get("workerId")), number(b.get("lockDuration"), -1, "lockDuration"));
            ctx.status(204);
        }));
        post("external-task/{id}/unlock", guarded(ctx -> {
            tasks.unlock(ctx.pathParam("id"));
            ctx.status(204);
        }));
        post("deployment/create", guarded(this::deploy));
        post("process-definition/key/{key}/start", guarded(this::start));
        post("message", guarded(this::message));
        post("condition", guarded(this::condition));
    }

    @Override
    public void close() {
        polls.shutdownNow();
    }

    // ---- handlers -------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private void fetchAndLock(Context ctx) {
        Map<String, Object> b = body(ctx);
        String workerId = string(b.get("workerId"));
        int maxTasks = (int) number(b.get("maxTasks"), 10, "maxTasks");
        boolean usePriority = !Boolean.FALSE.equals(b.get("usePriority"));
        long wait = Math.min(MAX_WAIT_MS, number(b.get("asyncResponseTimeout"), 0, "asyncResponseTimeout"));
        List<ExternalTasks.Topic> topics = new ArrayList<>();
        if (b.get("topics") instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> raw)) throw new EngineException.BadRequest("Each entry of topics must be an object");
                Map<String, Object> t = (Map<String, Object>) raw;
                topics.add(new ExternalTasks.Topic(string(t.get("topicName")), number(t.get("lockDuration"), -1, "lockDuration"),
                        strings(t.get("variables")), string(t.get("businessKey")), string(t.get("processDefinitionKey")),
                        strings(t.get("processDefinitionKeyIn")), string(t.get("processDefinitionId")),
                        strings(t.get("processDefinitionIdIn"))));
            }
        }
        ctx.future(() -> CompletableFuture.supplyAsync(() -> {
            try {
                return tasks.fetchAndLock(workerId, maxTasks, usePriority, topics, wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.<ExternalTasks.Locked>of();
            }
        }, polls).handle((locked, error) -> {
            if (error != null) fail(ctx, error instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : error);
            else answer(ctx, 200, locked.stream().map(this::wire).toList());
            return null;
        }));
    }

    private Map<String, Object> wire(ExternalTasks.Locked t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activityId", t.activityId());
        m.put("activityInstanceId", t.activityInstanceId());
        m.put("errorMessage", t.errorMessage());
        m.put("errorDetails", t.errorDetails());
        m.put("executionId", t.executionId());
        m.put("id", t.id());
        m.put("lockExpirationTime", CamundaVariables.date(t.lockExpirationTime()));
        m.put("createTime", CamundaVariables.date(t.createTime()));
        m.put("processDefinitionId", t.processDefinitionId());
        m.put("processDefinitionKey", t.processDefinitionKey());
        m.put("processDefinitionVersionTag", t.processDefinitionVersionTag());
        m.put("processInstanceId", t.processInstanceId());
        m.put("retries", t.retries());
        m.put("suspended", false);
        m.put("workerId", t.workerId());
        m.put("topicName", t.topicName());
        m.put("tenantId", null);
        m.put("variables", CamundaVariables.toTyped(t.variables(), json));
        m.put("priority", t.priority());
        m.put("businessKey", t.businessKey());
        m.put("extensionProperties", Map.of());
        return m;
    }

    private void deploy(Context ctx) throws IOException {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/")) throw new EngineException.BadRequest("deployment/create takes multipart/form-data");
        List<BpmnFile> files = new ArrayList<>();
        for (UploadedFile f : ctx.uploadedFiles()) {
            try (InputStream in = f.content()) {
                files.add(new BpmnFile(f.filename() == null ? "process.bpmn" : f.filename(), in.readAllBytes()));
            }
        }
        if (files.isEmpty()) throw new EngineException.BadRequest("deployment/create needs at least one file part");
        DeploymentResult r = engine.deploy(files);
        Map<String, Object> definitions = new LinkedHashMap<>();
        for (DefinitionSummary d : r.definitions()) {
            Map<String, Object> def = new LinkedHashMap<>();
            def.put("id", d.id());
            def.put("key", d.processId());
            def.put("version", d.version());
            def.put("versionTag", d.versionTag());
            def.put("name", d.name() == null ? d.processId() : d.name());
            def.put("deploymentId", d.deploymentId());
            def.put("resource", d.sourceName() == null ? "" : d.sourceName());
            def.put("suspended", false);
            definitions.put(d.id(), def);
        }
        Map<String, Object> decisions = new LinkedHashMap<>();
        for (DecisionSummary d : r.decisions()) {
            decisions.put(d.id(), Map.of("id", d.id(), "key", d.key(), "version", d.version(),
                    "name", d.name() == null ? d.key() : d.name(), "deploymentId", d.deploymentId(),
                    "resource", d.sourceName() == null ? "" : d.sourceName()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("name", ctx.formParam("deployment-name"));
        out.put("source", ctx.formParam("deployment-source"));
        out.put("deploymentTime", CamundaVariables.date(System.currentTimeMillis()));
        out.put("links", List.of());
        out.put("deployedProcessDefinitions", definitions);
        out.put("deployedDecisionDefinitions", decisions);
        answer(ctx, 200, out);
    }

    private void start(Context ctx) {
        Map<String, Object> b = body(ctx);
        var started = engine.startInstance(ctx.pathParam("key"), new StartInstanceRequest(
                CamundaVariables.fromTyped(b.get("variables"), json), string(b.get("businessKey")), null));
        var i = started.instance();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", i.id());
        out.put("definitionId", i.definitionId());
        out.put("businessKey", i.businessKey());
        out.put("caseInstanceId", null);
        out.put("tenantId", null);
        out.put("ended", i.endedAt() != null);
        out.put("suspended", false);
        out.put("links", List.of());
        answer(ctx, 200, out);
    }

    private void message(Context ctx) {
        Map<String, Object> b = body(ctx);
        Map<String, Object> keys = CamundaVariables.fromTyped(b.get("correlationKeys"), json);
        if (keys.size() > 1) {
            throw new EngineException.BadRequest("Baton correlates a message by one correlation key; got " + keys.keySet());
        }
        String key = keys.isEmpty() ? null : String.valueOf(keys.values().iterator().next());
        MessageResult r;
        try {
            r = engine.correlate(new MessageRequest(string(b.get("messageName")), key, string(b.get("businessKey")),
                    CamundaVariables.fromTyped(b.get("processVariables"), json)));
        } catch (EngineException.NotFound e) {
            // Camunda answers a message nobody takes with 400 (MismatchingMessageCorrelationException)
            throw new EngineException.BadRequest(e.getMessage());
        }
        if (Boolean.TRUE.equals(b.get("resultEnabled"))) {
            Map<String, Object> instance = Map.of("id", r.instanceId());
            answer(ctx, 200, List.of(r.started()
                    ? Map.of("resultType", "ProcessDefinition", "processInstance", instance)
                    : Map.of("resultType", "Execution", "execution", Map.of("id", r.instanceId(), "processInstanceId", r.instanceId()))));
        } else {
            ctx.status(204);
        }
    }

    /**
     * Camunda 7's POST /condition: starts the processes whose conditional start event holds for the variables; with
     * processDefinitionId, only that definition's conditional start events are evaluated.
     */
    private void condition(Context ctx) {
        Map<String, Object> b = body(ctx);
        if (b.get("tenantId") != null) {
            throw new EngineException.BadRequest("Baton has no tenants: leave tenantId out of the condition request");
        }
        var variables = CamundaVariables.fromTyped(b.get("variables"), json);
        String definitionId = string(b.get("processDefinitionId"));
        var started = definitionId == null
                ? engine.evaluateStartConditions(variables, string(b.get("businessKey")), null)
                : engine.evaluateStartConditionsOf(definitionId, variables, string(b.get("businessKey")));
        answer(ctx, 200, started.stream().map(i -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("id", i.id());
            m.put("definitionId", i.definitionId());
            m.put("businessKey", i.businessKey());
            m.put("ended", i.state() == dev.baton.model.api.InstanceState.COMPLETED || i.state() == dev.baton.model.api.InstanceState.CANCELED);
            m.put("suspended", i.state() == dev.baton.model.api.InstanceState.SUSPENDED);
            return m;
        }).toList());
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    private interface Work {
        void handle(Context ctx) throws Exception;
    }

    private Handler guarded(Work work) {
        return ctx -> {
            try {
                work.handle(ctx);
            } catch (Exception e) {
                fail(ctx, e);
            }
        };
    }

    private void fail(Context ctx, Throwable e) {
        int status;
        String type;
        if (e instanceof EngineException.NotFound) {
            status = 404;
            type = "InvalidRequestException";
        } else if (e instanceof EngineException.Conflict) {
            status = 409;
            type = "RestException";
        } else if (e instanceof EngineException.DeploymentRejected) {
            status = 400;
            type = "ParseException";
        } else if (e instanceof EngineException) {
            status = 400;
            type = "InvalidRequestException";
        } else {
            log.error("request {} {} failed", ctx.method(), ctx.path(), e);
            status = 500;
            type = "RestException";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        body.put("code", null);
        answer(ctx, status, body);
    }

    private void answer(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType(JSON).result(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private Map<String, Object> body(Context ctx) {
        String text = ctx.body();
        if (text == null || text.isBlank()) return Map.of();
        try {
            Map<String, Object> m = json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
            return m == null ? Map.of() : m;
        } catch (JsonProcessingException e) {
            throw new EngineException.BadRequest("The request body is not a JSON object: " + e.getOriginalMessage());
        }
    }

    /** Camunda sends local variables apart; Baton's variables belong to the instance, so both go there. */
    private Map<String, Object> merged(Map<String, Object> b) {
        Map<String, Object> vars = new LinkedHashMap<>(CamundaVariables.fromTyped(b.get("variables"), json));
        vars.putAll(CamundaVariables.fromTyped(b.get("localVariables"), json));
        return vars;
    }

    private static String string(Object o) { return o == null ? null : String.valueOf(o); }

    private static long number(Object o, long fallback, String field) {
        if (o == null) return fallback;
        if (o instanceof Number n) return n.longValue();
        try {
            return Long.parseLong(String.valueOf(o));
        } catch (NumberFormatException e) {
            throw new EngineException.BadRequest(field + " must be a number, not " + o);
        }
    }

    private static List<String> strings(Object o) {
        if (!(o instanceof List<?> l)) return null;
        return l.stream().map(String::valueOf).toList();
    }
}
