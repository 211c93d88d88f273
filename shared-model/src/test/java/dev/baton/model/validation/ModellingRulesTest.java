package dev.baton.model.validation;

import static dev.baton.model.validation.Bpmn.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import dev.baton.model.EventDefinition.TimerKind;
import dev.baton.model.SequenceFlow;
import dev.baton.model.Task;
import dev.baton.model.Expression;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** bpmnlint's recommended rules: for each, a model that breaks it and one that keeps it. */
class ModellingRulesTest {

    @Nested
    class AdHocSubProcess {
        @Test
        void startEndAndDeadEndCatchEventsInsideAnAdHocSubprocessAreReported() {
            Definitions d = process(p -> p.start("s").sub("adhoc", "Research", ElementKind.AD_HOC_SUB_PROCESS, in -> in
                    .start("innerStart").task("a", "Read").end("innerEnd")
                    .catchEvent("wait", timer(TimerKind.DURATION, "PT1H"))).end("e").chain("s", "adhoc", "e"));

            assertThat(ids(problems(d, "ad-hoc-sub-process"))).containsExactly("innerStart", "innerEnd", "wait");
            assertThat(problems(d, "ad-hoc-sub-process").get(0).message()).isEqualTo(
                    "Start event 'Start innerStart' is not allowed in ad-hoc subprocess 'Research'; its activities start on their own.");
        }

        @Test
        void looseActivitiesAndConnectedCatchEventsAreFine() {
            Definitions d = process(p -> p.start("s").sub("adhoc", "Research", ElementKind.AD_HOC_SUB_PROCESS, in -> in
                    .task("a", "Read").task("b", "Write").catchEvent("wait", timer(TimerKind.DURATION, "PT1H")).chain("wait", "b"))
                    .end("e").chain("s", "adhoc", "e"));

            assertThat(problems(d, "ad-hoc-sub-process")).isEmpty();
        }
    }

    @Nested
    class ConditionalFlows {
        @Test
        void aForkWithOneConditionalFlowNeedsConditionsOnTheOthers() {
            Definitions d = process(p -> p.gateway("g", "Paid?", ElementKind.EXCLUSIVE_GATEWAY).task("a", "Ship").task("b", "Remind")
                    .when("yes", "g", "a", "${paid}").flow("no", "g", "b"));

            assertThat(ids(problems(d, "conditional-flows"))).containsExactly("no");
        }

        @Test
        void aDefaultFlowNeedsNoCondition() {
            Definitions d = process(p -> p.gateway("g", "Paid?", ElementKind.EXCLUSIVE_GATEWAY).task("a", "Ship").task("b", "Remind")
                    .when("yes", "g", "a", "${paid}").flow("no", "g", "b").defaultFlow("g", "no"));

            assertThat(problems(d, "conditional-flows")).isEmpty();
        }

        @Test
        void anActivityWithADefaultFlowCountsAsAConditionalFork() {
            Definitions d = process(p -> p.task("t", "Check").task("a", "A").task("b", "B").task("c", "C")
                    .flow("f1", "t", "a").flow("f2", "t", "b").when("f3", "t", "c", "${x}").defaultFlow("t", "f1"));

            assertThat(ids(problems(d, "conditional-flows"))).containsExactly("f2");
        }
    }

    @Nested
    class StartAndEndEventRequired {
        @Test
        void aProcessAndASubprocessWithoutStartOrEndAreReported() {
            Definitions d = process(p -> p.task("t", "Work").sub("sp", "Inner", in -> in.task("x", "X")));

            assertThat(ids(problems(d, "start-event-required"))).containsExactly("Process_1", "sp");
            assertThat(ids(problems(d, "end-event-required"))).containsExactly("Process_1", "sp");
            assertThat(problems(d, "start-event-required").get(1).message()).isEqualTo(
                    "Subprocess 'Inner' has no start event; add one so it is clear where it begins.");
        }

        @Test
        void adHocSubprocessesNeedNeither() {
            Definitions d = process(p -> p.start("s").sub("sp", "Inner", ElementKind.AD_HOC_SUB_PROCESS, in -> in.task("x", "X"))
                    .end("e").chain("s", "sp", "e"));

            assertThat(problems(d, "start-event-required")).isEmpty();
            assertThat(problems(d, "end-event-required")).isEmpty();
        }
    }

