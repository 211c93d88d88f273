package dev.baton.model.validation;

import static dev.baton.model.validation.Bpmn.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.ActivitySettings;
import dev.baton.model.CallActivity;
import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition.TimerKind;
import dev.baton.model.Expression;
import dev.baton.model.LoopCharacteristics;
import dev.baton.model.SequenceFlow;
import dev.baton.model.Task;
import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.Script;
import dev.baton.model.exec.UserTaskSettings;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Baton's exec-* rules: what stops an executable process from running, and that sketches are left alone. */
class ExecutabilityRulesTest {

    static final Implementation HTTP = new Implementation.HttpCall("POST", Expression.of("https://pay.example/charge"),
            null, null, null, null, null, null, null);

    @Test
    void sketchesThatAreNotExecutableGetNoExecutabilityProblems() {
        Definitions d = sketch(p -> p.task("t", "Charge card", ElementKind.SERVICE_TASK).task("s", "Script", ElementKind.SCRIPT_TASK)
                .call("c", "Sub", null));

        assertThat(new Validator().validateExecutability(d)).isEmpty();
    }

    @Nested
    class ServiceImplementation {
        @ParameterizedTest
        @ValueSource(strings = {"SERVICE_TASK", "SEND_TASK", "BUSINESS_RULE_TASK"})
        void aTaskThatShouldDoWorkButSaysNotHowIsReported(String kind) {
            Definitions d = process(p -> p.task("t", "Charge card", ElementKind.valueOf(kind)));

            assertThat(problems(d, "exec-service-implementation")).singleElement().satisfies(pr -> {
                assertThat(pr.severity()).isEqualTo(Severity.ERROR);
                assertThat(pr.message()).contains("'Charge card' does not say what it does").contains("HTTP").contains("external task");
            });
        }

        @Test
        void anHttpCallAndUserTasksWithoutAssigneeAreFine() {
            Definitions d = process(p -> p.service("t", "Charge card", HTTP).task("u", "Approve", ElementKind.USER_TASK)
                    .add(new Task("u2", "Check", ElementKind.USER_TASK, null, null, null, null,
                            new UserTaskSettings(null, null, null, null, null, null, null), false, null, null)));

            assertThat(new Validator().validateExecutability(d)).isEmpty();
        }
    }

    @Nested
    class JavaCode {
        @Test
        void aJavaClassOrDelegateExpressionCannotRunInBaton() {
            Definitions d = process(p -> p.service("t", "Charge card", new Implementation.JavaClass("com.acme.ChargeCard"))
                    .service("u", "Notify", new Implementation.DelegateExpression(Expression.of("${notifier}"))));

            List<Problem> found = problems(d, "exec-java-code");
            assertThat(ids(found)).containsExactly("t", "u");
            assertThat(found.get(0).message()).isEqualTo("Service task 'Charge card' calls the Java class com.acme.ChargeCard from your "
                    + "application, and Java code of your application cannot run in Baton. Instead use an HTTP call, an external task "
                    + "topic for a worker, or a Kafka or RabbitMQ publish and let your application do the work there.");
        }

        @Test
        void anExternalTaskIsFine() {
            Definitions d = process(p -> p.service("t", "Charge card", new Implementation.ExternalTask(Expression.literal("charge"), null)));

            assertThat(problems(d, "exec-java-code")).isEmpty();
        }
    }

    @Nested
    class UnsupportedImplementation {
        @Test
        void unknownConnectorsAndDmnDecisionsOutsideBusinessRuleTasksAreReported() {
            Definitions d = process(p -> p.service("t", "Mail", new Implementation.Unsupported("the camunda:connector 'mail-send'"))
                    .add(Task.of("r", "Rate", ElementKind.BUSINESS_RULE_TASK).withImplementation(new Implementation.Decision("rating", null, null)))
                    .service("s", "Score", new Implementation.Decision("score", null, null)));

            assertThat(problems(d, "exec-unsupported-implementation")).extracting(Problem::elementId, Problem::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("t", "Service task 'Mail' uses the camunda:connector 'mail-send', which Baton cannot run; "
                            + "use an HTTP call, an external task topic for a worker, or a Kafka or RabbitMQ publish instead."),
                    org.assertj.core.groups.Tuple.tuple("s", "Service task 'Score' evaluates the DMN decision 'score', and Baton evaluates "
                            + "decisions only in business rule tasks; make it a business rule task."));
        }

        @Test
        void aKafkaPublishIsFine() {
            Definitions d = process(p -> p.service("t", "Publish", new Implementation.KafkaPublish("orders", null, Expression.of("${order}"), null)));

            assertThat(problems(d, "exec-unsupported-implementation")).isEmpty();
        }
    }

