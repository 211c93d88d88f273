package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.StartInstanceRequest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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

    private static BpmnFile variant(String name, String... replacements) {
        String xml = new String(Engines.bpmn(name).content(), StandardCharsets.UTF_8);
        for (int i = 0; i < replacements.length; i += 2) xml = xml.replace(replacements[i], replacements[i + 1]);
        return BpmnFile.of(name, xml);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void bindingByVersionTagCallsTheNewestVersionCarryingTheTagAndAMissingTagIsAnIncident(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("call-tagged-child.bpmn", "call-tagged-parent.bpmn"));
            engine.deploy(java.util.List.of(variant("call-tagged-child.bpmn", "list-A", "list-B")));
            engine.deploy(java.util.List.of(variant("call-tagged-child.bpmn", "list-A", "list-C", "versionTag=\"1.0\"", "versionTag=\"2.0\"")));
            assertThat(engine.definitions().stream().filter(d -> d.processId().equals("pricing"))
                    .map(d -> d.version() + "=" + d.versionTag()).toList()).containsExactly("1=1.0", "2=1.0", "3=2.0");

            // pricing:3 is the latest, but the newest version tagged 1.0 is pricing:2
            String parent = Flows.start(engine, "quoteByTag", Map.of("pricingTag", "1.0"));
            awaitTokensAt(engine, parent, "Review");
            String child = engine.family(parent).childInstanceIds().get(0);
            assertThat(engine.instance(child).definitionId()).isEqualTo("pricing:2");
            assertThat(entered(engine, child)).containsExactly("PStart", "PickList", "PEnd");
            assertThat(entered(engine, parent)).containsExactly("Start", "CallPricing", "Review");
            assertThat(engine.instance(parent).variables()).containsEntry("priceList", "list-B");

            String missing = Flows.start(engine, "quoteByTag", Map.of("pricingTag", "3.0"));
            Engines.await(Duration.ofSeconds(20), "an incident at CallPricing", () -> !engine.incidents(missing, true).isEmpty());
            var incident = engine.incidents(missing, true).get(0);
            assertThat(incident.elementId()).isEqualTo("CallPricing");
            assertThat(incident.message()).contains("'pricing'").contains("version tag '3.0'");
            assertThat(engine.family(missing).childInstanceIds()).isEmpty();
            assertThat(engine.instance(missing).state()).isEqualTo(InstanceState.ACTIVE);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aCamunda8VersionTagBindingCallsTheVersionTaggedByZeebeVersionTag(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("call-tagged-zeebe-child.bpmn", "call-tagged-zeebe.bpmn"));
            engine.deploy(java.util.List.of(variant("call-tagged-zeebe-child.bpmn", "value=\"stable\"", "value=\"beta\"",
                    "=weight * 2", "=weight * 5")));
            assertThat(engine.definitions().stream().filter(d -> d.processId().equals("rates")).map(d -> d.versionTag()).toList())
                    .containsExactly("stable", "beta");

            String parent = Flows.start(engine, "shippingQuote", Map.of("weight", 7));
            Flows.awaitState(engine, parent, InstanceState.COMPLETED);
            String child = engine.family(parent).childInstanceIds().get(0);
            assertThat(engine.instance(child).definitionId()).isEqualTo("rates:1");
            assertThat(entered(engine, parent)).containsExactly("ZStart", "CallRates", "ZEnd");
            assertThat(engine.instance(parent).variables()).containsEntry("rate", 14);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void localInMappingsPassOnlyTheCallActivitysOwnVariablesAndLocalOutputsStayLocal(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("call-local.bpmn", "call-child.bpmn"));
            String parent = Flows.start(engine, "localMappings", Map.of("amount", 10, "secret", "x"));

            String child = awaitCalledChild(engine, parent);
            awaitTokensAt(engine, child, "Confirm");
            // in variables="all" local="true": the input parameters only, not the instance's amount and secret
            assertThat(engine.instance(child).variables()).containsEntry("sum", 11).containsEntry("reason", "audit")
                    .containsEntry("why", "audit").containsEntry("score", 22).doesNotContainKeys("amount", "secret");

            complete(engine, child, "Confirm", Map.of());
            awaitTokensAt(engine, parent, "Review");
            // score came out as a local of the call activity: its output parameter moved it on as creditScore, then it was gone
            assertThat(engine.instance(parent).variables()).containsEntry("creditScore", 22).containsEntry("checkedSum", 11)
                    .containsEntry("amount", 10).doesNotContainKeys("score", "sum", "reason", "why");
            assertThat(entered(engine, parent)).containsExactly("Start", "Check", "Review");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void allVariablesOutLocallyAreSeenOnlyByTheCallActivitysOutputParameters(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("call-local.bpmn", "call-child.bpmn"));
            String parent = Flows.start(engine, "localAllOut", Map.of("amount", 10));

            String child = awaitCalledChild(engine, parent);
            awaitTokensAt(engine, child, "Confirm");
            complete(engine, child, "Confirm", Map.of("confirmedBy", "ana"));
            awaitTokensAt(engine, parent, "AReview");
            assertThat(engine.instance(parent).variables()).containsEntry("finalScore", 20).containsEntry("amount", 10)
                    .doesNotContainKeys("score", "sum", "confirmedBy");
            assertThat(entered(engine, parent)).containsExactly("AStart", "CheckAll", "AReview");
        }
    }
}