    @Nested
    class EventBasedGateway {
        @Test
        void oneOutgoingFlowOrAConditionalFlowIsReported() {
            Definitions d = process(p -> p.gateway("g", null, ElementKind.EVENT_BASED_GATEWAY)
                    .catchEvent("m", message("Msg")).when("f", "g", "m", "${x}"));

            assertThat(ids(problems(d, "event-based-gateway"))).containsExactly("g", "f");
        }

        @Test
        void twoUnconditionalFlowsToCatchEventsAreFine() {
            Definitions d = process(p -> p.gateway("g", null, ElementKind.EVENT_BASED_GATEWAY)
                    .catchEvent("m", message("Msg")).catchEvent("t", timer(TimerKind.DURATION, "PT1H")).chain("g", "m").chain("g", "t"));

            assertThat(problems(d, "event-based-gateway")).isEmpty();
        }
    }

    @Nested
    class EventSubProcessTypedStartEvent {
        @Test
        void aBlankStartInAnEventSubprocessIsReported() {
            Definitions d = process(p -> p.sub("esp", "On cancel", ElementKind.EVENT_SUB_PROCESS, in -> in.start("es").end("ee").chain("es", "ee")));

            assertThat(ids(problems(d, "event-sub-process-typed-start-event"))).containsExactly("es");
        }

        @Test
        void aMessageStartIsFine() {
            Definitions d = process(p -> p.sub("esp", "On cancel", ElementKind.EVENT_SUB_PROCESS, in -> in
                    .start("es", message("Cancel")).end("ee").chain("es", "ee")));

            assertThat(problems(d, "event-sub-process-typed-start-event")).isEmpty();
        }
    }

    @Nested
    class FakeJoin {
        @Test
        void aTaskWithTwoIncomingFlowsIsReported() {
            Definitions d = process(p -> p.task("a", "A").task("b", "B").task("c", "Charge card").chain("a", "c").chain("b", "c"));

            assertThat(problems(d, "fake-join")).singleElement().satisfies(pr -> {
                assertThat(pr.elementId()).isEqualTo("c");
                assertThat(pr.severity()).isEqualTo(Severity.WARNING);
                assertThat(pr.message()).startsWith("Task 'Charge card' has two incoming flows");
            });
        }

        @Test
        void gatewaysJoinSoTheyAreFine() {
            Definitions d = process(p -> p.task("a", "A").task("b", "B").gateway("j", null, ElementKind.PARALLEL_GATEWAY)
                    .task("c", "C").chain("a", "j").chain("b", "j", "c"));

            assertThat(problems(d, "fake-join")).isEmpty();
        }
    }

    @Nested
    class Global {
        @Test
        void unnamedUnusedAndDuplicateGlobalsAreReported() {
            Definitions d = doc()
                    .process("P", true, p -> p.start("s", message("M1")).end("e").chain("s", "e"))
                    .message("M1", "Order placed").message("M2", "Order placed").signal("S1", null).build();

            assertThat(problems(d, "global")).extracting(Problem::elementId, Problem::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("M1", "Message 'Order placed' shares its name with another message; names must be unique so each can be told apart."),
                    org.assertj.core.groups.Tuple.tuple("M2", "Message 'Order placed' is not used by any event, task or message flow; remove it or use it."),
                    org.assertj.core.groups.Tuple.tuple("M2", "Message 'Order placed' shares its name with another message; names must be unique so each can be told apart."),
                    org.assertj.core.groups.Tuple.tuple("S1", "Signal S1 has no name; give it one so events can refer to it by name."),
                    org.assertj.core.groups.Tuple.tuple("S1", "Signal S1 is not used by any event, task or message flow; remove it or use it."));
        }

        @Test
        void namedGlobalsUsedByEventsAndTasksAreFine() {
            Definitions d = doc()
                    .process("P", true, p -> p.start("s", message("M1")).add(new Task("r", "Wait", ElementKind.RECEIVE_TASK, null, null, "M2", null, null, false, null, null))
                            .end("e", error("E1")).chain("s", "r", "e"))
                    .message("M1", "Order placed").message("M2", "Paid").error("E1", "Card declined").build();

            assertThat(problems(d, "global")).isEmpty();
        }
    }

    @Nested
    class LabelRequired {
        @Test
        void tasksEventsForkingGatewaysConditionalFlowsPoolsAndLanesNeedALabel() {
            Definitions d = doc().process("P", true, p -> p
                            .add(dev.baton.model.Event.of("s", null, ElementKind.START_EVENT, null))
                            .task("t", null)
                            .gateway("g", " ", ElementKind.EXCLUSIVE_GATEWAY).task("a", "A").task("b", "B")
                            .chain("s", "t", "g").add(new SequenceFlow("c", null, "g", "a", Expression.of("${x}"), null, null, null))
                            .flow("plain", "g", "b")
                            .lane("L", null, "s"))
                    .pools(pool("Pool", null, "P")).build();

            assertThat(ids(problems(d, "label-required"))).containsExactly("L", "s", "t", "g", "c", "Pool");
        }

