package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.InstanceState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.baton.engine.Flows.complete;
import static dev.baton.engine.Flows.entered;
import static dev.baton.engine.Flows.start;
import static dev.baton.engine.Flows.tokenElements;
import static org.assertj.core.api.Assertions.assertThat;

/** Compensation: the saga's undo runs the handlers of completed activities, last completed first. */
class CompensationTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void aFailedPaymentReleasesTheReservationByCompensationInReverseOrder(Db db) throws Exception {
        try (TestService service = new TestService(); BatonEngine engine = Engines.open(db, dir)) {
            service.answer(r -> r.path().startsWith("/reserve") ? TestService.Answer.json(201, "{\"id\":\"R-1\"}")
                    : r.path().startsWith("/charge") ? TestService.Answer.json(402, "{\"error\":\"card declined\"}")
                    : TestService.Answer.json(200, "{}"));
            engine.deploy(Engines.files("saga.bpmn"));
            String id = start(engine, "orderSaga", Map.of("serviceUrl", service.url(), "orderId", "o-5"));

            Flows.awaitState(engine, id, InstanceState.COMPLETED);
            List<String> path = entered(engine, id);
            // the courier was booked after the stock was reserved, so it is cancelled first; Charge never completed
            assertThat(path).containsSubsequence("Reserve", "Book", "Charge", "PaymentFailed", "UndoAll", "CancelCourier",
                    "Release", "Cancelled").doesNotContain("Refund", "Ship");
            assertThat(service.requests).extracting(TestService.Request::path)
                    .containsExactly("/reserve/o-5", "/charge/o-5", "/release/R-1");
            assertThat(engine.instance(id).variables()).containsEntry("courier", "cancelled");
            assertThat(leftBefore(engine.history(id), "UndoAll", "Cancelled")).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aSuccessfulOrderCompensatesNothing(Db db) throws Exception {
        try (TestService service = new TestService(); BatonEngine engine = Engines.open(db, dir)) {
            service.answer(r -> TestService.Answer.json(200, "{\"id\":\"R-2\"}"));
            engine.deploy(Engines.files("saga.bpmn"));
            String id = start(engine, "orderSaga", Map.of("serviceUrl", service.url(), "orderId", "o-6"));

            Flows.awaitTokensAt(engine, id, "Ship");
            complete(engine, id, "Ship", Map.of());
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).doesNotContain("Release", "CancelCourier", "Refund");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aCompensationEndEventInsideASubprocessUndoesOnlyTheNamedActivity(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("compensate-subprocess.bpmn"));
            String id = start(engine, "compensateInside", Map.of("noRoom", true));

            assertThat(tokenElements(engine, id)).containsExactly("Pay");
            assertThat(entered(engine, id)).containsSubsequence("Flight", "Hotel", "UndoHotelOnly", "CancelHotel")
                    .doesNotContain("CancelFlight");
            assertThat(engine.instance(id).variables()).containsEntry("hotel", "cancelled").containsEntry("flight", "booked");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void compensationAtProcessLevelUndoesWhatCompletedInsideTheSubprocessOnce(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("compensate-subprocess.bpmn"));
            String id = start(engine, "compensateInside", Map.of("noRoom", false));

            complete(engine, id, "Pay", Map.of("paid", false));
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).containsSubsequence("Flight", "Hotel", "Pay", "UndoTrip", "CancelHotel", "CancelFlight");
            assertThat(engine.instance(id).variables()).containsEntry("hotel", "cancelled").containsEntry("flight", "cancelled");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void compensationHandlersCanBeASubprocessAndACallActivity(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("compensation-handlers.bpmn"));
            String id = start(engine, "undoByHandlers", Map.of());

            Flows.awaitState(engine, id, InstanceState.COMPLETED);
            // Charge completed last, so its handler (the call) runs first and its result is there for the subprocess
            assertThat(entered(engine, id)).containsSubsequence("Reserve", "Charge", "UndoAll", "RefundCall", "ReleaseAll", "Release");
            assertThat(engine.family(id).childInstanceIds()).hasSize(1);
            assertThat(engine.instance(id).variables()).containsEntry("payment", "refunded").containsEntry("stock", "released after refunded");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aMultiInstanceTaskIsCompensatedOncePerCompletedInstanceAfterItsBodyEnded(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("multi-instance-local.bpmn"));
            String id = start(engine, "miCompensation", Map.of("hotels", List.of("inn", "lodge", "motel"), "cancelled", 0));

            for (String hotel : List.of("motel", "inn")) {
                engine.completeTask(engine.tasks(null, null, null, id).stream().filter(t -> hotel.equals(t.assignee()))
                        .findFirst().orElseThrow().id(), Map.of());
            }

            // two bookings completed, the third was canceled by the completion condition: two undos, none for the whole
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).filteredOn("Cancel"::equals).hasSize(2);
            assertThat(engine.instance(id).variables()).containsEntry("cancelled", 2);
            // the body left (the last of Book's leavings) before the first undo ran
            List<HistoryEvent> history = engine.history(id);
            long bodyLeft = history.stream().filter(e -> e.type().equals("ELEMENT_LEFT") && e.elementId().equals("Book"))
                    .mapToLong(HistoryEvent::seq).max().orElseThrow();
            long firstUndo = history.stream().filter(e -> e.type().equals("ELEMENT_ENTERED") && e.elementId().equals("Cancel"))
                    .mapToLong(HistoryEvent::seq).min().orElseThrow();
            assertThat(history.stream().filter(e -> e.type().equals("ELEMENT_LEFT") && e.elementId().equals("Book"))).hasSize(3);
            assertThat(bodyLeft).isLessThan(firstUndo);
            assertThat(entered(engine, id)).containsSubsequence("Book", "Undo", "Cancel", "Cancel", "CEnd");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aMultiInstanceSubprocessIsCompensatedOncePerInstance(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("multi-instance-local.bpmn"));
            String id = start(engine, "miSubprocessCompensation", Map.of("delivered", 0));

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).filteredOn("Drop"::equals).hasSize(2);
            assertThat(entered(engine, id)).filteredOn("Collect"::equals).hasSize(2);
            assertThat(engine.instance(id).variables()).containsEntry("delivered", 0);
        }
    }

    private static boolean leftBefore(List<HistoryEvent> history, String first, String then) {
        long a = history.stream().filter(e -> e.type().equals("ELEMENT_LEFT") && first.equals(e.elementId())).mapToLong(HistoryEvent::seq).min().orElse(-1);
        long b = history.stream().filter(e -> e.type().equals("ELEMENT_ENTERED") && then.equals(e.elementId())).mapToLong(HistoryEvent::seq).min().orElse(-1);
        return a > 0 && b > a;
    }
}
