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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API the designer's live monitor uses beyond the basics: moving tokens (instance modification), setting one
 * variable, average durations in the statistics, business key prefixes and paging, and call activity families.
 */
class LiveApiTest {
    @TempDir Path dir;
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    String base;

    record Reply(int status, String contentType, JsonNode json) {}

    Reply call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.body().isEmpty() ? null : JSON.readTree(r.body()));
    }

    private static List<String> tokens(JsonNode instance) {
        List<String> out = new ArrayList<>();
        instance.get("tokens").forEach(t -> out.add(t.get("elementId").asText()));
        return out;
    }

    private List<String> history(String id) throws Exception {
        List<String> out = new ArrayList<>();
        call("GET", "/api/instances/" + id + "/history", null).json()
                .forEach(e -> out.add(e.get("type").asText() + (e.hasNonNull("elementId") ? " " + e.get("elementId").asText() : "")));
        return out;
    }

    @Test
    void aTokenMovesFromOneElementToAnotherAndBadModificationsNameTheElement() throws Exception {
        try (BatonEngine engine = Engines.open(Db.H2, dir); EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null)) {
            base = "http://127.0.0.1:" + server.port();
            engine.deploy(Engines.files("modification.bpmn"));
            String id = call("POST", "/api/processes/twoSteps/instances", "{}").json().get("id").asText();
            assertThat(tokens(call("GET", "/api/instances/" + id, null).json())).containsExactly("Pack");

            Reply moved = call("POST", "/api/instances/" + id + "/modifications", "{\"cancel\":[\"Pack\"],\"startBefore\":[\"Ship\"]}");
            assertThat(moved.status()).isEqualTo(200);
            assertThat(tokens(moved.json())).containsExactly("Ship");
            // the task and the boundary timer at Pack went with its token; Ship has its task now
            JsonNode tasks = call("GET", "/api/tasks?instanceId=" + id, null).json();
            assertThat(tasks).hasSize(1);
            assertThat(tasks.get(0).get("elementId").asText()).isEqualTo("Ship");
            assertThat(engine.health().jobsDue()).isZero();
            List<String> h = history(id);
            assertThat(h).containsSubsequence("ELEMENT_ENTERED Pack", "INSTANCE_MODIFIED", "ELEMENT_CANCELED Pack", "ELEMENT_ENTERED Ship");
            assertThat(h).doesNotContain("ELEMENT_LEFT Pack");

            // refused as a whole, naming the element
            Reply unknown = call("POST", "/api/instances/" + id + "/modifications", "{\"cancel\":[\"Ship\"],\"startBefore\":[\"Nowhere\"]}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            assertThat(unknown.json().get("detail").asText()).contains("'Nowhere'").contains("twoSteps");
            Reply noToken = call("POST", "/api/instances/" + id + "/modifications", "{\"cancel\":[\"Pack\"],\"startBefore\":[\"Ship\"]}");
            assertThat(noToken.status()).isEqualTo(400);
            assertThat(noToken.json().get("detail").asText()).contains("'Pack' (Pack) has no token to cancel").contains("[Ship]");
            Reply boundary = call("POST", "/api/instances/" + id + "/modifications", "{\"startBefore\":[\"PackLate\"]}");
            assertThat(boundary.status()).isEqualTo(400);
            assertThat(boundary.json().get("detail").asText()).contains("PackLate").contains("boundary event");
            Reply inside = call("POST", "/api/instances/" + id + "/modifications", "{\"cancel\":[\"Ship\"],\"startBefore\":[\"Invoice\"]}");
            assertThat(inside.status()).isEqualTo(400);
            assertThat(inside.json().get("detail").asText()).contains("'Invoice' (Invoice)").contains("'Wrap up' (Wrap)");
            Reply empty = call("POST", "/api/instances/" + id + "/modifications", "{}");
            assertThat(empty.status()).isEqualTo(400);
            assertThat(tokens(call("GET", "/api/instances/" + id, null).json())).containsExactly("Ship");

            // into the subprocess once it runs: the new token belongs to the subprocess's token
            Reply toWrap = call("POST", "/api/instances/" + id + "/modifications", "{\"cancel\":[\"Ship\"],\"startBefore\":[\"Wrap\"]}");
            assertThat(tokens(toWrap.json())).containsExactlyInAnyOrder("Wrap", "Invoice");
            Reply again = call("POST", "/api/instances/" + id + "/modifications", "{\"cancel\":[\"Invoice\"],\"startBefore\":[\"Invoice\"]}");
            assertThat(again.status()).isEqualTo(200);
            assertThat(tokens(again.json())).containsExactlyInAnyOrder("Wrap", "Invoice");
            String task = call("GET", "/api/tasks?instanceId=" + id, null).json().get(0).get("id").asText();
            assertThat(call("POST", "/api/tasks/" + task + "/complete", "{}").status()).isEqualTo(204);
            Engines.await(Duration.ofSeconds(10), "the instance completes", () -> engine.instance(id).state().name().equals("COMPLETED"));

            // cancelling the last token without starting another cancels the instance
            String other = call("POST", "/api/processes/twoSteps/instances", "{}").json().get("id").asText();
            Reply ended = call("POST", "/api/instances/" + other + "/modifications", "{\"cancel\":[\"Pack\"]}");
            assertThat(ended.json().get("state").asText()).isEqualTo("CANCELED");
            Reply onEnded = call("POST", "/api/instances/" + other + "/modifications", "{\"startBefore\":[\"Ship\"]}");
            assertThat(onEnded.status()).isEqualTo(409);
        }
    }

    @Test
    void oneVariableIsSetFromAnyJsonValueAndTheChangeIsInTheHistory() throws Exception {
        try (BatonEngine engine = Engines.open(Db.H2, dir); EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null)) {
            base = "http://127.0.0.1:" + server.port();
            engine.deploy(Engines.files("modification.bpmn"));
            String id = call("POST", "/api/processes/twoSteps/instances", "{\"variables\":{\"amount\":10}}").json().get("id").asText();

            Reply set = call("PUT", "/api/instances/" + id + "/variables/address", "{\"city\":\"Lyon\",\"lines\":[\"1 rue X\"]}");
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.json().get("address").get("city").asText()).isEqualTo("Lyon");
            assertThat(set.json().get("amount").asInt()).isEqualTo(10);
            assertThat(call("PUT", "/api/instances/" + id + "/variables/amount", "12.5").json().get("amount").asDouble()).isEqualTo(12.5);
            Reply nulled = call("PUT", "/api/instances/" + id + "/variables/note", "null");
            assertThat(nulled.status()).isEqualTo(400);
            assertThat(nulled.json().get("detail").asText()).contains("variable note is null");
            assertThat(call("PUT", "/api/instances/" + id + "/variables/note", "\"rush\"").json().get("note").asText()).isEqualTo("rush");

            Reply bad = call("PUT", "/api/instances/" + id + "/variables/amount", "{oops");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("detail").asText()).contains("variable amount is not JSON");
            assertThat(call("GET", "/api/instances/" + id + "/variables", null).json().get("amount").asDouble()).isEqualTo(12.5);

            JsonNode events = call("GET", "/api/instances/" + id + "/history", null).json();
            List<JsonNode> changes = new ArrayList<>();
            events.forEach(e -> { if (e.get("type").asText().equals("VARIABLES_CHANGED")) changes.add(e.get("payload").get("variables")); });
            assertThat(changes).hasSize(4); // the start's, then the three accepted PUTs
            assertThat(changes.get(1).get("address").get("city").asText()).isEqualTo("Lyon");
            assertThat(changes.get(2).get("amount").asDouble()).isEqualTo(12.5);

            call("DELETE", "/api/instances/" + id, null);
            assertThat(call("PUT", "/api/instances/" + id + "/variables/amount", "1").status()).isEqualTo(409);
        }
    }

    @Test
    void statisticsGiveTheAverageTimeSpentAndTheInstanceListFiltersByKeyPrefixAndPages() throws Exception {
        try (BatonEngine engine = Engines.open(Db.H2, dir); EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null)) {
            base = "http://127.0.0.1:" + server.port();
            String definition = engine.deploy(Engines.files("modification.bpmn")).definitions().get(0).id();
            List<String> ids = new ArrayList<>();
            for (String key : List.of("trip-1", "trip-2", "trip-3", "order_1")) {
                ids.add(call("POST", "/api/processes/twoSteps/instances", "{\"businessKey\":\"" + key + "\"}").json().get("id").asText());
            }
            Thread.sleep(120);
            for (String id : ids.subList(0, 2)) {
                String task = call("GET", "/api/tasks?instanceId=" + id, null).json().get(0).get("id").asText();
                call("POST", "/api/tasks/" + task + "/complete", "{}");
            }
            JsonNode stats = call("GET", "/api/definitions/" + definition + "/statistics", null).json();
            JsonNode pack = null, ship = null;
            for (JsonNode s : stats) {
                if (s.get("elementId").asText().equals("Pack")) pack = s;
                if (s.get("elementId").asText().equals("Ship")) ship = s;
            }
            assertThat(pack.get("completed").asInt()).isEqualTo(2);
            assertThat(pack.get("active").asInt()).isEqualTo(2);
            assertThat(pack.get("averageDurationMs").asLong()).isBetween(120L, 60_000L);
            assertThat(ship.get("completed").asInt()).isZero();
            assertThat(ship.get("averageDurationMs").isNull()).isTrue();

            JsonNode trips = call("GET", "/api/instances?definitionId=" + definition + "&businessKey=trip-*&limit=2&offset=0", null).json();
            assertThat(trips.get("total").asInt()).isEqualTo(3);
            assertThat(trips.get("items")).hasSize(2);
            JsonNode rest = call("GET", "/api/instances?definitionId=" + definition + "&businessKey=trip-*&limit=2&offset=2", null).json();
            assertThat(rest.get("items")).hasSize(1);
            // _ is a literal character in a prefix, not a wildcard
            assertThat(call("GET", "/api/instances?businessKey=order_*", null).json().get("total").asInt()).isEqualTo(1);
            assertThat(call("GET", "/api/instances?businessKey=order*", null).json().get("total").asInt()).isEqualTo(1);
            assertThat(call("GET", "/api/instances?businessKey=orderX*", null).json().get("total").asInt()).isZero();
            assertThat(call("GET", "/api/instances?businessKey=trip-&state=ACTIVE", null).json().get("total").asInt()).isZero();
            assertThat(call("GET", "/api/instances?businessKey=trip-*&state=ACTIVE", null).json().get("total").asInt()).isEqualTo(3);
        }
    }

    @Test
    void anInstanceKnowsItsCallerAndWhichCallActivityStartedEachChild() throws Exception {
        try (BatonEngine engine = Engines.open(Db.H2, dir); EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null)) {
            base = "http://127.0.0.1:" + server.port();
            engine.deploy(Engines.files("call-parent.bpmn", "call-child.bpmn"));
            String parent = call("POST", "/api/processes/orderWithCall/instances", "{\"variables\":{\"amount\":10}}").json().get("id").asText();
            Engines.await(Duration.ofSeconds(10), "the child starts", () -> !engine.family(parent).childInstanceIds().isEmpty());
            JsonNode family = call("GET", "/api/instances/" + parent + "/family", null).json();
            String child = family.get("childInstanceIds").get(0).asText();
            assertThat(family.get("parentInstanceId").isNull()).isTrue();
            assertThat(family.get("calledBy").get(child).asText()).isEqualTo("CheckCredit");
            JsonNode up = call("GET", "/api/instances/" + child + "/family", null).json();
            assertThat(up.get("parentInstanceId").asText()).isEqualTo(parent);
            assertThat(up.get("childInstanceIds")).isEmpty();
            assertThat(call("GET", "/api/instances/" + child, null).json().get("processId").asText()).isEqualTo("creditCheck");
        }
    }
}
