package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.IncidentView;
import dev.baton.model.api.InstanceState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static dev.baton.engine.Flows.complete;
import static dev.baton.engine.Flows.start;
import static dev.baton.engine.Flows.tokenElements;
import static org.assertj.core.api.Assertions.assertThat;

/** Parallel, inclusive and exclusive gateways: forks, joins that count tokens, and conditions that fail. */
class GatewayTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void aParallelJoinWaitsForATokenOnEveryIncomingFlow(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("parallel.bpmn"));
            String id = start(engine, "parallel", Map.of());
            // the pass-through task already reached the join; two user tasks are open
            assertThat(tokenElements(engine, id)).containsExactly("Bill", "Join", "Pack");

            complete(engine, id, "Pack", Map.of("packed", true));
            assertThat(tokenElements(engine, id)).containsExactly("Bill", "Join", "Join");
            complete(engine, id, "Bill", Map.of("billed", true));

            assertThat(tokenElements(engine, id)).containsExactly("Ship");
            complete(engine, id, "Ship", Map.of());
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(Flows.entered(engine, id).stream().filter("Ship"::equals)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anInclusiveGatewayForksOnTheConditionsThatHoldAndJoinsOnlyThose(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("inclusive.bpmn"));

            String both = start(engine, "inclusive", Map.of("mail", true, "sms", true));
            assertThat(tokenElements(engine, both)).containsExactly("Mail", "Sms");
            complete(engine, both, "Mail", Map.of());
            assertThat(tokenElements(engine, both)).containsExactly("Join", "Sms");
            complete(engine, both, "Sms", Map.of());
            assertThat(tokenElements(engine, both)).containsExactly("Done");

            String one = start(engine, "inclusive", Map.of("mail", false, "sms", true));
            assertThat(tokenElements(engine, one)).containsExactly("Sms");
            complete(engine, one, "Sms", Map.of());
            // the join does not wait for the mail branch, which no token can reach
            assertThat(tokenElements(engine, one)).containsExactly("Done");

            String none = start(engine, "inclusive", Map.of("mail", false, "sms", false));
            assertThat(tokenElements(engine, none)).containsExactly("Done");
            assertThat(Flows.entered(engine, none)).contains("Nobody");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anExclusiveGatewayWithoutAMatchingConditionOrDefaultOpensAnIncident(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("subprocess-terminate.bpmn"));
            String id = start(engine, "subprocessTerminate", Map.of("fraud", false));
            complete(engine, id, "Review", Map.of());
            complete(engine, id, "Verify", Map.of());
            // 'stop' is not set: both conditions of 'Decide' fail to evaluate
            complete(engine, id, "After", Map.of());

            IncidentView incident = engine.instance(id).incidents().get(0);
            assertThat(incident.elementId()).isEqualTo("Decide");
            assertThat(incident.message()).contains("${stop}").contains("Decide");
            assertThat(engine.instance(id).tokens()).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo("INCIDENT"));

            engine.setVariables(id, Map.of("stop", false));
            engine.retryIncident(incident.id(), null);
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void whenConditionsEvaluateButNoneHoldsTheIncidentSaysSo(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("scripts-juel.bpmn"));
            // total is 10; limit.amount is a string, so neither comparison holds an answer of true
            String id = start(engine, "scriptsJuel", Map.of("quantity", 2, "unitPrice", 5, "limit", Map.of("amount", "NaN-ish")));

            IncidentView incident = engine.instance(id).incidents().get(0);
            assertThat(incident.elementId()).isEqualTo("Check");
            assertThat(incident.message()).contains("limit.amount").contains("'Big order?' (Check)");
        }
    }
}
