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

import static org.assertj.core.api.Assertions.assertThat;

/** A Camunda 7 file with Java delegates is refused at deployment with what to use instead. */
class JavaDelegateDeploymentTest {
    @TempDir Path dir;

    @Test
    void camundaClassAndDelegateExpressionTasksAreRefusedWith422SayingWhatToUseInstead() throws Exception {
        try (BatonEngine engine = Engines.open(Db.H2, dir); EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/deployments?name=java-delegates.bpmn"))
                    .header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Engines.bpmn("java-delegates.bpmn").content())).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(422);
            JsonNode problems = new ObjectMapper().readTree(r.body()).get("problems");
            assertThat(problems).anySatisfy(p -> {
                assertThat(p.get("elementId").asText()).isEqualTo("ByClass");
                assertThat(p.get("message").asText()).contains("com.acme.ReserveDelegate").contains("Instead use");
            });
            assertThat(problems).anySatisfy(p -> {
                assertThat(p.get("elementId").asText()).isEqualTo("ByBean");
                assertThat(p.get("message").asText()).contains("chargeDelegate").contains("Instead use");
            });
            assertThat(engine.definitions()).isEmpty();
        }
    }
}
