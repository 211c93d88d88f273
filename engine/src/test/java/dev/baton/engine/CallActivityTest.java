package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.StartInstanceRequest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static dev.baton.engine.Flows.awaitCalledChild;
import static dev.baton.engine.Flows.awaitTokensAt;
import static dev.baton.engine.Flows.complete;
import static dev.baton.engine.Flows.entered;
import static org.assertj.core.api.Assertions.assertThat;

/** Call activities: the called process runs as a child instance with mapped variables; errors come back to the caller. */
class CallActivityTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void theCalledProcessGetsMappedVariablesAndTheBusinessKeyAndHandsItsResultBack(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("call-parent.bpmn", "call-child.bpmn"));
            String parent = engine.startInstance("orderWithCall", new StartInstanceRequest(Map.of("amount", 100, "secret", "x"), "o-1", null))
                    .instance().id();

            String child = awaitCalledChild(engine, parent);
            awaitTokensAt(engine, child, "Confirm");
            var childView = engine.instance(child);
            assertThat(childView.processId()).isEqualTo("creditCheck");
            assertThat(childView.businessKey()).isEqualTo("o-1");
            assertThat(childView.variables()).containsEntry("sum", 100).containsEntry("score", 200).doesNotContainKey("secret");
            assertThat(engine.family(child).parentInstanceId()).isEqualTo(parent);
            assertThat(Flows.tokenElements(engine, parent)).containsExactly("CheckCredit");

            complete(engine, child, "Confirm", Map.of());
            awaitTokensAt(engine, parent, "Review");
            assertThat(engine.instance(child).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(engine.instance(parent).variables()).containsEntry("creditScore", 200).doesNotContainKeys("sum", "score");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anErrorTheCalledProcessDoesNotCatchIsCaughtOnTheCallActivity(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("call-parent.bpmn", "call-child.bpmn"));
            String parent = Flows.start(engine, "orderWithCall", Map.of("amount", 5000));

            awaitTokensAt(engine, parent, "Rejected");
            String child = engine.family(parent).childInstanceIds().get(0);
            assertThat(engine.instance(child).state()).isEqualTo(InstanceState.CANCELED);
            assertThat(entered(engine, child)).endsWith("Reject");
            assertThat(entered(engine, parent)).containsSubsequence("CheckCredit", "CreditRejected", "Rejected");
            assertThat(engine.instance(parent).variables()).containsEntry("why", "REJECTED");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void bindingByVersionCallsThatVersionAndAllVariablesGoInAndOut(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("call-parent.bpmn", "call-child.bpmn"));
            String v2 = new String(Engines.bpmn("call-child.bpmn").content(), StandardCharsets.UTF_8).replace("${sum * 2}", "${sum * 3}");
            assertThat(engine.deploy(java.util.List.of(BpmnFile.of("call-child.bpmn", v2))).definitions().get(0).version()).isEqualTo(2);

            String parent = Flows.start(engine, "versionedCall", Map.of("sum", 10, "note", "keep"));
            String child = awaitCalledChild(engine, parent);
            assertThat(engine.instance(child).definitionId()).isEqualTo("creditCheck:1");
            awaitTokensAt(engine, child, "Confirm");
            assertThat(engine.instance(child).variables()).containsEntry("note", "keep");
            complete(engine, child, "Confirm", Map.of("confirmed", true));

            Flows.awaitState(engine, parent, InstanceState.COMPLETED);
            assertThat(engine.instance(parent).variables()).containsEntry("score", 20).containsEntry("confirmed", true);
        }
    }
}