        @Test
        void joiningAndParallelGatewaysSubprocessesAndPlainFlowsNeedNone() {
            Definitions d = process(p -> p.task("a", "A").task("b", "B")
                    .gateway("join", null, ElementKind.EXCLUSIVE_GATEWAY)
                    .gateway("fork", null, ElementKind.PARALLEL_GATEWAY)
                    .gateway("evt", null, ElementKind.EVENT_BASED_GATEWAY)
                    .sub("sp", null, in -> { })
                    .chain("a", "join", "fork", "sp").chain("b", "join").chain("fork", "evt"));

            assertThat(problems(d, "label-required")).isEmpty();
        }
    }

    @Nested
    class LinkEvent {
        @Test
        void unnamedUnpairedAndAmbiguousLinksAreReported() {
            Definitions d = process(p -> p
                    .throwEvent("noName", link(null))
                    .throwEvent("lonelyThrow", link("A"))
                    .catchEvent("c1", link("B")).catchEvent("c2", link("B")).throwEvent("tB", link("B"))
                    .sub("sp", "Inner", in -> in.catchEvent("innerCatch", link("A"))));

            assertThat(ids(problems(d, "link-event"))).containsExactly("noName", "lonelyThrow", "c1", "c2", "innerCatch");
            assertThat(problems(d, "link-event").get(1).message())
                    .isEqualTo("Intermediate event 'Throw lonelyThrow' has no matching link catch event named 'A' in the same process.");
        }

        @Test
        void aThrowWithItsCatchInTheSameScopeIsFine() {
            Definitions d = process(p -> p.throwEvent("t1", link("A")).throwEvent("t2", link("A")).catchEvent("c", link("A")));

            assertThat(problems(d, "link-event")).isEmpty();
        }
    }

    @Nested
    class NoBpmndi {
        @Test
        void everyVisualElementOfEveryProcessIncludingNestedOnesNeedsDiagramInterchange() {
            Definitions d = doc().process("P", true, p -> p.start("s").sub("sp", "Inner", in -> in.task("deep", "Deep"))
                            .chain("s", "sp").association("assoc", "s", "sp")
                            .add(new dev.baton.model.DataObject("data", "Order", false, null, null, null)))
                    .pools(pool("Pool", "Shop", "P"))
                    .shape("Pool", 0, 0, 600, 200).shape("s", 10, 10, 36, 36).shape("sp", 100, 10, 100, 80)
                    .build();

            assertThat(ids(problems(d, "no-bpmndi"))).containsExactly("deep", "Flow_s_sp", "assoc");
            assertThat(problems(d, "no-bpmndi").get(0).message()).isEqualTo("Task 'Deep' is not drawn in any diagram (no BPMN DI shape or edge).");
        }

        @Test
        void aFullyDrawnDocumentIsFine() {
            Definitions d = doc().process("P", true, p -> p.start("s").end("e").chain("s", "e"))
                    .shape("s", 10, 10, 36, 36).shape("e", 100, 10, 36, 36).edge("Flow_s_e").build();

            assertThat(problems(d, "no-bpmndi")).isEmpty();
        }
    }

    @Nested
    class NoComplexAndNoInclusiveGateway {
        @Test
        void complexAndInclusiveGatewaysAreFlagged() {
            Definitions d = process(p -> p.gateway("cx", "C", ElementKind.COMPLEX_GATEWAY).gateway("in", "I", ElementKind.INCLUSIVE_GATEWAY));

            assertThat(problems(d, "no-complex-gateway")).singleElement().extracting(Problem::elementId, Problem::severity)
                    .containsExactly("cx", Severity.ERROR);
            assertThat(problems(d, "no-inclusive-gateway")).singleElement().extracting(Problem::elementId, Problem::severity)
                    .containsExactly("in", Severity.WARNING);
        }

        @Test
        void exclusiveAndParallelGatewaysAreFine() {
            Definitions d = process(p -> p.gateway("x", "X", ElementKind.EXCLUSIVE_GATEWAY).gateway("p", null, ElementKind.PARALLEL_GATEWAY));

            assertThat(problems(d, "no-complex-gateway")).isEmpty();
            assertThat(problems(d, "no-inclusive-gateway")).isEmpty();
        }
    }

