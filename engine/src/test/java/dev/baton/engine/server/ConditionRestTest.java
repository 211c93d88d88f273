package dev.baton.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.Engines;
import dev.baton.engine.Engines.Db;
import dev.baton.engine.BpmnFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Camunda 7's POST /engine-rest/condition starts the processes whose conditional start event holds. */
class ConditionRestTest {
    @TempDir Path dir;

    @Test
    void postingVariablesToConditionStartsTheMatchingProcesses() throws Exception {
        try (BatonEngine engine = Engines.open(Db.H2, dir); EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null)) {
            engine.deploy(Engines.files("conditional-start.bpmn"));
            String base = "http://127.0.0.1:" + server.port() + "/engine-rest";

            HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/condition"))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"amount\":{\"value\":50,\"type\":\"Integer\"}},\"businessKey\":\"o-9\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(res.statusCode()).isEqualTo(200);
            JsonNode started = new ObjectMapper().readTree(res.body());
            assertThat(started).hasSize(1);
            assertThat(started.get(0).get("definitionId").asText()).isEqualTo("anyOrder:1");
            assertThat(started.get(0).get("businessKey").asText()).isEqualTo("o-9");
            assertThat(started.get(0).get("ended").asBoolean()).isTrue();
            assertThat(engine.instance(started.get(0).get("id").asText()).variables()).containsEntry("amount", 50);
        }
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void withAProcessDefinitionIdOnlyThatDefinitionsConditionalStartEventsAreEvaluated(Db db) throws Exception {
        try (BatonEngine engine = Engines.open(db, dir); EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null)) {
            engine.deploy(Engines.files("conditional-start.bpmn", "call-child.bpmn"));
            String v2 = new String(Engines.bpmn("conditional-start.bpmn").content(), StandardCharsets.UTF_8)
                    .replace("${amount &gt; 0}", "${amount &gt;= 0}");
            engine.deploy(List.of(BpmnFile.of("conditional-start.bpmn", v2)));
            String base = "http://127.0.0.1:" + server.port() + "/engine-rest";
            String variables = "\"variables\":{\"amount\":{\"value\":5000,\"type\":\"Integer\"}}";

            // amount 5000 holds for bigOrder too, and anyOrder:2 is the latest: only anyOrder:1 is asked
            HttpResponse<String> res = post(base + "/condition", "{" + variables + ",\"processDefinitionId\":\"anyOrder:1\",\"businessKey\":\"o-1\"}");
            assertThat(res.statusCode()).isEqualTo(200);
            JsonNode started = new ObjectMapper().readTree(res.body());
            assertThat(started).hasSize(1);
            assertThat(started.get(0).get("definitionId").asText()).isEqualTo("anyOrder:1");
            String id = started.get(0).get("id").asText();
            assertThat(engine.history(id).stream().filter(e -> e.type().equals("ELEMENT_ENTERED")).map(e -> e.elementId()).toList())
                    .containsExactly("AnyStart", "AnyEnd");
            assertThat(engine.instance(id).variables()).containsEntry("amount", 5000);
            assertThat(engine.instances(new dev.baton.model.api.InstanceQuery("bigOrder", null, null, null, null, null, 0, 10)).items()).isEmpty();

            HttpResponse<String> unknown = post(base + "/condition", "{" + variables + ",\"processDefinitionId\":\"nope:9\"}");
            assertThat(unknown.statusCode()).isEqualTo(404);
            JsonNode error = new ObjectMapper().readTree(unknown.body());
            assertThat(error.get("type").asText()).isEqualTo("InvalidRequestException");
            assertThat(error.get("message").asText()).contains("nope:9");

            HttpResponse<String> noCondition = post(base + "/condition", "{" + variables + ",\"processDefinitionId\":\"creditCheck:1\"}");
            assertThat(noCondition.statusCode()).isEqualTo(400);
            assertThat(new ObjectMapper().readTree(noCondition.body()).get("message").asText())
                    .contains("creditCheck:1").contains("no conditional start event");

            HttpResponse<String> tenant = post(base + "/condition", "{" + variables + ",\"tenantId\":\"t1\"}");
            assertThat(tenant.statusCode()).isEqualTo(400);
            assertThat(new ObjectMapper().readTree(tenant.body()).get("message").asText()).contains("tenantId");
            assertThat(engine.instances(dev.baton.model.api.InstanceQuery.all()).items()).hasSize(1);
        }
    }
}
