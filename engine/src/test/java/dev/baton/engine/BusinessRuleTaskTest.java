package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.engine.external.ExternalTasks;
import dev.baton.model.api.DecisionSummary;
import dev.baton.model.api.DeploymentResult;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.IncidentView;
import dev.baton.model.api.InstanceState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.baton.engine.Flows.awaitTokensAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Business rule tasks: DMN decisions deployed with the process (Camunda 7 and 8 forms), or a service task's forms. */
class BusinessRuleTaskTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void camunda7DecisionsMapTheirResultAsSingleResultSingleEntryCollectEntriesAndResultList(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            DeploymentResult deployed = engine.deploy(Engines.files("loan-camunda7.bpmn", "loan-decisions.dmn"));
            assertThat(deployed.decisions()).extracting(DecisionSummary::id)
                    .containsExactlyInAnyOrder("loanApproval:1", "riskClass:1", "loanChecks:1");

            String id = Flows.start(engine, "loanC7", Map.of("amount", 20000, "creditScore", 550));
            awaitTokensAt(engine, id, "Review");
            Map<String, Object> vars = engine.instance(id).variables();
            // FIRST: rule 3 wins (20000 is not above 50000, 550 is not below 500)
            assertThat(vars.get("approval")).isEqualTo(Map.of("decision", "approve", "reason", "within limits"));
            // the input mapping gave the decision its applicantScore; it stays local to the task
            assertThat(vars).containsEntry("risk", "B").doesNotContainKey("applicantScore");
            // COLLECT: every matching rule, in rule order
            assertThat(vars.get("checks")).isEqualTo(List.of("identity", "manager review", "credit bureau"));
            assertThat(vars.get("checkRows")).isEqualTo(List.of(Map.of("check", "identity"), Map.of("check", "manager review"),
                    Map.of("check", "credit bureau")));
            assertThat(Flows.entered(engine, id)).containsSubsequence("Approve", "Risk", "Checks", "CheckRows", "Review");
            assertThat(engine.history(id)).filteredOn(e -> e.type().equals("DECISION_EVALUATED")).extracting(HistoryEvent::elementId)
                    .containsExactly("Approve", "Risk", "Checks", "CheckRows");

            String rejected = Flows.start(engine, "loanC7", Map.of("amount", 90000, "creditScore", 800));
            awaitTokensAt(engine, rejected, "Review");
            assertThat(engine.instance(rejected).variables()).containsEntry("risk", "A")
                    .containsEntry("approval", Map.of("decision", "reject", "reason", "amount too large"))
                    .containsEntry("checks", List.of("identity", "manager review"));
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aNewDmnVersionIsUsedByTheNextEvaluationAndAnUnchangedFileKeepsItsVersion(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("loan-camunda7.bpmn", "loan-decisions.dmn"));
            assertThat(engine.deploy(Engines.files("loan-decisions.dmn")).decisions()).extracting(DecisionSummary::version)
                    .containsOnly(1);
            String v2 = new String(Engines.bpmn("loan-decisions.dmn").content(), StandardCharsets.UTF_8)
                    .replace("\"within limits\"", "\"fine\"");
            assertThat(engine.deploy(List.of(BpmnFile.of("loan-decisions.dmn", v2))).decisions()).extracting(DecisionSummary::id)
                    .contains("loanApproval:2");

            String id = Flows.start(engine, "loanC7", Map.of("amount", 100, "creditScore", 900));
            awaitTokensAt(engine, id, "Review");
            assertThat(engine.instance(id).variables().get("approval")).isEqualTo(Map.of("decision", "approve", "reason", "fine"));
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void bindingsPickTheLatestTheNamedVersionOrTheVersionDeployedWithTheProcess(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("business-rule-bindings.bpmn", "loan-decisions.dmn"));
            String v2 = new String(Engines.bpmn("loan-decisions.dmn").content(), StandardCharsets.UTF_8)
                    .replace("\"within limits\"", "\"version two\"");
            engine.deploy(List.of(BpmnFile.of("loan-decisions.dmn", v2)));
            String v3 = v2.replace("\"version two\"", "\"version three\"");
            engine.deploy(List.of(BpmnFile.of("loan-decisions.dmn", v3)));

            String id = Flows.start(engine, "loanBindings", Map.of("amount", 100, "creditScore", 900, "pinnedVersion", 2));
            awaitTokensAt(engine, id, "Review");
            Map<String, Object> vars = engine.instance(id).variables();
            assertThat(vars.get("latest")).isEqualTo(Map.of("decision", "approve", "reason", "version three"));
            assertThat(vars.get("pinned")).isEqualTo(Map.of("decision", "approve", "reason", "version two"));
            assertThat(vars.get("sameDeployment")).isEqualTo(Map.of("decision", "approve", "reason", "within limits"));

            String missing = Flows.start(engine, "loanBindings", Map.of("amount", 100, "creditScore", 900, "pinnedVersion", 7));
            Engines.await(Duration.ofSeconds(20), "an incident", () -> !engine.instance(missing).incidents().isEmpty());
            assertThat(engine.instance(missing).incidents().get(0).message()).contains("loanApproval version 7").contains("Pinned");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aBindingByVersionTagOrAnUnknownResultMappingIsRefusedAtDeploymentNamingTheTask(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            String xml = new String(Engines.bpmn("loan-camunda7.bpmn").content(), StandardCharsets.UTF_8)
                    .replace("camunda:decisionRefBinding=\"latest\"", "camunda:decisionRefBinding=\"versionTag\"")
                    .replace("camunda:mapDecisionResult=\"collectEntries\"", "camunda:mapDecisionResult=\"firstEntry\"");
            assertThatThrownBy(() -> engine.deploy(List.of(BpmnFile.of("loan.bpmn", xml), Engines.bpmn("loan-decisions.dmn"))))
                    .isInstanceOfSatisfying(EngineException.DeploymentRejected.class, e -> assertThat(e.problems())
                            .extracting(p -> p.elementId() + ": " + p.message()).containsExactlyInAnyOrder(
                                    "Risk: business rule task 'Classify the risk' (Risk) binds its decision by versionTag; the engine binds by latest, version or deployment",
                                    "Checks: business rule task 'List the checks' (Checks) maps its decision result by firstEntry; use singleEntry, singleResult, collectEntries or resultList"));
            assertThat(engine.definitions()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void camunda8CalledDecisionStoresAContextForFirstAndAListForCollect(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("loan-camunda8.bpmn", "loan-decisions.dmn"));
            String id = Flows.start(engine, "loanC8", Map.of("amount", 5000, "creditScore", 450));
            awaitTokensAt(engine, id, "Review");
            assertThat(engine.instance(id).variables())
                    .containsEntry("approval", Map.of("decision", "reject", "reason", "credit score too low"))
                    .containsEntry("checks", List.of("identity", "credit bureau"));
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aBadDmnFileIsRefusedNamingTheFileAndNothingOfTheDeploymentIsStored(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            String broken = new String(Engines.bpmn("loan-decisions.dmn").content(), StandardCharsets.UTF_8)
                    .replace("hitPolicy=\"COLLECT\"", "hitPolicy=\"SOMETIMES\"");
            assertThatThrownBy(() -> engine.deploy(List.of(Engines.bpmn("loan-camunda7.bpmn"), BpmnFile.of("loan-decisions.dmn", broken))))
                    .isInstanceOfSatisfying(EngineException.DeploymentRejected.class, e -> assertThat(e.problems()).singleElement()
                            .satisfies(p -> {
                                assertThat(p.file()).isEqualTo("loan-decisions.dmn");
                                assertThat(p.message()).contains("DMN file cannot be read").contains("SOMETIMES");
                                assertThat(p.line()).isEqualTo(57);
                            }));
            assertThat(engine.definitions()).isEmpty();
            assertThatThrownBy(() -> Flows.start(engine, "loanC7", Map.of())).isInstanceOf(EngineException.NotFound.class);

            // a DOCTYPE (entity expansion, external entities) is refused before the DMN parser sees the file
            String hostile = "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                    + new String(Engines.bpmn("loan-decisions.dmn").content(), StandardCharsets.UTF_8).replaceFirst("<\\?xml[^>]*>", "");
            assertThatThrownBy(() -> engine.deploy(List.of(BpmnFile.of("hostile.dmn", hostile))))
                    .isInstanceOfSatisfying(EngineException.DeploymentRejected.class, e -> assertThat(e.problems()).singleElement()
                            .satisfies(p -> {
                                assertThat(p.file()).isEqualTo("hostile.dmn");
                                assertThat(p.message()).contains("DOCTYPE");
                                assertThat(p.line()).isEqualTo(2);
                            }));
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aDecisionThatIsNotDeployedBecomesAnIncidentNamingItAndRunsOnceItIsDeployedAndRetried(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("business-rule-forms.bpmn"));
            String id = Flows.start(engine, "missingDecision", Map.of("weight", 12));
            Engines.await(Duration.ofSeconds(20), "an incident", () -> !engine.instance(id).incidents().isEmpty());
            IncidentView incident = engine.instance(id).incidents().get(0);
            assertThat(incident.elementId()).isEqualTo("Decide");
            assertThat(incident.kind()).isEqualTo("DECISION");
            assertThat(incident.message()).contains("shippingMode").contains("Decide");

            engine.deploy(List.of(BpmnFile.of("shipping.dmn", """
                    <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="shipping" name="Shipping" namespace="http://baton.dev/test">
                      <decision id="shippingMode" name="Shipping mode">
                        <decisionTable id="t" hitPolicy="UNIQUE">
                          <input id="i"><inputExpression id="e" typeRef="number"><text>weight</text></inputExpression></input>
                          <output id="o" name="mode" typeRef="string"/>
                          <rule id="a"><inputEntry id="a1"><text>&lt;= 10</text></inputEntry><outputEntry id="a2"><text>"parcel"</text></outputEntry></rule>
                          <rule id="b"><inputEntry id="b1"><text>&gt; 10</text></inputEntry><outputEntry id="b2"><text>"freight"</text></outputEntry></rule>
                        </decisionTable>
                      </decision>
                    </definitions>""")));
            engine.retryIncident(incident.id(), null);
            assertThat(Flows.awaitState(engine, id, InstanceState.COMPLETED).variables()).containsEntry("mode", "freight");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aDecisionResultTheMappingCannotTakeBecomesAnIncidentNamingTheDecisionAndTheError(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("business-rule-forms.bpmn", "loan-decisions.dmn"));
            String id = Flows.start(engine, "wrongMapping", Map.of("amount", 20000, "creditScore", 550));
            Engines.await(Duration.ofSeconds(20), "an incident", () -> !engine.instance(id).incidents().isEmpty());
            IncidentView incident = engine.instance(id).incidents().get(0);
            assertThat(incident.elementId()).isEqualTo("OneCheck");
            assertThat(incident.message()).contains("loanChecks:1").contains("failed");
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.ACTIVE);
            assertThat(engine.instance(id).variables()).doesNotContainKey("check");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anExpressionOrExternalTaskBusinessRuleTaskRunsAsAServiceTask(Db db) throws InterruptedException {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("business-rule-forms.bpmn"));
            String id = Flows.start(engine, "ruleForms", Map.of("amount", 2500));
            awaitTokensAt(engine, id, "Rate");
            assertThat(engine.instance(id).variables()).containsEntry("large", true);

            List<ExternalTasks.Locked> locked = engine.externalTasks().fetchAndLock("w1", 1, false,
                    List.of(new ExternalTasks.Topic("rating", 10_000, null, null, null, null, null, null)), 5_000);
            assertThat(locked).singleElement().satisfies(t -> {
                assertThat(t.activityId()).isEqualTo("Rate");
                assertThat(t.variables()).containsEntry("amount", 2500);
            });
            engine.externalTasks().complete(locked.get(0).id(), "w1", Map.of("rating", "AA"));
            assertThat(Flows.awaitState(engine, id, InstanceState.COMPLETED).variables()).containsEntry("rating", "AA");
        }
    }
}
