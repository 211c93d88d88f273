package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.InstanceState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static dev.baton.engine.Flows.complete;
import static dev.baton.engine.Flows.entered;
import static dev.baton.engine.Flows.start;
import static dev.baton.engine.Flows.tokenElements;
import static org.assertj.core.api.Assertions.assertThat;

/** Transaction subprocesses: a cancel end event undoes what completed inside and leaves by the cancel boundary event. */
class TransactionTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void aCancelEndEventCompensatesTheTransactionAndLeavesByTheCancelBoundaryEvent(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("transaction.bpmn"));
            String id = start(engine, "bookTrip", Map.of());
            assertThat(tokenElements(engine, id)).containsExactly("Booking", "Pay", "Review");

            complete(engine, id, "Pay", Map.of("paid", false));

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            // the other branch is cancelled, the handlers run last completed first, then the cancel boundary path
            assertThat(entered(engine, id)).containsSubsequence("Flight", "Hotel", "Pay", "CancelEnd", "CancelHotel",
                    "CancelFlight", "Cancelled", "Apologize", "TripCancelled").doesNotContain("Done", "ReviewEnd", "PaidEnd");
            assertThat(engine.history(id)).filteredOn(e -> e.type().equals("ELEMENT_CANCELED")).extracting(HistoryEvent::elementId)
                    .contains("Review", "Booking");
            assertThat(engine.instance(id).variables()).containsEntry("flight", "cancelled").containsEntry("hotel", "cancelled")
                    .containsEntry("outcome", "cancelled: flight cancelled, hotel cancelled");
            assertThat(engine.tasks(null, null, null, id)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aTransactionThatEndsNormallyCompensatesNothing(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("transaction.bpmn"));
            String id = start(engine, "bookTrip", Map.of());

            complete(engine, id, "Pay", Map.of("paid", true));
            assertThat(tokenElements(engine, id)).containsExactly("Booking", "Review");
            complete(engine, id, "Review", Map.of());

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).containsSubsequence("Flight", "Hotel", "PaidEnd", "ReviewEnd", "Done")
                    .doesNotContain("CancelHotel", "CancelFlight", "Cancelled", "Apologize");
            assertThat(engine.instance(id).variables()).containsEntry("flight", "booked").containsEntry("hotel", "booked");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aCancelEndEventOutsideATransactionIsRefusedAtDeployment(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            String xml = """
                    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                      <bpmn:process id="p" isExecutable="true">
                        <bpmn:startEvent id="S"/><bpmn:sequenceFlow id="f" sourceRef="S" targetRef="C"/>
                        <bpmn:endEvent id="C"><bpmn:cancelEventDefinition/></bpmn:endEvent>
                      </bpmn:process>
                    </bpmn:definitions>""";
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.deploy(java.util.List.of(
                            new BpmnFile("loose-cancel.bpmn", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)))))
                    .isInstanceOf(EngineException.DeploymentRejected.class)
                    .satisfies(e -> assertThat(((EngineException.DeploymentRejected) e).problems())
                            .anySatisfy(p -> assertThat(p.elementId()).isEqualTo("C")));
        }
    }
}