    @Nested
    class NoDisconnected {
        @Test
        void aTaskWithNoFlowsAtAllIsReported() {
            Definitions d = process(p -> p.start("s").end("e").chain("s", "e").task("lost", "Forgotten"));

            assertThat(ids(problems(d, "no-disconnected"))).containsExactly("lost");
        }

        @Test
        void eventSubprocessesCompensationAndAdHocActivitiesAreFine() {
            Definitions d = process(p -> p.start("s").task("book", "Book").end("e").chain("s", "book", "e")
                    .boundary("comp", "book", compensate()).task("undo", "Cancel booking").forCompensation("undo")
                    .association("a", "comp", "undo")
                    .sub("esp", "On cancel", ElementKind.EVENT_SUB_PROCESS, in -> in.start("es", message("M")).end("ee").chain("es", "ee"))
                    .sub("adhoc", "Research", ElementKind.AD_HOC_SUB_PROCESS, in -> in.task("free", "Read"))
                    .start("s2").end("e2").chain("s2", "adhoc", "e2"));

            assertThat(problems(d, "no-disconnected")).isEmpty();
        }
    }

    @Nested
    class NoDuplicateSequenceFlows {
        @Test
        void twoFlowsWithTheSameEndsAndConditionAreReportedOnTheFlowAndItsEnds() {
            Definitions d = process(p -> p.task("a", "A").task("b", "B").flow("f1", "a", "b").flow("f2", "a", "b"));

            assertThat(ids(problems(d, "no-duplicate-sequence-flows"))).containsExactly("a", "b", "f2");
        }

        @Test
        void differentConditionsMakeDifferentFlows() {
            Definitions d = process(p -> p.task("a", "A").task("b", "B").when("f1", "a", "b", "${x}").when("f2", "a", "b", "${!x}"));

            assertThat(problems(d, "no-duplicate-sequence-flows")).isEmpty();
        }
    }

    @Nested
    class NoGatewayJoinFork {
        @Test
        void aGatewayWithTwoInAndTwoOutIsReported() {
            Definitions d = process(p -> p.task("a", "A").task("b", "B").gateway("g", "G", ElementKind.PARALLEL_GATEWAY)
                    .task("c", "C").task("e", "E").chain("a", "g", "c").chain("b", "g", "e"));

            assertThat(ids(problems(d, "no-gateway-join-fork"))).containsExactly("g");
        }

        @Test
        void separateJoinAndForkAreFine() {
            Definitions d = process(p -> p.task("a", "A").task("b", "B").gateway("j", null, ElementKind.PARALLEL_GATEWAY)
                    .gateway("f", null, ElementKind.PARALLEL_GATEWAY).task("c", "C").task("e", "E")
                    .chain("a", "j", "f", "c").chain("b", "j").chain("f", "e"));

            assertThat(problems(d, "no-gateway-join-fork")).isEmpty();
        }
    }

    @Nested
    class NoImplicitSplit {
        @Test
        void aTaskWithTwoUnconditionalOutgoingFlowsIsReported() {
            Definitions d = process(p -> p.task("t", "Charge card").task("a", "A").task("b", "B").chain("t", "a").chain("t", "b"));

            assertThat(problems(d, "no-implicit-split")).singleElement().satisfies(pr -> {
                assertThat(pr.elementId()).isEqualTo("t");
                assertThat(pr.message()).isEqualTo("Task 'Charge card' has two outgoing flows without conditions; "
                        + "add a gateway to say whether they run in parallel or one is chosen.");
            });
        }

        @Test
        void conditionalAndDefaultFlowsAreNotImplicit() {
            Definitions d = process(p -> p.task("t", "Check").task("a", "A").task("b", "B")
                    .when("f1", "t", "a", "${x}").flow("f2", "t", "b").defaultFlow("t", "f2"));

            assertThat(problems(d, "no-implicit-split")).isEmpty();
        }
    }

    @Nested
    class NoImplicitStartAndEnd {
        @Test
        void aTaskWithoutIncomingOrOutgoingFlowsIsReported() {
            Definitions d = process(p -> p.start("s").task("a", "A").task("b", "B").end("e").chain("s", "a").chain("b", "e"));

            assertThat(ids(problems(d, "no-implicit-end"))).containsExactly("a");
            assertThat(ids(problems(d, "no-implicit-start"))).containsExactly("b");
        }

