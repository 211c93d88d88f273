package dev.baton.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.Engines;
import dev.baton.engine.Engines.Db;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API end to end over HTTP: deploy, start, tasks, variables, history, messages, incidents, errors. */
class RestApiTest {
    @TempDir Path dir;
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Reply call(String base, String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    Reply json(String base, String method, String path, String body) throws Exception {
        return call(base, method, path, "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aProcessRunsThroughTheRestApi(Db db) throws Exception {
        try (BatonEngine engine = Engines.open(db, dir); EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null)) {
            String base = "http://127.0.0.1:" + server.port();

            Reply deployed = call(base, "POST", "/api/deployments?name=order-approval.bpmn", "application/xml",
                    Engines.bpmn("order-approval.bpmn").content());
            assertThat(deployed.status()).isEqualTo(201);
            JsonNode definition = deployed.json().get("definitions").get(0);
            assertThat(definition.get("processId").asText()).isEqualTo("orderApproval");
            assertThat(definition.get("version").asInt()).isEqualTo(1);
            String definitionId = definition.get("id").asText();

            Reply started = json(base, "POST", "/api/processes/orderApproval/instances",
                    "{\"variables\":{\"amount\":10},\"businessKey\":\"order-1\",\"idempotencyKey\":\"k-1\"}");
            assertThat(started.status()).isEqualTo(201);
            String id = started.json().get("id").asText();
            assertThat(started.json().get("state").asText()).isEqualTo("ACTIVE");
            assertThat(started.json().get("tokens").get(0).get("elementId").asText()).isEqualTo("Approve");
            Reply again = json(base, "POST", "/api/processes/orderApproval/instances", "{\"idempotencyKey\":\"k-1\"}");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("id").asText()).isEqualTo(id);

            Reply list = json(base, "GET", "/api/instances?processId=orderApproval&state=ACTIVE&businessKey=order-1&limit=5", null);
            assertThat(list.json().get("total").asInt()).isEqualTo(1);
            assertThat(list.json().get("items").get(0).get("id").asText()).isEqualTo(id);

            Reply patched = json(base, "PATCH", "/api/instances/" + id + "/variables", "{\"note\":\"rush\"}");
            assertThat(patched.json().get("note").asText()).isEqualTo("rush");

            Reply tasks = json(base, "GET", "/api/tasks?processId=orderApproval", null);
            String taskId = tasks.json().get(0).get("id").asText();
            assertThat(json(base, "POST", "/api/tasks/" + taskId + "/claim", "{\"user\":\"mia\"}").json().get("assignee").asText())
                    .isEqualTo("mia");
            assertThat(json(base, "POST", "/api/tasks/" + taskId + "/complete", "{\"variables\":{\"approved\":true}}").status())
                    .isEqualTo(204);

            JsonNode done = json(base, "GET", "/api/instances/" + id, null).json();
            assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
            assertThat(done.get("endedAt").isNull()).isFalse();
            assertThat(done.get("variables").get("approved").asBoolean()).isTrue();

            JsonNode history = json(base, "GET", "/api/instances/" + id + "/history", null).json();
            assertThat(history.get(0).get("type").asText()).isEqualTo("INSTANCE_STARTED");
            assertThat(history.get(history.size() - 1).get("type").asText()).isEqualTo("INSTANCE_ENDED");

            JsonNode stats = json(base, "GET", "/api/definitions/" + definitionId + "/statistics", null).json();
            assertThat(stats.findValues("elementId").stream().map(JsonNode::asText)).contains("Approve", "Shipped");
            assertThat(call(base, "GET", "/api/definitions/" + definitionId + "/xml", null, null).body()).contains("orderApproval");

            Reply missing = json(base, "GET", "/api/instances/nope", null);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.contentType()).startsWith("application/problem+json");
            assertThat(missing.json().get("detail").asText()).contains("nope");

            Reply noReceiver = json(base, "POST", "/api/messages", "{\"name\":\"nobody-listens\"}");
            assertThat(noReceiver.status()).isEqualTo(404);
            assertThat(noReceiver.json().get("detail").asText()).contains("nobody-listens");

            Reply health = json(base, "GET", "/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("database").asText()).isEqualTo("UP");
            assertThat(call(base, "GET", "/metrics", null, null).body()).contains("baton_instances_started_total");
            assertThat(json(base, "GET", "/openapi", null).json().get("paths").has("/api/deployments")).isTrue();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/openapi")).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("<code>/api/instances/{id}/history</code>");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void cancelSuspendResumeAndIncidentsOverHttp(Db db) throws Exception {
        try (BatonEngine engine = Engines.open(db, dir); EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null)) {
            String base = "http://127.0.0.1:" + server.port();
            call(base, "POST", "/api/deployments", "application/xml", Engines.bpmn("order-approval.bpmn").content());
            call(base, "POST", "/api/deployments", "application/xml", Engines.bpmn("scripts-juel.bpmn").content());

            String a = json(base, "POST", "/api/processes/orderApproval/instances", "{}").json().get("id").asText();
            assertThat(json(base, "POST", "/api/instances/" + a + "/suspend", null).json().get("state").asText()).isEqualTo("SUSPENDED");
            String taskId = json(base, "GET", "/api/tasks?instanceId=" + a, null).json().get(0).get("id").asText();
            Reply refused = json(base, "POST", "/api/tasks/" + taskId + "/complete", "{}");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("detail").asText()).contains("SUSPENDED");
            assertThat(json(base, "POST", "/api/instances/" + a + "/resume", null).json().get("state").asText()).isEqualTo("ACTIVE");
            assertThat(json(base, "DELETE", "/api/instances/" + a, null).json().get("state").asText()).isEqualTo("CANCELED");
            assertThat(json(base, "GET", "/api/tasks?instanceId=" + a, null).json().size()).isZero();

            String b = json(base, "POST", "/api/processes/scriptsJuel/instances", "{\"variables\":{\"quantity\":2}}").json().get("id").asText();
            JsonNode incidents = json(base, "GET", "/api/incidents?instanceId=" + b, null).json();
            assertThat(incidents.get(0).get("message").asText()).contains("unitPrice");
            json(base, "PATCH", "/api/instances/" + b + "/variables", "{\"unitPrice\":3,\"limit\":{\"amount\":1}}");
            Reply retried = json(base, "POST", "/api/incidents/" + incidents.get(0).get("id").asText() + "/retry", "{\"retries\":1}");
            assertThat(retried.json().get("state").asText()).isEqualTo("COMPLETED");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aFileWithProblemsGets422WithTheProblemsAndMultipartDeploysSeveralFiles(Db db) throws Exception {
        try (BatonEngine engine = Engines.open(db, dir); EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null)) {
            String base = "http://127.0.0.1:" + server.port();
            String bad = new String(Engines.bpmn("catch-message.bpmn").content(), StandardCharsets.UTF_8)
                    .replace("<bpmn:messageEventDefinition messageRef=\"Msg_docs\"/>", "<bpmn:signalEventDefinition/>");
            String boundary = "----baton";
            String multipart = part(boundary, "good.bpmn", new String(Engines.bpmn("parallel.bpmn").content(), StandardCharsets.UTF_8))
                    + part(boundary, "bad.bpmn", bad) + "--" + boundary + "--\r\n";
            Reply rejected = call(base, "POST", "/api/deployments", "multipart/form-data; boundary=" + boundary,
                    multipart.getBytes(StandardCharsets.UTF_8));
            assertThat(rejected.status()).isEqualTo(422);
            assertThat(rejected.contentType()).startsWith("application/problem+json");
            JsonNode problem = rejected.json().get("problems").get(0);
            assertThat(problem.get("file").asText()).isEqualTo("bad.bpmn");
            assertThat(problem.get("elementId").asText()).isEqualTo("Docs");
            assertThat(problem.get("severity").asText()).isEqualTo("ERROR");
            assertThat(json(base, "GET", "/api/definitions", null).json().size()).isZero();

            String two = part(boundary, "parallel.bpmn", new String(Engines.bpmn("parallel.bpmn").content(), StandardCharsets.UTF_8))
                    + part(boundary, "inclusive.bpmn", new String(Engines.bpmn("inclusive.bpmn").content(), StandardCharsets.UTF_8))
                    + "--" + boundary + "--\r\n";
            Reply ok = call(base, "POST", "/api/deployments", "multipart/form-data; boundary=" + boundary, two.getBytes(StandardCharsets.UTF_8));
            assertThat(ok.status()).isEqualTo(201);
            assertThat(ok.json().get("definitions").findValues("processId").stream().map(JsonNode::asText))
                    .containsExactlyInAnyOrder("parallel", "inclusive");
        }
    }

    private static String part(String boundary, String filename, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/xml\r\n\r\n" + content + "\r\n";
    }
}
