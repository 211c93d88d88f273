package dev.baton.samples;

import dev.baton.bpmn.layout.AutoLayout;
import dev.baton.bpmn.read.BpmnReader;
import dev.baton.engine.Baton;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.BpmnFile;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.IncidentView;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.InstanceView;
import dev.baton.model.api.StartInstanceRequest;
import dev.baton.model.api.TaskView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs each sample end to end on an embedded engine against the demo services. */
class SampleProcessesTest {

    @TempDir Path data;
    BatonEngine engine;
    DemoServices services;

    @BeforeEach
    void start() {
        services = DemoServices.start(0);
        engine = Baton.builder().dataDir(data).jobThreads(4).pollInterval(Duration.ofMillis(50)).build();
        var result = engine.deploy(Samples.all().stream().map(s -> BpmnFile.of(s.fileName(), s.xml())).toList());
        assertThat(result.definitions()).extracting(d -> d.processId()).containsExactlyInAnyOrder("orderSaga", "loanApproval", "flightBooking");
    }

    @AfterEach
    void stop() {
        engine.close();
        services.close();
    }

    @Test
    void every_sample_is_drawn_with_diagram_geometry() throws Exception {
        for (String f : java.util.stream.Stream.concat(Samples.FILES.stream(), Samples.KAFKA_FILES.stream()).toList()) {
            var read = new BpmnReader().read(Samples.read(f).getBytes(StandardCharsets.UTF_8), f);
            assertThat(new AutoLayout().needsLayout(read.definitions())).as(f + " has DI").isFalse();
        }
    }

    @Test
    void an_order_in_stock_and_paid_is_shipped() {
        InstanceView i = start("orderSaga", 1);
        InstanceView done = awaitEnd(i.id());
        assertThat(done.state()).isEqualTo(InstanceState.COMPLETED);
        assertThat(entered(i.id())).contains("ReserveStock", "ChargePayment", "ShipOrder", "OrderCompleted").doesNotContain("ReleaseStock");
        assertThat(services.calls()).containsExactly("POST /inventory/reserve/order-1", "POST /payment/charge/order-1", "POST /shipping/ship/order-1");
    }

    @Test
    void a_declined_payment_releases_the_reserved_stock() {
        services.set("payment", DemoServices.Mode.DECLINE, 0);
        InstanceView i = start("orderSaga", 2);
        awaitEnd(i.id());
        assertThat(entered(i.id())).contains("ReleaseStock", "PaymentDeclined").doesNotContain("ShipOrder");
        assertThat(services.calls()).contains("POST /inventory/release/order-2");
    }

    @Test
    void a_failed_shipment_refunds_then_releases_the_stock() {
        services.set("shipping", DemoServices.Mode.DECLINE, 0);
        InstanceView i = start("orderSaga", 3);
        awaitEnd(i.id());
        assertThat(services.calls()).endsWith("POST /shipping/ship/order-3", "POST /payment/refund/order-3", "POST /inventory/release/order-3");
    }

    @Test
    void a_failing_service_becomes_an_incident_that_a_retry_resolves_once_the_service_is_back() {
        services.set("payment", DemoServices.Mode.ERROR, 0);
        InstanceView i = start("orderSaga", 9);
        await(() -> !engine.incidents(i.id(), true).isEmpty(), "an incident on the payment");
        IncidentView incident = engine.incidents(i.id(), true).get(0);
        assertThat(incident.elementId()).isEqualTo("ChargePayment");
        assertThat(incident.message()).contains("answered 500");
        services.set("payment", DemoServices.Mode.OK, 0);
        engine.retryIncident(incident.id(), 1);
        assertThat(awaitEnd(i.id()).state()).isEqualTo(InstanceState.COMPLETED);
    }

    @Test
    void a_good_loan_skips_the_review_and_pays_out_after_the_cooling_off_timer() {
        InstanceView i = startLoan("alice", 8000, "PT0.5S");
        awaitEnd(i.id());
        assertThat(entered(i.id())).contains("CoolingOff", "PayOut", "LoanPaid").doesNotContain("ReviewApplication");
    }

    @Test
    void a_risky_loan_waits_for_an_underwriter_who_approves_it() {
        InstanceView i = startLoan("zoe", 50000, "PT0.1S");
        await(() -> !engine.tasks(null, null, null, i.id()).isEmpty(), "a review task");
        TaskView task = engine.tasks(null, null, null, i.id()).get(0);
        assertThat(task.elementId()).isEqualTo("ReviewApplication");
        engine.claim(task.id(), "mia");
        engine.completeTask(task.id(), Map.of("approved", true));
        awaitEnd(i.id());
        assertThat(entered(i.id())).contains("ReviewApplication", "Approved", "PayOut", "LoanPaid");
    }

    @Test
    void an_overdue_review_declines_the_loan_when_its_timer_fires() {
        InstanceView i = engine.startInstance("loanApproval", new StartInstanceRequest(Map.of("servicesUrl", services.url(),
                "applicant", "zoe", "amount", 50000, "reviewTimeout", "PT0.3S", "coolingOff", "PT0S"), "loan-z", null)).instance();
        awaitEnd(i.id());
        assertThat(entered(i.id())).contains("ReviewApplication", "ReviewOverdue", "DeclineLoan", "LoanDeclined").doesNotContain("PayOut");
        assertThat(services.calls()).contains("POST /loans/decline/zoe");
    }

    @Test
    void a_trip_with_flight_hotel_and_car_is_booked() {
        InstanceView i = start("flightBooking", 1);
        awaitEnd(i.id());
        assertThat(entered(i.id())).contains("TripBooked");
        assertThat(services.calls()).containsExactly("POST /flights/reserve/trip-1", "POST /hotels/reserve/trip-1", "POST /cars/reserve/trip-1");
    }

    @Test
    void when_no_car_is_available_the_hotel_and_flight_are_canceled_in_reverse_order() {
        services.set("cars", DemoServices.Mode.DECLINE, 0);
        InstanceView i = start("flightBooking", 2);
        awaitEnd(i.id());
        assertThat(entered(i.id())).contains("CancelHotel", "CancelFlight", "TripFailed").doesNotContain("TripBooked");
        assertThat(services.calls()).containsExactly("POST /flights/reserve/trip-2", "POST /hotels/reserve/trip-2",
                "POST /cars/reserve/trip-2", "POST /hotels/cancel/trip-2", "POST /flights/cancel/trip-2");
    }

    private InstanceView start(String processId, int n) {
        return engine.startInstance(processId, new StartInstanceRequest(Samples.variables(processId, n, services.url()),
                Samples.businessKey(processId, n), null)).instance();
    }

    private InstanceView startLoan(String applicant, int amount, String coolingOff) {
        return engine.startInstance("loanApproval", new StartInstanceRequest(Map.of("servicesUrl", services.url(),
                "applicant", applicant, "amount", amount, "reviewTimeout", "PT10M", "coolingOff", coolingOff), "loan-" + applicant, null)).instance();
    }

    private List<String> entered(String instanceId) {
        return engine.history(instanceId).stream().filter(e -> e.type().equals("ELEMENT_ENTERED")).map(HistoryEvent::elementId).toList();
    }

    private InstanceView awaitEnd(String id) {
        await(() -> engine.instance(id).state() == InstanceState.COMPLETED || engine.instance(id).state() == InstanceState.CANCELED,
                "instance " + id + " to end (incidents: " + engine.incidents(id, true) + ")");
        return engine.instance(id);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try { Thread.sleep(20); } catch (InterruptedException e) { throw new AssertionError(e); }
        }
    }
}
