package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.SignalRequest;
import dev.baton.model.api.TaskView;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.baton.engine.Flows.awaitState;
import static dev.baton.engine.Flows.awaitTokensAt;
import static dev.baton.engine.Flows.complete;
import static dev.baton.engine.Flows.entered;
import static dev.baton.engine.Flows.start;
import static dev.baton.engine.Flows.tokenElements;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cells of the coverage table that ran on shared code without a test of their own: interrupting timer and signal
 * event subprocesses, a sequential multi-instance subprocess, a parallel multi-instance call activity, deployment binding.
 */
class CoverageGapTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void anInterruptingTimerEventSubprocessCancelsTheWorkWhenItFires(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("more-coverage.bpmn"));
            String id = start(engine, "deadline", Map.of());
            assertThat(engine.tasks(null, null, null, id)).extracting(TaskView::elementId).containsExactly("Work");

            Engines.await(Duration.ofSeconds(20), "the deadline fired", () -> entered(engine, id).contains("Chase"));
            assertThat(engine.tasks(null, null, null, id)).extracting(TaskView::elementId).containsExactly("Chase");
            assertThat(engine.history(id)).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("ELEMENT_CANCELED");
                assertThat(e.elementId()).isEqualTo("Work");
            });
            complete(engine, id, "Chase", Map.of());
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).containsSubsequence("Work", "Overdue", "OverdueStart", "Chase", "OverdueEnd").doesNotContain("End");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anInterruptingSignalEventSubprocessEndsTheInstanceItReaches(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("more-coverage.bpmn"));
            String id = start(engine, "recall", Map.of());

            assertThat(engine.signal(new SignalRequest("recall", Map.of("why", "defect"))).caughtBy()).containsExactly(id);
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(engine.instance(id).variables()).containsEntry("why", "defect");
            assertThat(entered(engine, id)).containsSubsequence("Build", "Recalled", "RecallStart", "RecalledEnd").doesNotContain("REnd");
            assertThat(engine.tasks(null, null, null, id)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aSequentialMultiInstanceSubprocessRunsLoopCardinalityTimesOneAfterAnother(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("more-coverage.bpmn"));
            String id = start(engine, "miSequentialSubprocess", Map.of("rounds", 3));

            for (int i = 0; i < 3; i++) {
                assertThat(engine.tasks(null, null, null, id)).extracting(TaskView::assignee).containsExactly("player-" + i);
                complete(engine, id, "Step", Map.of());
            }
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id).stream().filter("Step"::equals).count()).isEqualTo(3);
            assertThat(Flows.bodyCounters(engine, id, "Round")).containsEntry("nrOfCompletedInstances", 3);
            assertThat(engine.instance(id).variables()).doesNotContainKey("nrOfCompletedInstances");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aParallelMultiInstanceCallActivityCallsOneInstancePerItemAtOnce(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("more-coverage.bpmn", "call-child.bpmn"));
            String id = start(engine, "miParallelCall", Map.of("amounts", List.of(5, 7)));

            Engines.await(Duration.ofSeconds(20), "both children", () -> engine.family(id).childInstanceIds().size() == 2);
            List<String> children = engine.family(id).childInstanceIds();
            for (String child : children) awaitTokensAt(engine, child, "Confirm");
            // each call got its own element variable
            assertThat(children).extracting(c -> engine.instance(c).variables().get("sum")).containsExactlyInAnyOrder(5, 7);
            assertThat(tokenElements(engine, id)).containsExactly("CheckEach", "CheckEach", "CheckEach");

            for (String child : children) complete(engine, child, "Confirm", Map.of());
            awaitState(engine, id, InstanceState.COMPLETED);
            assertThat(Flows.bodyCounters(engine, id, "CheckEach")).containsEntry("nrOfCompletedInstances", 2);
            assertThat(engine.instance(id).variables()).doesNotContainKey("nrOfCompletedInstances");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void bindingDeploymentCallsTheVersionDeployedTogetherWithTheCaller(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("more-coverage.bpmn", "call-child.bpmn"));
            String v2 = new String(Engines.bpmn("call-child.bpmn").content(), StandardCharsets.UTF_8).replace("${sum * 2}", "${sum * 3}");
            assertThat(engine.deploy(List.of(BpmnFile.of("call-child.bpmn", v2))).definitions().get(0).version()).isEqualTo(2);

            String id = start(engine, "deploymentBound", Map.of("amount", 10));
            Engines.await(Duration.ofSeconds(20), "the child", () -> !engine.family(id).childInstanceIds().isEmpty());
            String child = engine.family(id).childInstanceIds().get(0);
            assertThat(engine.instance(child).definitionId()).isEqualTo("creditCheck:1");
            awaitTokensAt(engine, child, "Confirm");
            complete(engine, child, "Confirm", Map.of());

            awaitState(engine, id, InstanceState.COMPLETED);
            assertThat(engine.instance(id).variables()).containsEntry("score", 20);
        }
    }
}
