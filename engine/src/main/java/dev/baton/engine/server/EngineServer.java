package dev.baton.engine.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.BpmnFile;
import dev.baton.engine.EngineException;
import dev.baton.model.api.DeploymentResult;
import dev.baton.model.api.Health;
import dev.baton.model.api.InstanceQuery;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.MessageRequest;
import dev.baton.model.api.ProblemDetail;
import dev.baton.model.api.StartInstanceRequest;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.javalin.json.JavalinJackson;
import io.javalin.websocket.WsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

/**
 * The engine's REST API, live event stream, health and metrics over HTTP. Handlers are thin: they read the
 * request, call the engine, and write JSON. Errors are RFC 9457 problem JSON.
 */
public final class EngineServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineServer.class);

    private final BatonEngine engine;
    private final ObjectMapper json;
    private final Javalin app;
    private final String apiToken;
    private final Map<Object, EventStream> sockets = new ConcurrentHashMap<>();
    private final CamundaRest camunda;

    private EngineServer(BatonEngine engine, String apiToken) {
        this.engine = engine;
        this.apiToken = apiToken;
        this.json = BatonEngine.jsonMapper().setSerializationInclusion(JsonInclude.Include.ALWAYS);
        this.camunda = new CamundaRest(engine, json);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.http.defaultContentType = "application/json";
            cfg.http.maxRequestSize = 20_000_000L;
            cfg.router.apiBuilder(this::routes);
        });
        app.before(this::authorize);
        app.exception(EngineException.DeploymentRejected.class, (e, ctx) ->
                problem(ctx, 422, "The BPMN files cannot be deployed", e.getMessage(), e.problems()));
        app.exception(EngineException.NotFound.class, (e, ctx) -> problem(ctx, 404, "Not found", e.getMessage(), null));
        app.exception(EngineException.Conflict.class, (e, ctx) -> problem(ctx, 409, "Conflict", e.getMessage(), null));
        app.exception(EngineException.BadRequest.class, (e, ctx) -> problem(ctx, 400, "Bad request", e.getMessage(), null));
        app.exception(EngineException.class, (e, ctx) -> problem(ctx, 400, "Bad request", e.getMessage(), null));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("request {} {} failed", ctx.method(), ctx.path(), e);
            problem(ctx, 500, "The engine failed", "The engine could not handle this request: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null);
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                problem(ctx, 404, "Not found", "There is no " + ctx.method() + " " + ctx.path() + " in the engine's API", null);
            }
        });
        app.error(405, ctx -> problem(ctx, 405, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path(), null));
        app.ws("/api/events", this::websocket);
    }

    /**
     * Starts the API on the address and port (0 picks a free port). Listening on anything but loopback needs an
     * API token; then every request must send {@code Authorization: Bearer <token>}.
     */
    public static EngineServer start(BatonEngine engine, String bindAddress, int port, String apiToken) {
        String bind = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress;
        if ((apiToken == null || apiToken.isBlank()) && !isLoopback(bind)) {
            throw new IllegalStateException("Refusing to listen on " + bind + " without an API token: anyone on the network could"
                    + " run processes. Configure an API token, or bind to 127.0.0.1.");
        }
        EngineServer server = new EngineServer(engine, apiToken == null || apiToken.isBlank() ? null : apiToken);
        server.app.start(bind, port);
        return server;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public int port() { return app.port(); }

    @Override
    public void close() {
        sockets.values().forEach(EventStream::close);
        camunda.close();
        app.stop();
    }

    // ---- routes ---------------------------------------------------------------------------------------------

    private void routes() {
        get("/health", this::health);
        get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(engine.metrics()));
        get("/openapi", ctx -> {
            String accept = ctx.header("Accept");
            if (accept != null && accept.contains("text/html")) ctx.html(OpenApi.page(json));
            else ctx.contentType("application/json").result(OpenApi.document());
        });
        path("api", () -> {
            post("deployments", this::deploy);
            get("definitions", ctx -> ctx.json(engine.definitions()));
            get("definitions/{id}", ctx -> ctx.json(engine.definition(ctx.pathParam("id"))));
            get("definitions/{id}/xml", ctx -> ctx.contentType("application/xml").result(engine.definitionXml(ctx.pathParam("id"))));
            get("definitions/{id}/statistics", ctx -> ctx.json(engine.statistics(ctx.pathParam("id"))));
            post("definitions/{id}/instances", ctx -> started(ctx, engine.startInstanceOfDefinition(ctx.pathParam("id"), body(ctx, StartInstanceRequest.class))));
            post("processes/{processId}/instances", ctx -> started(ctx, engine.startInstance(ctx.pathParam("processId"), body(ctx, StartInstanceRequest.class))));
            get("instances", this::listInstances);
            get("instances/{id}", ctx -> ctx.json(engine.instance(ctx.pathParam("id"))));
            delete("instances/{id}", ctx -> ctx.json(engine.cancel(ctx.pathParam("id"))));
            post("instances/{id}/suspend", ctx -> ctx.json(engine.suspend(ctx.pathParam("id"))));
            post("instances/{id}/resume", ctx -> ctx.json(engine.resume(ctx.pathParam("id"))));
            get("instances/{id}/variables", ctx -> ctx.json(engine.variables(ctx.pathParam("id"))));
            patch("instances/{id}/variables", ctx -> ctx.json(engine.setVariables(ctx.pathParam("id"), map(ctx))));
            get("instances/{id}/history", ctx -> ctx.json(engine.history(ctx.pathParam("id"))));
            put("instances/{id}/variables/{name}", this::putVariable);
            post("instances/{id}/modifications", ctx -> ctx.json(engine.modify(ctx.pathParam("id"),
                    body(ctx, dev.baton.model.api.InstanceModification.class))));
            post("messages", ctx -> ctx.json(engine.correlate(body(ctx, MessageRequest.class))));
            get("instances/{id}/family", ctx -> ctx.json(engine.family(ctx.pathParam("id"))));
            post("signals", ctx -> ctx.json(engine.signal(body(ctx, dev.baton.model.api.SignalRequest.class))));
            get("tasks", ctx -> ctx.json(engine.tasks(ctx.queryParam("assignee"), ctx.queryParam("candidateGroup"),
                    ctx.queryParam("processId"), ctx.queryParam("instanceId"))));
            get("tasks/{id}", ctx -> ctx.json(engine.task(ctx.pathParam("id"))));
            post("tasks/{id}/claim", ctx -> ctx.json(engine.claim(ctx.pathParam("id"), string(map(ctx).get("user")))));
            post("tasks/{id}/complete", this::completeTask);
            get("incidents", ctx -> ctx.json(engine.incidents(ctx.queryParam("instanceId"),
                    !"false".equalsIgnoreCase(ctx.queryParam("open")))));
            post("incidents/{id}/retry", ctx -> {
                Object retries = map(ctx).get("retries");
                if (retries != null && !(retries instanceof Number)) throw new EngineException.BadRequest("retries must be a number");
                ctx.json(engine.retryIncident(ctx.pathParam("id"), retries == null ? null : ((Number) retries).intValue()));
            });
            get("events", this::events);
        });
        path("engine-rest", camunda::routes);
    }

    private void authorize(Context ctx) {
        if (apiToken == null) return;
        String header = ctx.header("Authorization");
        String expected = "Bearer " + apiToken;
        if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            problem(ctx, 401, "Unauthorized", "This engine needs an API token: send the header 'Authorization: Bearer <token>'", null);
            ctx.skipRemainingHandlers();
        }
    }

    private void health(Context ctx) {
        Health h = engine.health();
        Map<String, String> brokers = engine.brokers();
        if (brokers.isEmpty()) {
            ctx.status("UP".equals(h.status()) ? 200 : 503).json(h);
            return;
        }
        boolean up = "UP".equals(h.status()) && brokers.values().stream().allMatch("UP"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("database", h.database());
        body.put("jobWorkers", h.jobWorkers());
        body.put("jobsDue", h.jobsDue());
        body.put("brokers", brokers);
        ctx.status(up ? 200 : 503).json(body);
    }

    private void deploy(Context ctx) throws IOException {
        List<BpmnFile> files = new ArrayList<>();
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("multipart/")) {
            for (UploadedFile f : ctx.uploadedFiles("file")) {
                try (InputStream in = f.content()) {
                    files.add(new BpmnFile(f.filename(), in.readAllBytes()));
                }
            }
        } else if (type.contains("xml") || type.isEmpty() || type.startsWith("application/octet-stream")) {
            String name = ctx.queryParam("name") != null ? ctx.queryParam("name") : "process.bpmn";
            if (ctx.bodyAsBytes().length > 0) files.add(new BpmnFile(name, ctx.bodyAsBytes()));
        } else {
            throw new EngineException.BadRequest("Send BPMN or DMN as application/xml, or as multipart/form-data parts named 'file' (got "
                    + ctx.contentType() + ")");
        }
        DeploymentResult r = engine.deploy(files);
        ctx.status(HttpStatus.CREATED).json(r);
    }

    private void started(Context ctx, BatonEngine.Started s) {
        ctx.status(s.created() ? 201 : 200).json(s.instance());
    }

    private void listInstances(Context ctx) {
        String state = ctx.queryParam("state");
        InstanceState s = null;
        if (state != null) {
            try {
                s = InstanceState.valueOf(state.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new EngineException.BadRequest("state must be one of ACTIVE, SUSPENDED, COMPLETED, CANCELED, not " + state);
            }
        }
        ctx.json(engine.instances(new InstanceQuery(ctx.queryParam("processId"), ctx.queryParam("definitionId"), s,
                ctx.queryParam("businessKey"), instant(ctx, "startedAfter"), instant(ctx, "startedBefore"),
                integer(ctx, "offset", 0), integer(ctx, "limit", 100))));
    }

    /** The body is the variable's new value as JSON: 42, "text", {"a": 1} or [1, 2]; null is refused. */
    private void putVariable(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) throw new EngineException.BadRequest("Send the variable's value as JSON (for text: \"text\", in quotes)");
        Object value;
        try {
            value = json.readValue(text, Object.class);
        } catch (IOException e) {
            throw new EngineException.BadRequest("The value of variable " + ctx.pathParam("name") + " is not JSON: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (value == null) {
            throw new EngineException.BadRequest("The value of variable " + ctx.pathParam("name") + " is null: the engine does not keep "
                    + "null variables; send a value");
        }
        ctx.json(engine.setVariable(ctx.pathParam("id"), ctx.pathParam("name"), value));
    }

    @SuppressWarnings("unchecked")
    private void completeTask(Context ctx) {
        Object vars = map(ctx).get("variables");
        if (vars != null && !(vars instanceof Map)) throw new EngineException.BadRequest("variables must be a JSON object");
        engine.completeTask(ctx.pathParam("id"), vars == null ? Map.of() : (Map<String, Object>) vars);
        ctx.status(204);
    }

    // ---- live events ----------------------------------------------------------------------------------------

    private final SseHandler sse = new SseHandler(this::sseClient);

    private void events(Context ctx) throws Exception {
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/event-stream")) {
            sse.handle(ctx);
            return;
        }
        ctx.json(engine.eventsAfter(after(ctx, ctx.queryParam("after")), ctx.queryParam("definitionId"), ctx.queryParam("instanceId"),
                integer(ctx, "limit", 1000)));
    }

    private void sseClient(SseClient client) {
        Context ctx = client.ctx();
        String lastId = ctx.header("Last-Event-ID");
        long after = after(ctx, ctx.queryParam("after") != null ? ctx.queryParam("after") : lastId);
        client.keepAlive();
        EventStream stream = new EventStream(engine, json, ctx.queryParam("definitionId"), ctx.queryParam("instanceId"), after,
                (id, data) -> {
                    if (client.terminated()) return false;
                    if (id < 0) client.sendComment("keep-alive");
                    else client.sendEvent("event", data, Long.toString(id));
                    return !client.terminated();
                });
        client.onClose(stream::close);
        stream.start();
    }

    private void websocket(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.session.setIdleTimeout(java.time.Duration.ofHours(1));
            long after = after(null, ctx.queryParam("after"));
            EventStream stream = new EventStream(engine, json, ctx.queryParam("definitionId"), ctx.queryParam("instanceId"), after,
                    (id, data) -> {
                        if (!ctx.session.isOpen()) return false;
                        if (id >= 0) ctx.send(data);
                        else ctx.sendPing();
                        return true;
                    });
            sockets.put(ctx.session, stream);
            stream.start();
        });
        ws.onClose(ctx -> {
            EventStream s = sockets.remove(ctx.session);
            if (s != null) s.close();
        });
        ws.onError(ctx -> {
            EventStream s = sockets.remove(ctx.session);
            if (s != null) s.close();
        });
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private <T> T body(Context ctx, Class<T> type) {
        String text = ctx.body();
        try {
            if (text.isBlank()) return json.readValue("{}", type);
            return json.readValue(text, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new EngineException.BadRequest("The request body is not the JSON expected: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new EngineException.BadRequest("The request body cannot be read: " + e.getMessage());
        }
    }

    private Map<String, Object> map(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) return Map.of();
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new EngineException.BadRequest("The request body must be a JSON object: " + e.getMessage());
        }
    }

    private static String string(Object o) { return o == null ? null : String.valueOf(o); }

    private static long after(Context ctx, String value) {
        if (value == null || value.isBlank()) return 0;
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new EngineException.BadRequest("after must be an event id (a number), not " + value);
        }
    }

    private static int integer(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new EngineException.BadRequest(name + " must be a whole number, not " + v);
        }
    }

    private static Instant instant(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null) return null;
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new EngineException.BadRequest(name + " must be an ISO 8601 instant such as 2026-01-31T10:00:00Z, not " + v);
        }
    }

    private void problem(Context ctx, int status, String title, String detail, List<dev.baton.model.api.DeploymentProblem> problems) {
        ProblemDetail p = new ProblemDetail("about:blank", title, status, detail, ctx.path(), problems);
        try {
            ctx.status(status).contentType("application/problem+json").result(json.writeValueAsString(p));
        } catch (IOException e) {
            ctx.status(status).result(detail);
        }
    }
}
