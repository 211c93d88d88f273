package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.InstanceQuery;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.MessageRequest;
import dev.baton.model.api.MessageResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.baton.engine.Flows.awaitState;
import static dev.baton.engine.Flows.awaitTokensAt;
import static dev.baton.engine.Flows.complete;
import static dev.baton.engine.Flows.entered;
import static dev.baton.engine.Flows.start;
import static dev.baton.engine.Flows.tokenElements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Message and timer events: catch events, boundary events, the event-based gateway, start events, send and receive. */
class EventTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void anEventBasedGatewayTakesTheMessageWhenItComesFirst(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("event-gateway.bpmn"));
            String id = start(engine, "eventGateway", Map.of("orderId", "A-1", "patience", "PT30S"));
            assertThat(engine.instance(id).tokens()).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo("WAITING"));

            assertThatThrownBy(() -> engine.correlate(new MessageRequest("payment-received", "B-2", null, Map.of())))
                    .isInstanceOf(EngineException.NotFound.class).hasMessageContaining("B-2");
            MessageResult r = engine.correlate(new MessageRequest("payment-received", "A-1", null, Map.of("amount", 12)));

            assertThat(r.instanceId()).isEqualTo(id);
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).endsWith("Paid", "Shipped").doesNotContain("TooLate");
            assertThat(engine.instance(id).variables()).containsEntry("amount", 12);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anEventBasedGatewayTakesTheTimerWhenNoMessageComes(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("event-gateway.bpmn"));
            String id = start(engine, "eventGateway", Map.of("orderId", "A-2", "patience", "PT0.5S"));

            awaitState(engine, id, InstanceState.COMPLETED);
            assertThat(entered(engine, id)).endsWith("TooLate", "Cancelled");
            // the message subscription went with the gateway
            assertThatThrownBy(() -> engine.correlate(new MessageRequest("payment-received", "A-2", null, Map.of())))
                    .isInstanceOf(EngineException.NotFound.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anIntermediateTimerFiresWithinASecondOfItsDueTime(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("timers.bpmn"));
            // R2/PT0.4S: two instances, started by the timer
            Engines.await(Duration.ofSeconds(20), "two completed instances",
                    () -> engine.instances(new InstanceQuery("timerStart", null, InstanceState.COMPLETED, null, null, null, 0, 10)).total() == 2);
            var all = engine.instances(new InstanceQuery("timerStart", null, null, null, null, null, 0, 10)).items();
            assertThat(all).hasSize(2);
            for (var i : all) {
                HistoryEvent left = engine.history(i.id()).stream()
                        .filter(e -> e.type().equals("ELEMENT_LEFT") && "Pause".equals(e.elementId())).findFirst().orElseThrow();
                assertThat(left.durationMs()).isBetween(1000L, 2000L);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void timerStartEventsFireAtADateAndAfterADuration(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            Instant at = Instant.now().plusSeconds(1);
            String xml = new String(Engines.bpmn("timer-date.bpmn").content(), StandardCharsets.UTF_8).replace("{{DATE}}", at.toString());
            engine.deploy(List.of(BpmnFile.of("timer-date.bpmn", xml)));

            Engines.await(Duration.ofSeconds(20), "both timer processes ran", () ->
                    engine.instances(new InstanceQuery("timerDate", null, InstanceState.COMPLETED, null, null, null, 0, 10)).total() == 1
                            && engine.instances(new InstanceQuery("timerDuration", null, InstanceState.COMPLETED, null, null, null, 0, 10)).total() == 1);
            var dated = engine.instances(new InstanceQuery("timerDate", null, null, null, null, null, 0, 10)).items().get(0);
            assertThat(dated.startedAt()).isAfterOrEqualTo(at).isBefore(at.plusSeconds(1));
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anIntermediateMessageCatchEventWaitsForItsMessage(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("catch-message.bpmn"));
            String first = engine.startInstance("catchMessage", new dev.baton.model.api.StartInstanceRequest(Map.of(), "case-1", null)).instance().id();
            String second = engine.startInstance("catchMessage", new dev.baton.model.api.StartInstanceRequest(Map.of(), "case-2", null)).instance().id();

            // without a correlation key on the message, the business key picks the instance
            MessageResult r = engine.correlate(new MessageRequest("documents-arrived", null, "case-2", Map.of("pages", 3)));
            assertThat(r.instanceId()).isEqualTo(second);
            assertThat(engine.instance(second).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(engine.instance(first).state()).isEqualTo(InstanceState.ACTIVE);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void nonInterruptingBoundaryEventsLeaveTheActivityRunning(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("boundary.bpmn"));
            String id = start(engine, "boundary", Map.of("deadline", "PT60S"));

            awaitTokensAt(engine, id, "RemindTask", "Work");
            engine.correlate(new MessageRequest("customer-note", null, null, Map.of("note", "ring twice")));
            assertThat(tokenElements(engine, id)).containsExactly("RemindTask", "Work");
            assertThat(entered(engine, id)).contains("Note", "ReadNote");
            // the non-interrupting message boundary listens again
            engine.correlate(new MessageRequest("customer-note", null, null, Map.of("note", "and knock")));
            assertThat(entered(engine, id).stream().filter("ReadNote"::equals)).hasSize(2);

            complete(engine, id, "Work", Map.of());
            assertThat(tokenElements(engine, id)).containsExactly("RemindTask");
            complete(engine, id, "RemindTask", Map.of());
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anInterruptingMessageBoundaryEventCancelsTheActivity(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("boundary.bpmn"));
            String id = start(engine, "boundary", Map.of("deadline", "PT60S"));

            engine.correlate(new MessageRequest("cancel-order", null, null, Map.of()));

            var instance = engine.instance(id);
            assertThat(entered(engine, id)).contains("Cancel", "CancelledEnd");
            assertThat(engine.history(id)).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("ELEMENT_CANCELED");
                assertThat(e.elementId()).isEqualTo("Work");
            });
            assertThat(engine.tasks(null, null, null, id)).noneMatch(t -> t.elementId().equals("Work"));
            // the reminder timer may have fired before; either way no token is left at Work
            assertThat(instance.tokens()).noneMatch(t -> t.elementId().equals("Work"));
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anInterruptingTimerBoundaryEventEscalates(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("boundary.bpmn"));
            String id = start(engine, "boundary", Map.of("deadline", "PT0.6S"));

            Engines.await(Duration.ofSeconds(20), "the deadline escalated", () -> tokenElements(engine, id).contains("Escalate"));
            assertThat(tokenElements(engine, id)).doesNotContain("Work");
            assertThatThrownBy(() -> engine.correlate(new MessageRequest("cancel-order", null, null, Map.of())))
                    .isInstanceOf(EngineException.NotFound.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aSendTaskStartsAnotherProcessAndAReceiveTaskWaitsForTheAnswer(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("send-receive.bpmn"));
            String shop = start(engine, "shop", Map.of("orderId", "S-7", "item", "tea"));

            Engines.await(Duration.ofSeconds(20), "the warehouse got the order",
                    () -> engine.instances(new InstanceQuery("warehouse", null, null, null, null, null, 0, 10)).total() == 1);
            String warehouse = engine.instances(new InstanceQuery("warehouse", null, null, null, null, null, 0, 10)).items().get(0).id();
            assertThat(engine.instance(warehouse).variables()).containsEntry("item", "tea");
            awaitTokensAt(engine, shop, "AwaitConfirm");

            MessageResult r = engine.correlate(new MessageRequest("order-confirmed", "S-7", null, Map.of("confirmed", true)));
            assertThat(r.instanceId()).isEqualTo(shop);
            assertThat(engine.instance(shop).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(engine.instance(shop).variables()).containsEntry("confirmed", true);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aMessageStartEventStartsAnInstanceWithTheMessagesVariables(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("send-receive.bpmn"));
            MessageResult r = engine.correlate(new MessageRequest("order-placed", null, "B-1", Map.of("item", "cake")));

            assertThat(r.started()).isTrue();
            var instance = engine.instance(r.instanceId());
            assertThat(instance.processId()).isEqualTo("warehouse");
            assertThat(instance.businessKey()).isEqualTo("B-1");
            assertThat(instance.variables()).containsEntry("item", "cake");
            assertThat(tokenElements(engine, r.instanceId())).containsExactly("Pick");
        }
    }
}