    @Nested
    class GatewayConditions {
        @Test
        void aForkingExclusiveGatewayWithBareFlowsAndNoDefaultIsReported() {
            Definitions d = process(p -> p.gateway("g", "Paid?", ElementKind.EXCLUSIVE_GATEWAY).task("a", "Ship").task("b", "Remind")
                    .flow("f1", "g", "a").flow("f2", "g", "b"));

            assertThat(problems(d, "exec-gateway-conditions")).singleElement().satisfies(pr -> assertThat(pr.message()).isEqualTo(
                    "Exclusive gateway 'Paid?' has two outgoing flows without conditions (sequence flow f1, sequence flow f2) and no "
                            + "default flow, so Baton cannot decide where the token goes; give each a condition or make one the default flow."));
        }

        @Test
        void anInclusiveGatewayWithADefaultStillNeedsConditionsOnTheOthers() {
            Definitions d = process(p -> p.gateway("g", "Which?", ElementKind.INCLUSIVE_GATEWAY).task("a", "A").task("b", "B").task("c", "C")
                    .flow("f1", "g", "a").flow("f2", "g", "b").when("f3", "g", "c", "${x}").defaultFlow("g", "f1"));

            assertThat(ids(problems(d, "exec-gateway-conditions"))).containsExactly("g");
        }

        @Test
        void conditionsPlusADefaultAndSingleOutgoingFlowsAreFine() {
            Definitions d = process(p -> p.gateway("g", "Paid?", ElementKind.EXCLUSIVE_GATEWAY).task("a", "Ship").task("b", "Remind")
                    .when("f1", "g", "a", "${paid}").flow("f2", "g", "b").defaultFlow("g", "f2")
                    .gateway("join", null, ElementKind.EXCLUSIVE_GATEWAY).task("c", "C").chain("join", "c"));

            assertThat(problems(d, "exec-gateway-conditions")).isEmpty();
        }
    }

    @Nested
    class DefaultFlow {
        @Test
        void aDefaultFlowWithAConditionOrOneThatDoesNotLeaveTheNodeIsReported() {
            Definitions d = process(p -> p.gateway("g", "Paid?", ElementKind.EXCLUSIVE_GATEWAY).task("a", "A").task("b", "B")
                    .when("f1", "g", "a", "${paid}").when("f2", "g", "b", "${!paid}").defaultFlow("g", "f2")
                    .task("t", "T").task("c", "C").chain("t", "c").defaultFlow("t", "nowhere"));

            assertThat(ids(problems(d, "exec-default-flow"))).containsExactly("f2", "t");
        }

        @Test
        void anUnconditionalDefaultFlowIsFine() {
            Definitions d = process(p -> p.gateway("g", "Paid?", ElementKind.EXCLUSIVE_GATEWAY).task("a", "A").task("b", "B")
                    .when("f1", "g", "a", "${paid}").flow("f2", "g", "b").defaultFlow("g", "f2"));

            assertThat(problems(d, "exec-default-flow")).isEmpty();
        }
    }

    @Nested
    class SequenceFlows {
        @Test
        void aFlowToNowhereOrIntoAnotherScopeIsReported() {
            Definitions d = process(p -> p.start("s").task("a", "A").sub("sp", "Inner", in -> in.task("inner", "Inner task"))
                    .flow("lost", "s", "ghost").flow("across", "a", "inner").flow("loose", null, "a"));

            assertThat(problems(d, "exec-sequence-flow")).extracting(Problem::elementId, Problem::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("lost", "Sequence flow lost ends at ghost, which does not exist; "
                            + "a sequence flow stays inside one process or subprocess."),
                    org.assertj.core.groups.Tuple.tuple("across", "Sequence flow across ends at task 'Inner task', outside its process; "
                            + "a sequence flow stays inside one process or subprocess."),
                    org.assertj.core.groups.Tuple.tuple("loose", "Sequence flow loose does not say where it starts; connect it or remove it."));
        }

        @Test
        void flowsBetweenNodesOfOneScopeAreFine() {
            Definitions d = process(p -> p.start("s").sub("sp", "Inner", in -> in.start("is").end("ie").chain("is", "ie")).end("e")
                    .chain("s", "sp", "e"));

            assertThat(problems(d, "exec-sequence-flow")).isEmpty();
        }
    }

