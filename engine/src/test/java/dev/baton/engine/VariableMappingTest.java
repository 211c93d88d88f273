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

import static dev.baton.engine.Flows.complete;
import static dev.baton.engine.Flows.entered;
import static dev.baton.engine.Flows.start;
import static dev.baton.engine.Flows.tokenElements;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input and output mappings: inputs become variables local to the element, outputs go to the scope around it; a
 * multi-instance activity's loop counter and element variable are local to each instance.
 */
class VariableMappingTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void camundaInputsAreLocalToTheActivityAndOutputsReachTheProcess(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("io-camunda7.bpmn"));
            String id = start(engine, "quote", Map.of("amount", 60));

            // Price: net = 120 and currency = EUR were local; the script's result and the outputs are not (EL division gives a double)
            assertThat(tokenElements(engine, id)).containsExactly("Approve");
            assertThat(engine.instance(id).variables()).containsEntry("tax", 12.0).containsEntry("gross", 132.0)
                    .containsEntry("priced", "EUR").doesNotContainKeys("net", "currency", "level");
            // the task's assignee expression reads its input mapping
            assertThat(task(engine, id, "Approve").assignee()).isEqualTo("manager");

            complete(engine, id, "Approve", Map.of("approver", "ann"));
            assertThat(engine.instance(id).variables()).containsEntry("approver", "ann").containsEntry("approvedBy", "ann as manager")
                    .doesNotContainKey("level");

            // inside the subprocess, its input is visible to every element, and stays there
            assertThat(tokenElements(engine, id)).containsExactly("Pack", "Ship");
            assertThat(task(engine, id, "Pack").assignee()).isEqualTo("Main St 60");
            assertThat(engine.instance(id).variables()).containsEntry("label", "to Main St 60").doesNotContainKey("address");
            complete(engine, id, "Pack", Map.of());

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(engine.instance(id).variables()).doesNotContainKeys("address", "net", "level");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void eachMultiInstanceInstanceSeesItsOwnElementVariableAndLoopCounter(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("io-camunda7.bpmn"));
            String id = start(engine, "reviewers", Map.of("reviewerList", List.of("ann", "bob", "cy")));

            assertThat(engine.tasks(null, null, null, id)).extracting(TaskView::assignee).containsExactlyInAnyOrder("ann", "bob", "cy");
            assertThat(engine.instance(id).variables()).doesNotContainKeys("reviewer", "loopCounter", "round");

            // each instance's output is computed from its own element variable and input, after the others started
            engine.completeTask(taskOf(engine, id, "bob").id(), Map.of("verdict", "ok"));
            assertThat(engine.instance(id).variables()).containsEntry("lastVerdict", "bob (round 2): ok");
            engine.completeTask(taskOf(engine, id, "cy").id(), Map.of("verdict", "no"));
            assertThat(engine.instance(id).variables()).containsEntry("lastVerdict", "cy (round 3): no");
            engine.completeTask(taskOf(engine, id, "ann").id(), Map.of("verdict", "ok"));

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(engine.instance(id).variables()).containsEntry("lastVerdict", "ann (round 1): ok")
                    .doesNotContainKeys("reviewer", "loopCounter", "round");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void zeebeIoMappingKeepsTheTaskResultLocalAndWritesOnlyTheOutputs(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("io-camunda8.bpmn"));
            String id = start(engine, "quoteFeel", Map.of("amount", 60));

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).containsSubsequence("Price", "Check", "Big").doesNotContain("Small");
            assertThat(engine.instance(id).variables()).containsEntry("order", Map.of("total", 122, "net", 61))
                    .doesNotContainKeys("net", "doubled");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void camundaListMapAndScriptParametersAreEvaluated(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("io-camunda7-structured.bpmn"));
            String id = start(engine, "packing", Map.of("first", "bag", "max", 20, "name", "Ann"));

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(engine.instance(id).variables()).containsEntry("count", 3).containsEntry("summary", "3 items, at most 20 kg")
                    .containsEntry("notes", List.of("hi Ann", "tape")).doesNotContainKeys("items", "limits", "greeting");
            assertThat(engine.history(id)).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("VARIABLES_CHANGED");
                assertThat(e.payload()).containsEntry("variables", Map.of("items", List.of("bag", "box", List.of("tape", "bag")),
                        "limits", Map.of("max", 20, "unit", "kg"), "greeting", "hi Ann"));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aParameterScriptInALanguageTheEngineDoesNotRunIsRefusedAtDeployment(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            String xml = new String(Engines.bpmn("io-camunda7-structured.bpmn").content(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("<camunda:script scriptFormat=\"juel\">", "<camunda:script scriptFormat=\"groovy\">");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.deploy(List.of(BpmnFile.of("groovy-param.bpmn", xml))))
                    .isInstanceOf(EngineException.DeploymentRejected.class)
                    .satisfies(e -> assertThat(((EngineException.DeploymentRejected) e).problems()).anySatisfy(p -> {
                        assertThat(p.elementId()).isEqualTo("Pack");
                        assertThat(p.message()).contains("groovy");
                    }));
        }
    }

    private static TaskView task(BatonEngine engine, String id, String elementId) {
        return engine.tasks(null, null, null, id).stream().filter(t -> t.elementId().equals(elementId)).findFirst().orElseThrow();
    }

    private static TaskView taskOf(BatonEngine engine, String id, String assignee) {
        return engine.tasks(null, null, null, id).stream().filter(t -> assignee.equals(t.assignee())).findFirst().orElseThrow();
    }
}
