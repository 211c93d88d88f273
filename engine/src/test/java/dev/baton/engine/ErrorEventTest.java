package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.InstanceState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static dev.baton.engine.Flows.awaitTokensAt;
import static dev.baton.engine.Flows.complete;
import static dev.baton.engine.Flows.entered;
import static dev.baton.engine.Flows.start;
import static dev.baton.engine.Flows.tokenElements;
import static org.assertj.core.api.Assertions.assertThat;

/** BPMN errors: error end events, error boundary events, propagation out of subprocesses, error event subprocesses. */
class ErrorEventTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void anErrorEndEventInANestedSubprocessIsCaughtByTheBoundaryEventWithItsCode(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("errors.bpmn"));
            String id = start(engine, "errors", Map.of("kind", "stock"));

            // thrown in Inner, which has no catcher: it goes out to Work, whose OUT_OF_STOCK boundary takes it
            assertThat(tokenElements(engine, id)).containsExactly("Restock");
            assertThat(entered(engine, id)).containsSubsequence("Work", "Inner", "ThrowStock", "CatchStock", "Restock")
                    .doesNotContain("CatchAny", "Ship");
            assertThat(engine.history(id)).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("ELEMENT_CANCELED");
                assertThat(e.elementId()).isEqualTo("Work");
            });
            assertThat(engine.instance(id).variables()).containsEntry("errorCode", "OUT_OF_STOCK")
                    .containsEntry("errorMessage", "No apples left").doesNotContainKey("anyCode");

            complete(engine, id, "Restock", Map.of());
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anErrorWithAnotherCodeGoesToTheCatchAllBoundaryEvent(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("errors.bpmn"));
            String id = start(engine, "errors", Map.of("kind", "other"));

            assertThat(tokenElements(engine, id)).containsExactly("Investigate");
            assertThat(entered(engine, id)).contains("ThrowOther", "CatchAny").doesNotContain("CatchStock");
            assertThat(engine.instance(id).variables()).containsEntry("anyCode", "OTHER").doesNotContainKey("errorCode");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void withoutAnErrorTheSubprocessCompletesNormally(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("errors.bpmn"));
            String id = start(engine, "errors", Map.of("kind", "none"));

            assertThat(tokenElements(engine, id)).containsExactly("Ship");
            assertThat(entered(engine, id)).doesNotContain("CatchStock", "CatchAny");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anHttpStatusMappedToAnErrorStartsTheErrorEventSubprocessAndCancelsTheRest(Db db) throws Exception {
        try (TestService service = new TestService(); BatonEngine engine = Engines.open(db, dir)) {
            service.answer(r -> TestService.Answer.json(402, "{\"reason\":\"card expired\"}"));
            engine.deploy(Engines.files("error-event-subprocess.bpmn"));
            String id = start(engine, "paymentErrors", Map.of("serviceUrl", service.url()));

            // the 402 becomes PAYMENT_DECLINED: the interrupting event subprocess cancels Pack and runs instead
            awaitTokensAt(engine, id, "OnDeclined", "TellCustomer");
            assertThat(engine.instance(id).incidents()).isEmpty();
            assertThat(entered(engine, id)).containsSubsequence("Charge", "OnDeclined", "Declined", "TellCustomer");
            assertThat(engine.history(id)).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("ELEMENT_CANCELED");
                assertThat(e.elementId()).isEqualTo("Pack");
            });
            assertThat(engine.instance(id).variables()).containsEntry("code", "PAYMENT_DECLINED")
                    .hasEntrySatisfying("reason", r -> assertThat((String) r).contains("402"));

            complete(engine, id, "TellCustomer", Map.of());
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).doesNotContain("End");
        }
    }
}