    @Nested
    class Messages {
        @Test
        void missingUnknownAndUnnamedMessagesAreReported() {
            Definitions d = doc().process("P", true, p -> p
                            .start("noRef", message(null))
                            .catchEvent("unknown", message("Nope"))
                            .add(new Task("recv", "Wait for payment", ElementKind.RECEIVE_TASK, null, null, "Unnamed", null, null, false, null, null))
                            .throwEvent("silent", message(null)))
                    .message("Unnamed", null).build();

            assertThat(problems(d, "exec-message")).extracting(Problem::elementId, Problem::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("noRef", "Start event 'Start noRef' waits for a message but does not say which; pick a message."),
                    org.assertj.core.groups.Tuple.tuple("unknown", "Intermediate event 'Wait unknown' refers to message Nope, which does not exist in this file."),
                    org.assertj.core.groups.Tuple.tuple("recv", "Receive task 'Wait for payment' uses message Unnamed, which has no name; "
                            + "messages are delivered by name, so give it one."),
                    org.assertj.core.groups.Tuple.tuple("silent", "Intermediate event 'Throw silent' throws a message but says neither which "
                            + "message nor how it is sent; pick a message or give it an HTTP call, an external task topic for a worker, "
                            + "or a Kafka or RabbitMQ publish."));
        }

        @Test
        void namedMessagesAndThrowEventsWithAnImplementationAreFine() {
            Definitions d = doc().process("P", true, p -> p.start("s", message("M"))
                            .add(new Task("recv", "Wait", ElementKind.RECEIVE_TASK, null, null, "M", null, null, false, null, null))
                            .event(new Event("pub", "Publish", ElementKind.INTERMEDIATE_THROW_EVENT, List.of(message(null)), true, null, false,
                                    null, null, new Implementation.KafkaPublish("orders", null, null, null), null, null, null)))
                    .message("M", "Order placed").build();

            assertThat(problems(d, "exec-message")).isEmpty();
        }
    }

    @Nested
    class EventReferences {
        @Test
        void danglingSignalErrorAndEscalationReferencesAndUnsaidThrowsAreReported() {
            Definitions d = doc().process("P", true, p -> p
                            .catchEvent("sig", signal("Gone"))
                            .throwEvent("sigNone", signal(null))
                            .end("err", error(null))
                            .end("esc", escalation("Missing"))
                            .task("t", "T").boundary("catchAll", "t", error(null)))
                    .build();

            assertThat(ids(problems(d, "exec-event-reference"))).containsExactly("sig", "sigNone", "err", "esc");
        }

        @Test
        void aCompensationOfAnActivityThatDoesNotExistIsReported() {
            Definitions d = process(p -> p.task("book", "Book")
                    .throwEvent("undo", new dev.baton.model.EventDefinition.Compensate(null, "Nope", true, null)));

            assertThat(problems(d, "exec-event-reference")).singleElement().satisfies(pr -> assertThat(pr.message())
                    .isEqualTo("Intermediate event 'Throw undo' compensates activity Nope, which does not exist in this file; "
                            + "pick the activity to undo, or none to undo all."));
        }

        @Test
        void existingReferencesAreFine() {
            Definitions d = doc().process("P", true, p -> p.catchEvent("sig", signal("S")).end("err", error("E")).end("esc", escalation("X"))
                            .task("book", "Book").throwEvent("undo", new dev.baton.model.EventDefinition.Compensate(null, "book", true, null))
                            .throwEvent("undoAll", compensate()))
                    .signal("S", "Stock low").error("E", "Declined").escalation("X", "Late").build();

            assertThat(problems(d, "exec-event-reference")).isEmpty();
        }
    }

    @Nested
    class Timers {
        @Test
        void unreadableAndMissingTimerValuesAreReported() {
            Definitions d = process(p -> p
                    .catchEvent("dur", timer(TimerKind.DURATION, "10 minutes"))
                    .catchEvent("date", timer(TimerKind.DATE, "tomorrow"))
                    .catchEvent("cron", timer(TimerKind.CYCLE, "0 0/5 * * * ?"))
                    .catchEvent("none", timer(TimerKind.NONE, null)));

            List<Problem> found = problems(d, "exec-timer");
            assertThat(ids(found)).containsExactly("dur", "date", "cron", "none");
            assertThat(found.get(0).message()).isEqualTo("Intermediate event 'Wait dur' has a timer duration that Baton cannot read: "
                    + "'10 minutes' is not an ISO 8601 duration such as PT10M, P1DT12H or P2W.");
            assertThat(found.get(2).message()).contains("cron expressions are not supported");
        }

