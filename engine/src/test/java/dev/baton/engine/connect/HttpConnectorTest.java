package dev.baton.engine.connect;

import com.sun.net.httpserver.HttpServer;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.Engines;
import dev.baton.engine.Engines.Db;
import dev.baton.model.api.IncidentView;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.StartInstanceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP calls: form bodies, W3C traceparent, status codes that raise BPMN errors, Retry-After honoured. */
class HttpConnectorTest {
    record Seen(String path, String body, String contentType, String traceparent, long at, String order) {}

    @TempDir Path dir;
    HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger busy = new AtomicInteger();
    String url;

    @BeforeEach
    void service() throws Exception {
        // TCP_NODELAY: else each answer waits ~40 ms for the client's delayed ACK (the JDK reads it once, at its first server)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getPath();
            seen.add(new Seen(path, body, ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestHeaders().getFirst("traceparent"),
                    System.currentTimeMillis(), ex.getRequestHeaders().getFirst("X-Order")));
            int status = 200;
            if (path.equals("/missing")) status = 404;
            if (path.equals("/busy") && busy.getAndIncrement() == 0) {
                status = 503;
                ex.getResponseHeaders().add("Retry-After", "1");
            }
            byte[] out = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aFormBodyIsUrlEncodedEveryCallCarriesATraceparentAndAConfiguredStatusRaisesItsBpmnError() {
        try (BatonEngine engine = Engines.open(Db.H2, dir)) {
            engine.deploy(Engines.files("http-more.bpmn"));
            String id = engine.startInstance("httpForm", new StartInstanceRequest(Map.of("serviceUrl", url,
                    "form", Map.of("name", "Ada L", "tags", List.of("a&b", "c"))), null, null)).instance().id();

            Engines.await(Duration.ofSeconds(20), "an incident at Lookup", () -> engine.incidents(id, true).size() == 1);
            Seen register = seen.stream().filter(s -> s.path().equals("/register")).findFirst().orElseThrow();
            assertThat(register.contentType()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(register.body()).isIn("name=Ada+L&tags=a%26b&tags=c", "tags=a%26b&tags=c&name=Ada+L");
            assertThat(register.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            Seen lookup = seen.stream().filter(s -> s.path().equals("/missing")).findFirst().orElseThrow();
            assertThat(lookup.traceparent().substring(3, 35)).as("one trace per instance").isEqualTo(register.traceparent().substring(3, 35));

            IncidentView incident = engine.incidents(id, true).get(0);
            // nothing in http-more.bpmn catches CUSTOMER_UNKNOWN, so the raised BPMN error holds the token as an incident
            assertThat(incident.kind()).isEqualTo("UNCAUGHT_ERROR");
            assertThat(incident.message()).contains("404").contains("CUSTOMER_UNKNOWN");
            assertThat(seen.stream().filter(s -> s.path().equals("/missing")).count()).as("a BPMN error burns no retries").isEqualTo(1);
        }
    }

    @Test
    void aFlowableHttpTaskRunsWithItsFieldsSavedResponseParametersAndHandledStatusCodes() {
        try (BatonEngine engine = Engines.open(Db.H2, dir)) {
            engine.deploy(Engines.files("flowable-http.bpmn"));
            String found = engine.startInstance("flowableHttp", new StartInstanceRequest(Map.of("serviceUrl", url, "path", "orders",
                    "orderId", "A-7"), null, null)).instance().id();
            String missing = engine.startInstance("flowableHttp", new StartInstanceRequest(Map.of("serviceUrl", url, "path", "missing",
                    "orderId", "B-8"), null, null)).instance().id();
            Engines.await(Duration.ofSeconds(20), "both instances ended", () -> engine.instance(found).state() == InstanceState.COMPLETED
                    && engine.instance(missing).state() == InstanceState.COMPLETED);

            Seen call = seen.stream().filter(s -> s.path().equals("/orders")).findFirst().orElseThrow();
            assertThat(call.body()).isEqualTo("{\"orderId\":\"A-7\"}");
            assertThat(call.contentType()).isEqualTo("application/json");
            assertThat(call.order()).isEqualTo("A-7");
            assertThat(engine.variables(found)).containsEntry("order", Map.of("ok", true)).containsEntry("getOrderResponseStatusCode", 200)
                    .containsKey("getOrderResponseHeaders");
            assertThat(engine.history(found)).anyMatch(e -> e.type().equals("ELEMENT_LEFT") && "found".equals(e.elementId()));
            assertThat(engine.history(missing)).as("404 threw HTTP404 to the boundary event")
                    .anyMatch(e -> e.type().equals("ELEMENT_LEFT") && "notFoundEnd".equals(e.elementId()))
                    .noneMatch(e -> "found".equals(e.elementId()));
        }
    }

    @Test
    void retryAfterIsHonoured() {
        try (BatonEngine engine = Engines.open(Db.H2, dir)) {
            engine.deploy(Engines.files("http-more.bpmn"));
            String id = engine.startInstance("httpBusy", new StartInstanceRequest(Map.of("serviceUrl", url), null, null)).instance().id();
            Engines.await(Duration.ofSeconds(20), "the instance completed", () -> engine.instance(id).state() == InstanceState.COMPLETED);
            List<Seen> calls = seen.stream().filter(s -> s.path().equals("/busy")).toList();
            assertThat(calls).hasSize(2);
            assertThat(calls.get(1).at() - calls.get(0).at()).as("the retry waited for Retry-After: 1 (the policy says 50 ms)")
                    .isGreaterThanOrEqualTo(950);
        }
    }
}
