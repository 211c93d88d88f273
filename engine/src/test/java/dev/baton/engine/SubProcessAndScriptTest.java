package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.DeploymentProblem;
import dev.baton.model.api.InstanceState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.baton.engine.Flows.complete;
import static dev.baton.engine.Flows.entered;
import static dev.baton.engine.Flows.start;
import static dev.baton.engine.Flows.tokenElements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Embedded subprocesses, terminate end events, script tasks in JUEL and FEEL, and what cannot be deployed. */
class SubProcessAndScriptTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void aSubprocessCompletesWhenItsLastTokenEndsAndThenTheProcessGoesOn(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("subprocess-terminate.bpmn"));
            String id = start(engine, "subprocessTerminate", Map.of("fraud", false, "stop", false));

            assertThat(tokenElements(engine, id)).containsExactly("Check", "Review", "Verify");
            assertThat(engine.instance(id).tokens()).filteredOn(t -> t.elementId().equals("Review"))
                    .singleElement().satisfies(t -> assertThat(t.scopeId()).isNotNull());
            complete(engine, id, "Review", Map.of());
            assertThat(tokenElements(engine, id)).containsExactly("Check", "Verify");
            complete(engine, id, "Verify", Map.of());
            assertThat(tokenElements(engine, id)).containsExactly("After");
            complete(engine, id, "After", Map.of());
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aTerminateEndEventInASubprocessEndsOnlyTheSubprocess(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("subprocess-terminate.bpmn"));
            String id = start(engine, "subprocessTerminate", Map.of("fraud", true, "stop", true));

            complete(engine, id, "Verify", Map.of());
            // Review was still open: the terminate end event cancelled it, and the subprocess completed
            assertThat(tokenElements(engine, id)).containsExactly("After");
            assertThat(engine.tasks(null, null, null, id)).extracting(t -> t.elementId()).containsExactly("After");
            assertThat(engine.history(id)).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("ELEMENT_CANCELED");
                assertThat(e.elementId()).isEqualTo("Review");
            });

            complete(engine, id, "After", Map.of());
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).endsWith("Stop");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aJuelScriptComputesAVariableAndConditionsReadIt(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("scripts-juel.bpmn"));
            String id = start(engine, "scriptsJuel", Map.of("quantity", 3, "unitPrice", 40, "limit", Map.of("amount", 100)));

            assertThat(engine.instance(id).variables()).containsEntry("total", 120);
            assertThat(entered(engine, id)).endsWith("Big");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aFeelScriptOfACamunda8FileComputesAVariable(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("scripts-feel.bpmn"));
            String id = start(engine, "scriptsFeel", Map.of("items", List.of(Map.of("qty", 2, "price", 30), Map.of("qty", 1, "price", 5))));

            assertThat(engine.instance(id).variables()).containsEntry("total", 65);
            assertThat(entered(engine, id)).endsWith("Small");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aFailingScriptIsAnIncidentNamingTheExpressionAndTheElement(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("scripts-juel.bpmn"));
            String id = start(engine, "scriptsJuel", Map.of("quantity", 3));

            var incident = engine.instance(id).incidents().get(0);
            assertThat(incident.kind()).isEqualTo("EXPRESSION");
            assertThat(incident.message()).contains("${quantity * unitPrice}").contains("'Compute price' (Price)").contains("unitPrice");
            assertThat(engine.instance(id).tokens()).singleElement().satisfies(t -> {
                assertThat(t.elementId()).isEqualTo("Price");
                assertThat(t.state()).isEqualTo("INCIDENT");
            });

            engine.setVariables(id, Map.of("unitPrice", 1, "limit", Map.of("amount", 10)));
            engine.retryIncident(incident.id(), null);
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(engine.instance(id).variables()).containsEntry("total", 3);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aFileWithElementsTheEngineCannotRunIsRejectedAndNothingIsDeployed(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            String good = new String(Engines.bpmn("parallel.bpmn").content(), StandardCharsets.UTF_8);
            String bad = new String(Engines.bpmn("catch-message.bpmn").content(), StandardCharsets.UTF_8)
                    .replace("<bpmn:messageEventDefinition messageRef=\"Msg_docs\"/>", "<bpmn:signalEventDefinition/>")
                    .replace("id=\"catchMessage\"", "id=\"catchSignal\"")
                    .replace("<bpmn:task", "<bpmn:callActivity");

            assertThatThrownBy(() -> engine.deploy(List.of(BpmnFile.of("good.bpmn", good), BpmnFile.of("bad.bpmn", bad))))
                    .isInstanceOfSatisfying(EngineException.DeploymentRejected.class, e -> {
                        assertThat(e.problems()).extracting(DeploymentProblem::file).containsOnly("bad.bpmn");
                        assertThat(e.problems()).anySatisfy(p -> {
                            assertThat(p.elementId()).isEqualTo("Docs");
                            assertThat(p.severity()).isEqualTo("ERROR");
                            assertThat(p.message()).containsIgnoringCase("signal");
                        });
                    });
            assertThat(engine.definitions()).isEmpty();

            assertThatThrownBy(() -> engine.deploy(List.of(BpmnFile.of("broken.bpmn", "<bpmn:definitions"))))
                    .isInstanceOfSatisfying(EngineException.DeploymentRejected.class,
                            e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.file()).isEqualTo("broken.bpmn")));
        }
    }
}