        @Test
        void isoValuesAndExpressionsAreFine() {
            Definitions d = process(p -> p
                    .catchEvent("dur", timer(TimerKind.DURATION, "P1DT2H"))
                    .catchEvent("date", timer(TimerKind.DATE, "2026-03-01T09:00:00+01:00"))
                    .catchEvent("cycle", timer(TimerKind.CYCLE, "R3/PT10M"))
                    .catchEvent("juel", timer(TimerKind.DURATION, "${reminderDelay}"))
                    .catchEvent("feel", timer(TimerKind.CYCLE, "=cycle(duration(\"PT1H\"))")));

            assertThat(problems(d, "exec-timer")).isEmpty();
        }
    }

    @Nested
    class CallActivities {
        @Test
        void aCallActivityWithoutCalledElementIsReported() {
            assertThat(ids(problems(process(p -> p.call("c", "Ship order", " ")), "exec-call-activity"))).containsExactly("c");
        }

        @Test
        void aCalledElementIsFine() {
            assertThat(problems(process(p -> p.call("c", "Ship order", "shipping")), "exec-call-activity")).isEmpty();
        }
    }

    @Nested
    class MultiInstance {
        static ActivitySettings loop(String cardinality, String collection) {
            return ActivitySettings.DEFAULT.withLoop(new LoopCharacteristics.MultiInstance(null, false,
                    cardinality == null ? null : Expression.of(cardinality), collection == null ? null : Expression.of(collection),
                    "item", null, null, null, null));
        }

        @Test
        void neitherCardinalityNorCollectionIsReported() {
            Definitions d = process(p -> p.add(Task.of("t", "Check item", ElementKind.USER_TASK).withActivity(loop(null, null))));

            assertThat(ids(problems(d, "exec-multi-instance"))).containsExactly("t");
        }

        @Test
        void aCardinalityOrACollectionIsEnough() {
            Definitions d = process(p -> p.add(Task.of("a", "A", ElementKind.USER_TASK).withActivity(loop("3", null)))
                    .add(new CallActivity("b", "B", "x", null, loop(null, "${items}"), null, null)));

            assertThat(problems(d, "exec-multi-instance")).isEmpty();
        }
    }

    @Nested
    class Scripts {
        @Test
        void aScriptTaskWithoutScriptIsReported() {
            Definitions d = process(p -> p.task("s", "Compute", ElementKind.SCRIPT_TASK)
                    .add(new Task("blank", "Blank", ElementKind.SCRIPT_TASK, null, null, null, new Script("javascript", "  ", null), null, false, null, null)));

            assertThat(ids(problems(d, "exec-script"))).containsExactly("s", "blank");
        }

        @Test
        void aScriptIsFine() {
            Definitions d = process(p -> p.add(new Task("s", "Compute", ElementKind.SCRIPT_TASK, null, null, null,
                    new Script("juel", "${a + b}", "sum"), null, false, null, null)));

            assertThat(problems(d, "exec-script")).isEmpty();
        }
    }

    @Nested
    class EmptyExpressions {
        @Test
        void emptyConditionsAssigneesUrlsAndTopicsAreReported() {
            Definitions d = process(p -> p
                    .task("a", "A").task("b", "B")
                    .add(new SequenceFlow("f", "Yes", "a", "b", Expression.of(""), null, null, null))
                    .add(new Task("u", "Approve", ElementKind.USER_TASK, null, null, null, null,
                            new UserTaskSettings(Expression.of(" "), null, null, null, null, null, null), false, null, null))
                    .service("h", "Call", new Implementation.HttpCall("GET", Expression.of(""), null, null, null, null, null, null, null))
                    .service("x", "Work", new Implementation.ExternalTask(Expression.of(""), null)));

            assertThat(problems(d, "exec-empty-expression")).extracting(Problem::elementId, Problem::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("f", "Sequence flow 'Yes' has an empty condition; fill it in or remove it."),
                    org.assertj.core.groups.Tuple.tuple("u", "User task 'Approve' has an empty assignee; fill it in or remove it."),
                    org.assertj.core.groups.Tuple.tuple("h", "Service task 'Call' has an empty URL; fill it in or remove it."),
                    org.assertj.core.groups.Tuple.tuple("x", "Service task 'Work' has an empty external task topic; fill it in or remove it."));
        }

        @Test
        void filledInOrAbsentExpressionsAreFine() {
            Definitions d = process(p -> p.task("a", "A").task("b", "B").when("f", "a", "b", "${ok}")
                    .add(new Task("u", "Approve", ElementKind.USER_TASK, null, null, null, null,
                            new UserTaskSettings(Expression.of("${initiator}"), null, null, null, null, null, null), false, null, null))
                    .service("h", "Call", HTTP));

            assertThat(problems(d, "exec-empty-expression")).isEmpty();
        }
    }
}
