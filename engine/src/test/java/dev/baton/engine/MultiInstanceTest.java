package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.TaskView;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.baton.engine.Flows.awaitTokensAt;
import static dev.baton.engine.Flows.bodyCounters;
import static dev.baton.engine.Flows.complete;
import static dev.baton.engine.Flows.entered;
import static dev.baton.engine.Flows.start;
import static dev.baton.engine.Flows.tokenElements;
import static org.assertj.core.api.Assertions.assertThat;

/** Multi-instance activities: parallel and sequential, over a collection or a cardinality, with a completion condition. */
class MultiInstanceTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void parallelUserTasksOverACollectionEndWhenTheCompletionConditionHolds(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("multi-instance.bpmn"));
            String id = start(engine, "miParallel", Map.of("approvers", List.of("ann", "bob", "cid")));

            List<TaskView> tasks = engine.tasks(null, null, null, id);
            assertThat(tasks).extracting(TaskView::assignee).containsExactlyInAnyOrder("ann", "bob", "cid");
            // the counters are local to the multi-instance body, not instance variables (as in Camunda 7)
            assertThat(bodyCounters(engine, id, "Approve")).containsEntry("nrOfInstances", 3).containsEntry("nrOfActiveInstances", 3);
            assertThat(engine.instance(id).variables()).doesNotContainKeys("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");

            engine.completeTask(tasks.stream().filter(t -> t.assignee().equals("bob")).findFirst().orElseThrow().id(), Map.of());
            assertThat(bodyCounters(engine, id, "Approve")).containsEntry("nrOfCompletedInstances", 1).containsEntry("nrOfActiveInstances", 2);
            engine.completeTask(tasks.stream().filter(t -> t.assignee().equals("ann")).findFirst().orElseThrow().id(), Map.of());

            // two of three approved: cid's task is canceled and the token goes on
            assertThat(tokenElements(engine, id)).containsExactly("Done");
            assertThat(engine.tasks(null, null, null, id)).extracting(TaskView::elementId).containsExactly("Done");
            assertThat(bodyCounters(engine, id, "Approve")).containsEntry("nrOfCompletedInstances", 2);
            assertThat(engine.instance(id).variables()).doesNotContainKey("nrOfCompletedInstances");
            assertThat(engine.history(id)).filteredOn(e -> e.type().equals("ELEMENT_CANCELED") && e.elementId().equals("Approve")).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aSequentialScriptTaskRunsOncePerItemAndGathersAnOutputCollection(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("multi-instance.bpmn"));
            String id = start(engine, "miSequential", Map.of("items", List.of(Map.of("qty", 2, "price", 30), Map.of("qty", 1, "price", 5))));

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(engine.instance(id).variables()).containsEntry("prices", List.of(60, 5)).doesNotContainKey("nrOfCompletedInstances");
            assertThat(bodyCounters(engine, id, "Price")).containsEntry("nrOfCompletedInstances", 2);
            // the body and its two instances
            assertThat(entered(engine, id)).filteredOn("Price"::equals).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aParallelSubprocessRunsLoopCardinalityTimes(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("multi-instance.bpmn"));
            String id = start(engine, "miSubprocess", Map.of("parcels", 3));

            assertThat(tokenElements(engine, id)).containsExactly("Pack", "Pack", "Pack", "Parcel", "Parcel", "Parcel", "Parcel");
            for (int i = 0; i < 3; i++) complete(engine, id, "Pack", Map.of());
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aSequentialCallActivityCallsTheProcessOnceAfterTheOther(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("multi-instance.bpmn", "call-child.bpmn"));
            String id = start(engine, "miCall", Map.of("amount", 7));

            Engines.await(Duration.ofSeconds(20), "the first child", () -> engine.family(id).childInstanceIds().size() == 1);
            String first = engine.family(id).childInstanceIds().get(0);
            awaitTokensAt(engine, first, "Confirm");
            assertThat(engine.instance(first).variables()).containsEntry("attempt", 0).containsEntry("sum", 7);
            complete(engine, first, "Confirm", Map.of());

            Engines.await(Duration.ofSeconds(20), "the second child", () -> engine.family(id).childInstanceIds().size() == 2);
            String second = engine.family(id).childInstanceIds().get(1);
            awaitTokensAt(engine, second, "Confirm");
            assertThat(engine.instance(second).variables()).containsEntry("attempt", 1);
            complete(engine, second, "Confirm", Map.of());
            Flows.awaitState(engine, id, InstanceState.COMPLETED);
        }
    }
}
