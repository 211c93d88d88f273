package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.TaskView;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.baton.engine.Flows.bodyCounters;
import static dev.baton.engine.Flows.entered;
import static dev.baton.engine.Flows.start;
import static dev.baton.engine.Flows.tokenElements;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * nrOfInstances, nrOfActiveInstances and nrOfCompletedInstances belong to the multi-instance body, as in Camunda 7:
 * its instances and its completion condition see them, the process instance's variables never hold them.
 */
class MultiInstanceLocalVariablesTest {
    private static final String[] LOOP_VARIABLES = {"nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter"};

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void twoMultiInstanceTasksRunningAtOnceEachCountTheirOwnInstances(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("multi-instance-local.bpmn"));
            String id = start(engine, "miTwoBranches", Map.of("signers", List.of("ann", "bob", "cid")));

            assertThat(engine.tasks(null, null, null, id)).extracting(TaskView::assignee)
                    .containsExactlyInAnyOrder("ann", "bob", "cid", "checker-0", "checker-1");
            // what GET /api/instances/{id}/variables and the designer's variable panel show: the instance's own variables
            assertThat(engine.variables(id)).containsOnlyKeys("signers");
            // the counters are the bodies' own, shown in the history as local variables of each body
            assertThat(bodyCounters(engine, id, "Sign")).containsEntry("nrOfInstances", 3).containsEntry("nrOfActiveInstances", 3)
                    .containsEntry("nrOfCompletedInstances", 0);
            assertThat(bodyCounters(engine, id, "Check")).containsEntry("nrOfInstances", 2).containsEntry("nrOfActiveInstances", 2);

            completeFor(engine, id, "ann");
            assertThat(bodyCounters(engine, id, "Sign")).containsEntry("nrOfCompletedInstances", 1).containsEntry("nrOfActiveInstances", 2);
            assertThat(bodyCounters(engine, id, "Check")).containsEntry("nrOfCompletedInstances", 0);
            assertThat(engine.variables(id)).containsOnlyKeys("signers");

            // one of two checks is enough for Check; Sign, with one of three done, goes on
            completeFor(engine, id, "checker-1");
            assertThat(tokenElements(engine, id)).containsExactly("Join", "Sign", "Sign", "Sign");
            assertThat(engine.tasks(null, null, null, id)).extracting(TaskView::assignee).containsExactlyInAnyOrder("bob", "cid");

            // two of three signatures end Sign; the join completes the instance
            completeFor(engine, id, "cid");
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(canceled(engine, id, "Sign")).isEqualTo(1);
            assertThat(canceled(engine, id, "Check")).isEqualTo(1);
            assertThat(entered(engine, id)).containsSubsequence("Fork", "Join", "End");
            assertThat(engine.variables(id)).containsOnlyKeys("signers").doesNotContainKeys(LOOP_VARIABLES);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aMultiInstanceTaskInsideAMultiInstanceSubprocessSeesItsOwnCountersAndTheOuterOnesThroughAnInput(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("multi-instance-local.bpmn"));
            String id = start(engine, "miNested", Map.of("orders", List.of(
                    Map.of("id", "a", "lines", List.of("pen", "ink", "pad")),
                    Map.of("id", "b", "lines", List.of("cup", "jug")))));

            // each Pick instance: its order, its own loopCounter and nrOfInstances, and the outer count mapped in
            assertThat(engine.tasks(null, null, null, id)).extracting(TaskView::assignee).containsExactlyInAnyOrder(
                    "a 1/3 of 2", "a 2/3 of 2", "a 3/3 of 2", "b 1/2 of 2", "b 2/2 of 2");
            assertThat(engine.variables(id)).containsOnlyKeys("orders");

            // order a needs two of its three lines, order b one of its two
            completeFor(engine, id, "a 1/3 of 2");
            assertThat(engine.tasks(null, null, null, id)).hasSize(4);
            completeFor(engine, id, "b 2/2 of 2");
            assertThat(engine.tasks(null, null, null, id)).extracting(TaskView::assignee)
                    .containsExactlyInAnyOrder("a 2/3 of 2", "a 3/3 of 2");
            assertThat(bodyCounters(engine, id, "Order")).containsEntry("nrOfInstances", 2).containsEntry("nrOfCompletedInstances", 1)
                    .containsEntry("nrOfActiveInstances", 1);
            completeFor(engine, id, "a 3/3 of 2");

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(canceled(engine, id, "Pick")).isEqualTo(2);
            assertThat(canceled(engine, id, "Order")).isZero();
            assertThat(entered(engine, id)).filteredOn("OEnd"::equals).hasSize(2);
            assertThat(engine.variables(id)).containsOnlyKeys("orders");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aScriptInEachInstanceReadsTheBodysCountersAndItsLoopCounter(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("multi-instance-local.bpmn"));
            String id = start(engine, "miScriptCounters", Map.of("runs", 3));

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(engine.variables(id)).containsEntry("progressLog", List.of(
                    "run 1 of 3, 0 done, 1 active", "run 2 of 3, 1 done, 1 active", "run 3 of 3, 2 done, 1 active"))
                    .doesNotContainKeys(LOOP_VARIABLES);
        }
    }

    private static void completeFor(BatonEngine engine, String id, String assignee) {
        TaskView task = engine.tasks(null, null, null, id).stream().filter(t -> assignee.equals(t.assignee())).findFirst()
                .orElseThrow(() -> new AssertionError("no open task for " + assignee + " in " + engine.tasks(null, null, null, id)));
        engine.completeTask(task.id(), Map.of());
    }

    private static long canceled(BatonEngine engine, String id, String elementId) {
        return engine.history(id).stream().filter(e -> e.type().equals("ELEMENT_CANCELED") && e.elementId().equals(elementId)).count();
    }
}
