package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.MessageRequest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static dev.baton.engine.Flows.entered;
import static dev.baton.engine.Flows.start;
import static org.assertj.core.api.Assertions.assertThat;

/** Files written for Camunda 7 and Camunda 8 run through their dialect: the HTTP connector, zeebe subscriptions, FEEL. */
class VendorFileTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void aCamunda7HttpConnectorCallsTheServiceAndItsResponseDecidesTheWay(Db db) throws Exception {
        try (TestService service = new TestService(); BatonEngine engine = Engines.open(db, dir)) {
            service.answer(r -> TestService.Answer.json(200, "{\"accepted\":true,\"ref\":\"X1\"}"));
            engine.deploy(Engines.files("camunda7-http-connector.bpmn"));
            String id = start(engine, "camunda7Order", Map.of("serviceUrl", service.url(), "orderId", "c7-1", "amount", 30));

            Flows.awaitState(engine, id, InstanceState.COMPLETED);
            TestService.Request call = service.requestsTo("/orders/c7-1").get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.body()).isEqualTo("{\"order\":\"c7-1\",\"amount\":30}");
            assertThat(call.header("Content-Type")).isEqualTo("application/json");
            assertThat(engine.instance(id).variables()).containsEntry("code", 200)
                    .containsEntry("answer", Map.of("accepted", true, "ref", "X1"));
            assertThat(entered(engine, id)).endsWith("Done");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aCamunda7FailedJobRetryTimeCycleDecidesHowOftenAFailingCallIsTriedBeforeAnIncident(Db db) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean healthy = new java.util.concurrent.atomic.AtomicBoolean(false);
        try (TestService service = new TestService(); BatonEngine engine = Engines.open(db, dir)) {
            service.answer(r -> healthy.get()
                    ? TestService.Answer.json(200, "{\"accepted\":true}")
                    : TestService.Answer.json(503, "{\"error\":\"down for maintenance\"}"));
            engine.deploy(Engines.files("camunda7-retry-cycle.bpmn"));
            String id = start(engine, "camunda7Retry", Map.of("serviceUrl", service.url(), "orderId", "c7-9", "amount", 5));

            // R3/PT1S: three tries in all, a second apart, then an incident holds the token
            Engines.await(java.time.Duration.ofSeconds(30), "an incident", () -> !engine.instance(id).incidents().isEmpty());
            assertThat(service.requestsTo("/orders/c7-9")).hasSize(3);
            assertThat(engine.instance(id).incidents().get(0).message()).contains("503").contains("3 tries");
            assertThat(java.util.Set.copyOf(service.requestsTo("/orders/c7-9").stream()
                    .map(r -> r.header("Idempotency-Key")).toList())).hasSize(1);

            healthy.set(true);
            engine.retryIncident(engine.instance(id).incidents().get(0).id(), 1);
            Flows.awaitState(engine, id, InstanceState.COMPLETED);
            assertThat(service.requestsTo("/orders/c7-9")).hasSize(4);
            assertThat(entered(engine, id)).endsWith("Done");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aCamunda8MessageIsCorrelatedByItsFeelKeyAndAFeelConditionPicksTheWay(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("camunda8-message.bpmn"));
            String light = start(engine, "camunda8Parcel", Map.of("parcel", Map.of("id", "P-1")));
            String heavy = start(engine, "camunda8Parcel", Map.of("parcel", Map.of("id", "P-2")));

            engine.correlate(new MessageRequest("parcel-shipped", "P-2", null, Map.of("weight", 45)));
            engine.correlate(new MessageRequest("parcel-shipped", "P-1", null, Map.of("weight", 3)));

            assertThat(entered(engine, heavy)).endsWith("Truck");
            assertThat(entered(engine, light)).endsWith("Bike");
        }
    }
}