        @Test
        void startsEndsBoundaryEventsEventSubprocessesLinksAndCompensationAreFine() {
            Definitions d = process(p -> p.start("s").task("book", "Book").throwEvent("goto", link("L"))
                    .catchEvent("land", link("L")).end("e")
                    .chain("s", "book", "goto").chain("land", "e")
                    .boundary("late", "book", timer(TimerKind.DURATION, "PT1H")).end("e2").chain("late", "e2")
                    .boundary("comp", "book", compensate()).task("undo", "Cancel booking").forCompensation("undo")
                    .association("a", "comp", "undo")
                    .sub("esp", "On cancel", ElementKind.EVENT_SUB_PROCESS, in -> in.start("es", message("M")).end("ee").chain("es", "ee")));

            assertThat(problems(d, "no-implicit-start")).isEmpty();
            assertThat(problems(d, "no-implicit-end")).isEmpty();
        }

        @Test
        void aCompensationBoundaryEventWithoutAnAssociationIsAnImplicitEnd() {
            Definitions d = process(p -> p.start("s").task("book", "Book").end("e").chain("s", "book", "e")
                    .boundary("comp", "book", compensate()));

            assertThat(ids(problems(d, "no-implicit-end"))).containsExactly("comp");
        }
    }

    @Nested
    class NoOverlappingElements {
        @Test
        void overlappingShapesAndShapesOutsideTheirPoolAreReported() {
            Definitions d = doc().process("P", true, p -> p.task("a", "A").task("b", "B").task("far", "Far"))
                    .pools(pool("Pool", "Shop", "P"))
                    .shape("Pool", 0, 0, 500, 200)
                    .shape("a", 50, 50, 100, 80).shape("b", 120, 60, 100, 80).shape("far", 450, 50, 100, 80)
                    .build();

            assertThat(problems(d, "no-overlapping-elements")).extracting(Problem::elementId, Problem::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("a", "Task 'A' overlaps task 'B'; move one of them."),
                    org.assertj.core.groups.Tuple.tuple("b", "Task 'B' overlaps task 'A'; move one of them."),
                    org.assertj.core.groups.Tuple.tuple("far", "Task 'Far' sticks out of pool 'Shop'; move it inside or enlarge the container."));
        }

        @Test
        void boundaryEventsOnTheirHostAndElementsInsideAnExpandedSubprocessAreFine() {
            Definitions d = doc().process("P", true, p -> p.task("a", "A")
                            .boundary("late", "a", timer(TimerKind.DURATION, "PT1H"))
                            .sub("sp", "Inner", in -> in.task("inner", "Inner task")))
                    .shape("a", 50, 50, 100, 80).shape("late", 132, 112, 36, 36)
                    .expandedShape("sp", 200, 0, 300, 200).shape("inner", 250, 50, 100, 80)
                    .build();

            assertThat(problems(d, "no-overlapping-elements")).isEmpty();
        }

        @Test
        void elementsSpillingOutOfAnExpandedSubprocessAreReported() {
            Definitions d = doc().process("P", true, p -> p.sub("sp", "Inner", in -> in.task("inner", "Inner task")))
                    .expandedShape("sp", 200, 0, 300, 200).shape("inner", 450, 50, 100, 80).build();

            assertThat(ids(problems(d, "no-overlapping-elements"))).containsExactly("inner");
        }
    }

    @Nested
    class SingleBlankStartEvent {
        @Test
        void twoBlankStartsInOneProcessAreReportedOnTheProcess() {
            Definitions d = process(p -> p.start("s1").start("s2"));

            assertThat(ids(problems(d, "single-blank-start-event"))).containsExactly("Process_1");
        }

        @Test
        void oneBlankAndOneMessageStartAreFine() {
            Definitions d = process(p -> p.start("s1").start("s2", message("M")));

            assertThat(problems(d, "single-blank-start-event")).isEmpty();
        }
    }

    @Nested
    class SingleEventDefinition {
        @Test
        void anEventWithTwoDefinitionsIsReported() {
            Definitions d = process(p -> p.event(new dev.baton.model.Event("m", "Multi", ElementKind.START_EVENT,
                    java.util.List.of(message("M"), timer(TimerKind.DURATION, "PT1H")), true, null, false, null, null, null, null, null, null)));

            assertThat(ids(problems(d, "single-event-definition"))).containsExactly("m");
        }

        @Test
        void oneDefinitionIsFine() {
            assertThat(problems(process(p -> p.start("s", message("M"))), "single-event-definition")).isEmpty();
        }
    }

