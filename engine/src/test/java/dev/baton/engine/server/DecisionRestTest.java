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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** BPMN and DMN files deployed together over HTTP (Baton's API and Camunda 7's deployment/create), then run. */
class DecisionRestTest {
    @TempDir Path dir;
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String url, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(body == null ? "GET" : "POST", body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String file(String name) {
        return new String(Engines.bpmn(name).content(), StandardCharsets.UTF_8);
    }

    private static String multipart(String boundary, String field, String... nameThenContent) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field).append("\"; filename=\"")
                    .append(nameThenContent[i]).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(nameThenContent[i + 1])
                    .append("\r\n");
        }
        return b.append("--").append(boundary).append("--\r\n").toString();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void bpmnAndDmnDeployTogetherOverHttpAndTheBusinessRuleTasksUseTheDecisions(Db db) throws Exception {
        try (BatonEngine engine = Engines.open(db, dir); EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null)) {
            String base = "http://127.0.0.1:" + server.port();
            String broken = file("loan-decisions.dmn").replace("</decisionTable>", "</decisionTabel>");
            HttpResponse<String> rejected = send(base + "/api/deployments", "multipart/form-data; boundary=b1",
                    multipart("b1", "file", "loan.bpmn", file("loan-camunda7.bpmn"), "loan.dmn", broken));
            assertThat(rejected.statusCode()).isEqualTo(422);
            JsonNode problem = JSON.readTree(rejected.body()).get("problems").get(0);
            assertThat(problem.get("file").asText()).isEqualTo("loan.dmn");
            assertThat(problem.get("message").asText()).contains("decisionTable").contains("must be terminated");
            int line = broken.substring(0, broken.indexOf("</decisionTabel>")).split("\n").length;
            assertThat(problem.get("line").asInt()).isEqualTo(line);
            assertThat(JSON.readTree(send(base + "/api/definitions", null, null).body()).size()).isZero();

            HttpResponse<String> deployed = send(base + "/api/deployments", "multipart/form-data; boundary=b2",
                    multipart("b2", "file", "loan.bpmn", file("loan-camunda7.bpmn"), "loan.dmn", file("loan-decisions.dmn")));
            assertThat(deployed.statusCode()).isEqualTo(201);
            JsonNode d = JSON.readTree(deployed.body());
            assertThat(d.get("definitions").findValues("processId").stream().map(JsonNode::asText)).containsExactly("loanC7");
            assertThat(d.get("decisions").findValues("id").stream().map(JsonNode::asText))
                    .containsExactlyInAnyOrder("loanApproval:1", "riskClass:1", "loanChecks:1");
            assertThat(d.get("decisions").get(0).get("sourceName").asText()).isEqualTo("loan.dmn");

            String id = JSON.readTree(send(base + "/api/processes/loanC7/instances", "application/json",
                    "{\"variables\":{\"amount\":60000,\"creditScore\":720}}").body()).get("id").asText();
            Engines.await(Duration.ofSeconds(20), "the instance reaches Review", () -> tokens(engine, id).equals(List.of("Review")));
            JsonNode vars = JSON.readTree(send(base + "/api/instances/" + id, null, null).body()).get("variables");
            assertThat(vars.at("/approval/decision").asText()).isEqualTo("reject");
            assertThat(vars.get("risk").asText()).isEqualTo("A");
            assertThat(vars.get("checks").toString()).isEqualTo("[\"identity\",\"manager review\"]");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void camunda7DeploymentCreateAcceptsDmnAndListsTheDecisionDefinitions(Db db) throws Exception {
        try (BatonEngine engine = Engines.open(db, dir); EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null)) {
            String base = "http://127.0.0.1:" + server.port() + "/engine-rest";
            HttpResponse<String> deployed = send(base + "/deployment/create", "multipart/form-data; boundary=b3",
                    multipart("b3", "data", "loan-camunda8.bpmn", file("loan-camunda8.bpmn"), "loan-decisions.dmn", file("loan-decisions.dmn")));
            assertThat(deployed.statusCode()).isEqualTo(200);
            JsonNode d = JSON.readTree(deployed.body());
            List<String> keys = new ArrayList<>();
            d.get("deployedDecisionDefinitions").forEach(n -> keys.add(n.get("key").asText() + ":" + n.get("version").asInt()));
            assertThat(keys).containsExactlyInAnyOrder("loanApproval:1", "riskClass:1", "loanChecks:1");
            assertThat(d.get("deployedProcessDefinitions").elements().next().get("key").asText()).isEqualTo("loanC8");
        }
    }

    private static List<String> tokens(BatonEngine engine, String id) {
        return engine.instance(id).tokens().stream().map(t -> t.elementId()).toList();
    }
}
