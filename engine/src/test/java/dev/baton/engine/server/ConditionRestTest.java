package dev.baton.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.Engines;
import dev.baton.engine.Engines.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

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
}