    @Nested
    class SubProcessBlankStartEvent {
        @Test
        void aTypedStartInAnOrdinarySubprocessIsReported() {
            Definitions d = process(p -> p.sub("sp", "Inner", in -> in.start("in", timer(TimerKind.DURATION, "PT1H"))));

            assertThat(problems(d, "sub-process-blank-start-event")).singleElement().satisfies(pr ->
                    assertThat(pr.message()).contains("subprocess 'Inner' has a timer trigger"));
        }

        @Test
        void eventSubprocessesAndProcessesMayHaveTypedStarts() {
            Definitions d = process(p -> p.start("top", message("M"))
                    .sub("esp", "On", ElementKind.EVENT_SUB_PROCESS, in -> in.start("es", message("N"))));

            assertThat(problems(d, "sub-process-blank-start-event")).isEmpty();
        }
    }

    @Nested
    class SuperfluousGateway {
        @Test
        void aGatewayWithOneWayInAndOutIsReported() {
            Definitions d = process(p -> p.task("a", "A").gateway("g", null, ElementKind.EXCLUSIVE_GATEWAY).task("b", "B").chain("a", "g", "b"));

            assertThat(ids(problems(d, "superfluous-gateway"))).containsExactly("g");
        }

        @Test
        void aForkingGatewayIsFine() {
            Definitions d = process(p -> p.task("a", "A").gateway("g", null, ElementKind.PARALLEL_GATEWAY).task("b", "B").task("c", "C")
                    .chain("a", "g", "b").chain("g", "c"));

            assertThat(problems(d, "superfluous-gateway")).isEmpty();
        }
    }

    @Nested
    class SuperfluousTermination {
        @Test
        void aTerminateEndThatIsTheOnlyEndIsReported() {
            Definitions d = process(p -> p.start("s").task("t", "Work").end("stop", terminate()).chain("s", "t", "stop")
                    .sub("esp", "On cancel", ElementKind.EVENT_SUB_PROCESS, in -> in.start("es", message("M")).end("ee").chain("es", "ee")));

            assertThat(ids(problems(d, "superfluous-termination"))).containsExactly("stop");
        }

        @Test
        void aTerminateEndBesideAnotherEndIsFine() {
            Definitions d = process(p -> p.start("s").gateway("g", "Which?", ElementKind.PARALLEL_GATEWAY)
                    .end("stop", terminate()).task("t", "Work").end("e")
                    .chain("s", "g", "stop").chain("g", "t", "e"));

            assertThat(problems(d, "superfluous-termination")).isEmpty();
        }
    }

    @Nested
    class ConditionalEvent {
        @Test
        void aConditionalEventWithoutConditionInAnExecutableProcessIsReported() {
            Definitions d = process(p -> p.catchEvent("c", conditional(null)));

            assertThat(ids(problems(d, "conditional-event"))).containsExactly("c");
        }

        @Test
        void aConditionOrANonExecutableProcessIsFine() {
            assertThat(problems(process(p -> p.catchEvent("c", conditional("${stock > 0}"))), "conditional-event")).isEmpty();
            assertThat(problems(sketch(p -> p.catchEvent("c", conditional(null))), "conditional-event")).isEmpty();
        }
    }

    @Nested
    class StandardSize {
        @Test
        void odditySizedShapesAreReported() {
            Definitions d = doc().process("P", true, p -> p.task("t", "Wide").gateway("g", "G", ElementKind.EXCLUSIVE_GATEWAY).start("s"))
                    .pools(pool("Empty", "Customer", null))
                    .shape("t", 0, 0, 120, 80).shape("g", 200, 0, 50, 50).shape("s", 300, 0, 36, 36).shape("Empty", 0, 300, 600, 100)
                    .build();

            assertThat(problems(d, "standard-size")).extracting(Problem::elementId, Problem::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("t", "Task 'Wide' is drawn 120x80; the standard is 100x80."),
                    org.assertj.core.groups.Tuple.tuple("Empty", "Pool 'Customer' is drawn 600x100; the standard is height 60."));
        }

        @Test
        void expandedSubprocessesAndPoolsWithContentFollowTheirContent() {
            Definitions d = doc().process("P", true, p -> p.sub("sp", "Inner", in -> { }))
                    .pools(pool("Pool", "Shop", "P"))
                    .expandedShape("sp", 0, 0, 400, 250).shape("Pool", 0, 0, 900, 400).build();

            assertThat(problems(d, "standard-size")).isEmpty();
        }
    }
}
