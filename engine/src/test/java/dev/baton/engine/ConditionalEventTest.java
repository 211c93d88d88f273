package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.InstanceState;
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
 * Conditional events as Camunda 7 runs them: evaluated when their scope begins (an intermediate catch on arrival),
 * then again on every change of the instance's variables.
 */
class ConditionalEventTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void anIntermediateConditionalEventPassesAtOnceWhenItsConditionHoldsOnArrival(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("conditional.bpmn"));
            String id = start(engine, "waitForStock", Map.of("stock", 5));

            assertThat(tokenElements(engine, id)).containsExactly("Ship");
            assertThat(entered(engine, id)).containsSubsequence("Start", "InStock", "Ship");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anIntermediateConditionalEventWaitsUntilAVariableChangeMakesItTrue(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("conditional.bpmn"));
            // stock is not set yet: as in Camunda 7 that reads as "not yet", not as a failure
            String id = start(engine, "waitForStock", Map.of());
            assertThat(tokenElements(engine, id)).containsExactly("InStock");
            assertThat(engine.incidents(id, true)).isEmpty();

            engine.setVariables(id, Map.of("stock", 0));
            engine.setVariables(id, Map.of("note", "supplier called"));
            assertThat(tokenElements(engine, id)).containsExactly("InStock");

            engine.setVariables(id, Map.of("stock", 3));
            assertThat(tokenElements(engine, id)).containsExactly("Ship");
            complete(engine, id, "Ship", Map.of());
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void conditionalBoundaryEventsFireOnVariableChangesInterruptingOrNot(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("conditional.bpmn"));
            String id = start(engine, "reviewOffer", Map.of("price", 50, "withdrawn", false));
            assertThat(tokenElements(engine, id)).containsExactly("Review");

            // the non-interrupting event fires on each change that leaves its condition true; the task stays
            engine.setVariables(id, Map.of("price", 150));
            assertThat(tokenElements(engine, id)).containsExactly("ApprovePrice", "Review");
            // Withdrawn listens only to changes of 'withdrawn' (camunda:variableName), though price > 1000 now
            engine.setVariables(id, Map.of("price", 2000));
            assertThat(tokenElements(engine, id)).containsExactly("ApprovePrice", "ApprovePrice", "Review");

            // a task completed with variables changes them too: the interrupting event cancels the review
            complete(engine, id, "ApprovePrice", Map.of("withdrawn", true));
            assertThat(tokenElements(engine, id)).containsExactly("ApprovePrice");
            assertThat(engine.history(id)).filteredOn(e -> e.type().equals("ELEMENT_CANCELED")).extracting(HistoryEvent::elementId)
                    .containsExactly("Review");
            complete(engine, id, "ApprovePrice", Map.of());

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            List<String> path = entered(engine, id);
            assertThat(path).containsSubsequence("Review", "PriceChanged", "ApprovePrice", "PriceChanged", "ApprovePrice",
                    "Withdrawn", "WithdrawnEnd").doesNotContain("Reviewed");
            assertThat(path.stream().filter("PriceChanged"::equals).count()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aConditionalBoundaryEventThatHoldsWhenTheActivityIsEnteredFiresAtOnce(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("conditional.bpmn"));
            String id = start(engine, "reviewOffer", Map.of("price", 50, "withdrawn", true));

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).containsSubsequence("Review", "Withdrawn", "WithdrawnEnd").doesNotContain("Reviewed", "PriceChanged");
            assertThat(engine.tasks(null, null, null, id)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void conditionalEventSubprocessesStartWhenAScriptResultOrAnApiCallMakesThemTrue(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("conditional.bpmn"));
            String id = start(engine, "loanApplication", Map.of("amount", 5000, "flags", 0));
            // the event subprocesses' start events listen while the process runs
            assertThat(tokenElements(engine, id)).containsExactly("Check", "HighRiskStart", "WithdrawStart");

            // the script's result makes the non-interrupting start true: it runs beside the main path, once
            complete(engine, id, "Check", Map.of());
            assertThat(tokenElements(engine, id)).containsExactly("Decide", "HighRiskStart", "WithdrawStart");
            assertThat(engine.instance(id).variables()).containsEntry("risk", "high").containsEntry("flags", 1);

            // a variable set through the API makes the interrupting start true: the rest of the process stops
            engine.setVariables(id, Map.of("withdrawn", true));
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).containsSubsequence("Check", "Score", "Decide", "HighRisk", "HighRiskStart", "Flag",
                    "Flagged", "Withdraw", "WithdrawStart", "AppWithdrawn").doesNotContain("LEnd");
            assertThat(engine.history(id)).filteredOn(e -> e.type().equals("ELEMENT_CANCELED")).extracting(HistoryEvent::elementId)
                    .contains("Decide");
            assertThat(engine.tasks(null, null, null, id)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anInterruptingConditionalEventSubprocessThatHoldsWhenTheScopeStartsStartsAtOnce(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("conditional.bpmn"));
            String id = start(engine, "loanApplication", Map.of("amount", 10, "flags", 0, "withdrawn", true));

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).containsSubsequence("LStart", "Withdraw", "WithdrawStart", "AppWithdrawn")
                    .doesNotContain("LEnd", "HighRisk");
            assertThat(engine.tasks(null, null, null, id)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aConditionalEventAfterAnEventBasedGatewayWinsWhenAVariableChangeMakesItTrue(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("conditional.bpmn"));
            String id = start(engine, "paidOrExpired", Map.of("paid", false));
            assertThat(tokenElements(engine, id)).containsExactly("Race");

            engine.setVariables(id, Map.of("paid", true));
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).containsSubsequence("Race", "Paid", "PaidEnd").doesNotContain("Expired", "ExpiredEnd");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aConditionalEventWhosePathKeepsItsConditionTrueBecomesAnIncidentInsteadOfRunningForever(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("conditional.bpmn"));
            String id = start(engine, "feedback", Map.of("level", 0));

            engine.setVariables(id, Map.of("level", 11));
            assertThat(engine.incidents(id, true)).singleElement().satisfies(i -> {
                assertThat(i.elementId()).isEqualTo("Watch");
                assertThat(i.message()).contains("High", "fired 1000 times");
            });
            assertThat(entered(engine, id).stream().filter("Raise"::equals).count()).isEqualTo(1000);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void variableEventsLimitTheReevaluationToTheNamedKindOfChange(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("conditional.bpmn"));
            String id = start(engine, "onNewVariable", Map.of("count", 0));

            // an update makes the condition true, but the event listens only to created variables
            engine.setVariables(id, Map.of("count", 5));
            assertThat(tokenElements(engine, id)).containsExactly("Created");
            engine.setVariables(id, Map.of("note", "new"));
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void conditionalStartEventsStartTheProcessesWhoseConditionHoldsForTheGivenVariables(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("conditional-start.bpmn"));

            var both = engine.evaluateStartConditions(Map.of("amount", 5000), "o-1", null);
            assertThat(both).extracting(dev.baton.model.api.InstanceView::processId).containsExactlyInAnyOrder("bigOrder", "anyOrder");
            String big = both.stream().filter(i -> i.processId().equals("bigOrder")).findFirst().orElseThrow().id();
            assertThat(tokenElements(engine, big)).containsExactly("Review");
            assertThat(engine.instance(big).variables()).containsEntry("amount", 5000);
            assertThat(engine.instance(big).businessKey()).isEqualTo("o-1");
            assertThat(entered(engine, big)).startsWith("BigStart", "Review");

            assertThat(engine.evaluateStartConditions(Map.of("amount", 10), null, null))
                    .extracting(dev.baton.model.api.InstanceView::processId).containsExactly("anyOrder");
            assertThat(engine.evaluateStartConditions(Map.of("amount", 5000), null, "bigOrder"))
                    .extracting(dev.baton.model.api.InstanceView::processId).containsExactly("bigOrder");
            // a condition over a variable that is not given does not hold
            assertThat(engine.evaluateStartConditions(Map.of(), null, null)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aSignalAfterAnEventBasedGatewayWinsWhenItComesFirst(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("conditional.bpmn"));
            String id = start(engine, "paidOrExpired", Map.of("paid", false));

            assertThat(engine.signal(new dev.baton.model.api.SignalRequest("recall-offer", Map.of("why", "stock"))).caughtBy()).containsExactly(id);
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).containsSubsequence("Race", "Recalled", "RecalledEnd").doesNotContain("Paid", "Expired");
            assertThat(engine.instance(id).variables()).containsEntry("why", "stock");
        }
    }
}
