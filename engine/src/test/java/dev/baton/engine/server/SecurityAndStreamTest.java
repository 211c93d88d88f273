package dev.baton.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.Engines;
import dev.baton.engine.Engines.Db;
import dev.baton.model.api.StartInstanceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API token rule, and the live event stream over SSE and WebSocket, with catch-up after a reconnect. */
class SecurityAndStreamTest {
    @TempDir Path dir;
    final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEngineOnANonLoopbackAddressNeedsATokenAndThenEveryRequestMustSendIt() throws Exception {
        try (BatonEngine engine = Engines.open(Db.H2, dir)) {
            assertThatThrownBy(() -> EngineServer.start(engine, "0.0.0.0", 0, null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("API token");
            try (EngineServer server = EngineServer.start(engine, "0.0.0.0", 0, "s3cret")) {
                URI health = URI.create("http://127.0.0.1:" + server.port() + "/api/definitions");
                HttpResponse<String> denied = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(denied.statusCode()).isEqualTo(401);
                assertThat(denied.body()).contains("Authorization: Bearer");
                HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(health).header("Authorization", "Bearer nope").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(wrong.statusCode()).isEqualTo(401);
                HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(health).header("Authorization", "Bearer s3cret").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(allowed.statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void sseSendsCommittedEventsOfOneInstanceAndAReconnectCatchesUpWithoutRepeats() throws Exception {
        try (BatonEngine engine = Engines.open(Db.H2, dir); EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null)) {
            engine.deploy(Engines.files("order-approval.bpmn"));
            String other = engine.startInstance("orderApproval", new StartInstanceRequest(Map.of(), null, null)).instance().id();
            String id = engine.startInstance("orderApproval", new StartInstanceRequest(Map.of("amount", 1), null, null)).instance().id();
            String base = "http://127.0.0.1:" + server.port() + "/api/events?instanceId=" + id;

            List<JsonNode> first = Collections.synchronizedList(new ArrayList<>());
            var firstStream = http.sendAsync(HttpRequest.newBuilder(URI.create(base)).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            Thread reader = read(firstStream.get().body(), first);
            assertThat(firstStream.get().headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            Engines.await(Duration.ofSeconds(10), "the backlog arrived", () -> first.size() >= 4);
            assertThat(first).allSatisfy(e -> assertThat(e.get("instanceId").asText()).isEqualTo(id));

            String task = engine.tasks(null, null, null, id).get(0).id();
            engine.completeTask(task, Map.of("approved", true));
            int total = engine.history(id).size();
            Engines.await(Duration.ofSeconds(10), "live events arrived", () -> first.size() == total);
            reader.interrupt();

            // a client that saw only the first three events reconnects and gets the rest, once each
            long seen = first.get(2).get("id").asLong();
            List<JsonNode> second = Collections.synchronizedList(new ArrayList<>());
            var secondStream = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "&after=" + seen))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            read(secondStream.get().body(), second);
            Engines.await(Duration.ofSeconds(10), "the missed events arrived", () -> second.size() == total - 3);
            assertThat(second.stream().map(e -> e.get("seq").asLong()).toList()).doesNotHaveDuplicates().isSorted();
            assertThat(second.get(0).get("id").asLong()).isGreaterThan(seen);
            assertThat(other).isNotEqualTo(id);
        }
    }

    @Test
    void aWebSocketClientReceivesTheEventsOfADefinition() throws Exception {
        try (BatonEngine engine = Engines.open(Db.H2, dir); EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null)) {
            String definitionId = engine.deploy(Engines.files("order-approval.bpmn")).definitions().get(0).id();
            List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
            WebSocket ws = http.newWebSocketBuilder().buildAsync(
                    URI.create("ws://127.0.0.1:" + server.port() + "/api/events?definitionId=" + definitionId), new WebSocket.Listener() {
                        final StringBuilder text = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                try {
                                    received.add(JSON.readTree(text.toString()));
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                                text.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }
                    }).get();
            String id = engine.startInstance("orderApproval", new StartInstanceRequest(Map.of(), null, null)).instance().id();

            Engines.await(Duration.ofSeconds(10), "the instance's first events", () -> received.stream()
                    .anyMatch(e -> e.get("type").asText().equals("ELEMENT_ENTERED") && e.get("elementId").asText().equals("Approve")));
            assertThat(received).allSatisfy(e -> assertThat(e.get("definitionId").asText()).isEqualTo(definitionId));
            assertThat(received.get(0).get("instanceId").asText()).isEqualTo(id);
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get();
        }
    }

    private static Thread read(Stream<String> lines, List<JsonNode> into) {
        Thread t = new Thread(() -> lines.forEach(line -> {
            if (line.startsWith("data:")) {
                try {
                    into.add(JSON.readTree(line.substring(5).strip()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }));
        t.setDaemon(true);
        t.start();
        return t;
    }
}
