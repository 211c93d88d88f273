package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.InstanceState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static dev.baton.engine.Flows.awaitCalledChild;
import static dev.baton.engine.Flows.awaitState;
import static dev.baton.engine.Flows.awaitTokensAt;
import static dev.baton.engine.Flows.complete;
import static dev.baton.engine.Flows.entered;
import static dev.baton.engine.Flows.start;
import static org.assertj.core.api.Assertions.assertThat;

/** A call activity that is interrupted takes its called instance with it; escalations cross the call, as errors do. */
class CallActivityInterruptTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void aTimerBoundaryEventOnTheCallActivityCancelsTheCalledInstance(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("call-interrupt.bpmn"));
            String parent = start(engine, "applicantCheck", Map.of("timeout", "PT1S"));
            String child = awaitCalledChild(engine, parent);
            awaitTokensAt(engine, child, "Research");

            awaitState(engine, parent, InstanceState.COMPLETED);
            assertThat(entered(engine, parent)).containsSubsequence("Vet", "TooSlow", "SlowEnd").doesNotContain("Decide");
            assertThat(engine.instance(child).state()).isEqualTo(InstanceState.CANCELED);
            assertThat(engine.instance(child).tokens()).isEmpty();
            assertThat(engine.tasks(null, null, null, child)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void cancellingTheCallerCancelsTheCalledInstance(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("call-interrupt.bpmn"));
            String parent = start(engine, "applicantCheck", Map.of("timeout", "PT1H"));
            String child = awaitCalledChild(engine, parent);
            awaitTokensAt(engine, child, "Research");

            engine.cancel(parent);
            assertThat(engine.instance(parent).state()).isEqualTo(InstanceState.CANCELED);
            assertThat(engine.instance(child).state()).isEqualTo(InstanceState.CANCELED);
            assertThat(engine.history(child)).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("INSTANCE_ENDED");
                assertThat(e.payload()).containsEntry("state", "CANCELED");
            });
            assertThat(engine.tasks(null, null, null, child)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anEscalationTheCalledProcessThrowsReachesANonInterruptingBoundaryEventOnTheCallActivity(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("call-interrupt.bpmn"));
            String parent = start(engine, "applicantCheck", Map.of("timeout", "PT1H"));
            String child = awaitCalledChild(engine, parent);
            awaitTokensAt(engine, child, "Research");

            complete(engine, child, "Research", Map.of("fraud", false));
            awaitTokensAt(engine, parent, "ProvideInfo", "Vet");
            assertThat(engine.instance(parent).variables()).containsEntry("asked", "NEEDS_INFO");
            assertThat(Flows.tokenElements(engine, child)).containsExactly("Verdict");

            complete(engine, child, "Verdict", Map.of("verdict", "ok"));
            awaitTokensAt(engine, parent, "Decide", "ProvideInfo");
            assertThat(engine.instance(parent).variables()).containsEntry("verdict", "ok");
            assertThat(entered(engine, parent)).containsSubsequence("Vet", "NeedsInfo", "ProvideInfo", "Decide");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anEscalationEndEventInTheCalledProcessIsCaughtByAnInterruptingBoundaryEvent(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("call-interrupt.bpmn"));
            String parent = start(engine, "applicantCheck", Map.of("timeout", "PT1H"));
            String child = awaitCalledChild(engine, parent);
            awaitTokensAt(engine, child, "Research");

            complete(engine, child, "Research", Map.of("fraud", true));
            awaitState(engine, parent, InstanceState.COMPLETED);
            assertThat(entered(engine, parent)).containsSubsequence("Vet", "Fraud", "FraudEnd").doesNotContain("Decide", "NeedsInfo");
            assertThat(entered(engine, child)).endsWith("FraudThrown");
            assertThat(engine.instance(child).state()).isEqualTo(InstanceState.COMPLETED);
        }
    }
}
