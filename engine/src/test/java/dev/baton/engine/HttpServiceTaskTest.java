package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.IncidentView;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.InstanceView;
import dev.baton.model.api.StartInstanceRequest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** http-order.bpmn: two service tasks calling a real HTTP service on loopback, with Baton's http settings. */
class HttpServiceTaskTest {
    @TempDir Path dir;

    private static InstanceView awaitState(BatonEngine engine, String id, InstanceState state) {
        Engines.await(Duration.ofSeconds(20), "instance " + id + " is " + state, () -> engine.instance(id).state() == state);
        return engine.instance(id);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void callsTheServiceWithHeadersAndBodyAndMapsTheResponse(Db db) throws Exception {
        try (TestService service = new TestService(); BatonEngine engine = Engines.open(db, dir)) {
            service.answer(r -> r.path().startsWith("/reserve")
                    ? TestService.Answer.json(201, "{\"reservation\":{\"id\":\"R-9\"}}")
                    : TestService.Answer.json(200, "{\"charged\":true}"));
            engine.deploy(Engines.files("http-order.bpmn"));
            String id = engine.startInstance("httpOrder",
                    new StartInstanceRequest(Map.of("serviceUrl", service.url(), "orderId", "o-1", "sku", "apple"), null, null)).instance().id();

            InstanceView done = awaitState(engine, id, InstanceState.COMPLETED);
            assertThat(done.variables()).containsEntry("reservationId", "R-9").containsEntry("reserveStatus", 201)
                    .containsEntry("charged", true);
            TestService.Request reserve = service.requestsTo("/reserve/o-1").get(0);
            assertThat(reserve.method()).isEqualTo("POST");
            assertThat(reserve.header("X-Order")).isEqualTo("o-1");
            assertThat(reserve.header("Content-Type")).startsWith("application/json");
            assertThat(reserve.body()).contains("\"sku\":\"apple\"").contains("\"orderId\":\"o-1\"");
            assertThat(reserve.header("Idempotency-Key")).isNotBlank();
            TestService.Request charge = service.requestsTo("/charge/R-9").get(0);
            assertThat(charge.method()).isEqualTo("GET");
            assertThat(charge.header("Idempotency-Key")).isNotEqualTo(reserve.header("Idempotency-Key"));
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aFailingCallIsRetriedWithTheSameIdempotencyKeyUntilItWorks(Db db) throws Exception {
        AtomicInteger reserveCalls = new AtomicInteger();
        try (TestService service = new TestService(); BatonEngine engine = Engines.open(db, dir)) {
            service.answer(r -> r.path().startsWith("/reserve") && reserveCalls.incrementAndGet() < 3
                    ? TestService.Answer.json(503, "{\"error\":\"busy\"}")
                    : TestService.Answer.json(200, "{\"reservation\":{\"id\":\"R-1\"}}"));
            engine.deploy(Engines.files("http-order.bpmn"));
            String id = engine.startInstance("httpOrder",
                    new StartInstanceRequest(Map.of("serviceUrl", service.url(), "orderId", "o-2"), null, null)).instance().id();

            awaitState(engine, id, InstanceState.COMPLETED);
            assertThat(service.requestsTo("/reserve")).hasSize(3);
            Set<String> keys = Set.copyOf(service.requestsTo("/reserve").stream().map(r -> r.header("Idempotency-Key")).toList());
            assertThat(keys).hasSize(1);
            assertThat(engine.history(id)).filteredOn(e -> e.type().equals("JOB_FAILED")).hasSize(2)
                    .allSatisfy(e -> assertThat(String.valueOf(e.payload().get("error"))).contains("503"));
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void whenTriesRunOutAnIncidentHoldsTheTokenAndRetryingItContinues(Db db) throws Exception {
        AtomicInteger healthy = new AtomicInteger(0);
        try (TestService service = new TestService(); BatonEngine engine = Engines.open(db, dir)) {
            service.answer(r -> r.path().startsWith("/charge") && healthy.get() == 0
                    ? TestService.Answer.json(500, "{\"error\":\"card declined\"}")
                    : TestService.Answer.json(200, "{\"reservation\":{\"id\":\"R-5\"}}"));
            engine.deploy(Engines.files("http-order.bpmn"));
            String id = engine.startInstance("httpOrder",
                    new StartInstanceRequest(Map.of("serviceUrl", service.url(), "orderId", "o-3"), null, null)).instance().id();

            Engines.await(Duration.ofSeconds(20), "an incident", () -> !engine.instance(id).incidents().isEmpty());
            InstanceView stuck = engine.instance(id);
            IncidentView incident = stuck.incidents().get(0);
            assertThat(incident.elementId()).isEqualTo("Charge");
            assertThat(incident.message()).contains("/charge/R-5").contains("500").contains("card declined").contains("2 tries");
            assertThat(stuck.tokens()).singleElement().satisfies(t -> {
                assertThat(t.elementId()).isEqualTo("Charge");
                assertThat(t.state()).isEqualTo("INCIDENT");
            });
            assertThat(service.requestsTo("/charge")).hasSize(2);

            healthy.set(1);
            engine.retryIncident(incident.id(), 1);
            awaitState(engine, id, InstanceState.COMPLETED);
            assertThat(service.requestsTo("/charge")).hasSize(3);
            assertThat(Set.copyOf(service.requestsTo("/charge").stream().map(r -> r.header("Idempotency-Key")).toList())).hasSize(1);
            assertThat(engine.incidents(id, true)).isEmpty();
            assertThat(engine.history(id)).extracting(HistoryEvent::type).contains("INCIDENT_OPENED", "INCIDENT_RESOLVED");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aServiceSlowerThanTheTimeoutFails(Db db) throws Exception {
        try (TestService service = new TestService(); BatonEngine engine = Engines.open(db, dir)) {
            service.answer(r -> new TestService.Answer(200, "{}", 4000));
            engine.deploy(Engines.files("http-order.bpmn"));
            String id = engine.startInstance("httpOrder",
                    new StartInstanceRequest(Map.of("serviceUrl", service.url(), "orderId", "o-4"), null, null)).instance().id();

            Engines.await(Duration.ofSeconds(30), "a timeout failure", () -> engine.history(id).stream()
                    .anyMatch(e -> e.type().equals("JOB_FAILED")));
            assertThat(engine.history(id)).filteredOn(e -> e.type().equals("JOB_FAILED")).first()
                    .satisfies(e -> assertThat(String.valueOf(e.payload().get("error"))).containsIgnoringCase("timed out"));
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aCamundaStyleRetryCycleGivesTheNumberOfTriesAndTheirSpacing(Db db) throws Exception {
        try (TestService service = new TestService(); BatonEngine engine = Engines.open(db, dir)) {
            service.answer(r -> r.path().startsWith("/charge") ? TestService.Answer.json(502, "{}")
                    : TestService.Answer.json(200, "{\"reservation\":{\"id\":\"R-6\"}}"));
            String xml = new String(Engines.bpmn("http-order.bpmn").content(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("<baton:retry maxAttempts=\"2\" backoff=\"PT0.1S\"/>", "<baton:retry cycle=\"R4/PT0.2S\"/>");
            engine.deploy(java.util.List.of(BpmnFile.of("http-order.bpmn", xml)));
            String id = engine.startInstance("httpOrder",
                    new StartInstanceRequest(Map.of("serviceUrl", service.url(), "orderId", "o-6"), null, null)).instance().id();

            Engines.await(Duration.ofSeconds(20), "an incident", () -> !engine.instance(id).incidents().isEmpty());
            assertThat(service.requestsTo("/charge")).hasSize(4);
            assertThat(engine.instance(id).incidents().get(0).message()).contains("4 tries");
            assertThat(engine.history(id)).filteredOn(e -> e.type().equals("JOB_FAILED") && e.payload().containsKey("retryInMs"))
                    .hasSize(3).allSatisfy(e -> assertThat(((Number) e.payload().get("retryInMs")).longValue()).isEqualTo(200L));
        }
    }
}
