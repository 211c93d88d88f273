package dev.baton.bpmn.dialect;

import static dev.baton.bpmn.dialect.Models.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.CallActivity;
import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.Expression;
import dev.baton.model.GlobalElement;
import dev.baton.model.LoopCharacteristics;
import dev.baton.model.Task;
import dev.baton.model.exec.CallSettings;
import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.IoMapping;
import dev.baton.model.exec.RetryPolicy;
import dev.baton.model.exec.Script;
import dev.baton.model.exec.UserTaskSettings;
import dev.baton.model.exec.VariableMapping;
import dev.baton.model.validation.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Camunda 8 files: zeebe: extension elements become Baton's typed settings and back. */
class ZeebeDialectTest {
    private static Expression feel(String text) { return new Expression(text, Expression.Language.FEEL); }

    @Test
    void aJobTypeWithRetriesBecomesAnExternalTaskWithARetryPolicy() {
        Task t0 = task("SendTask_RequestDocument", ElementKind.SERVICE_TASK,
                ext("<zeebe:taskDefinition %s type=\"email\" retries=\"5\"/>".formatted(ZEEBE)));

        Task t = element(RoundTrip.check(zeebeDocument(List.of(), t0)).definitions(), t0.id(), Task.class);

        assertThat(t.implementation()).isEqualTo(new Implementation.ExternalTask(Expression.literal("email"), null));
        assertThat(t.activity().retries().maxAttempts()).as("Zeebe's retries count every attempt").isEqualTo(5);
        assertThat(t.activity().retries().initialBackoff()).as("Zeebe leaves the wait to the worker").isNull();
        assertThat(t.extensions().isEmpty()).isTrue();
    }

    @Test
    void ioMappingsKeepFeelAndLiteralSourcesAsWritten() {
        // from the MIWG C.9.0 reference: a SendGrid connector task
        Task t0 = task("SendTask_SendPolicy", ElementKind.SERVICE_TASK, ext("""
                <zeebe:ioMapping %s>
                  <zeebe:input source="demo@camunda.com" target="from.email"/>
                  <zeebe:input source="= applicant.name" target="to.name"/>
                  <zeebe:output source="= body.value[1]" target="Current Vacation Status"/>
                </zeebe:ioMapping>""".formatted(ZEEBE), "<zeebe:taskDefinition %s type=\"io.camunda:sendgrid:1\"/>".formatted(ZEEBE)));

        Task t = element(RoundTrip.check(zeebeDocument(List.of(), t0)).definitions(), t0.id(), Task.class);

        assertThat(t.activity().io()).isEqualTo(new IoMapping(
                List.of(new VariableMapping("from.email", Expression.literal("demo@camunda.com")),
                        new VariableMapping("to.name", feel("= applicant.name"))),
                List.of(new VariableMapping("Current Vacation Status", feel("= body.value[1]")))));
        assertThat(t.implementation()).isEqualTo(new Implementation.ExternalTask(Expression.literal("io.camunda:sendgrid:1"), null));
    }

    @Test
    void aLiteralThatLooksLikeJuelStaysALiteralInAZeebeFile() {
        Task t0 = task("greet", ElementKind.SERVICE_TASK, ext("""
                <zeebe:ioMapping %s><zeebe:input source="Hello ${name}" target="text"/></zeebe:ioMapping>""".formatted(ZEEBE)));

        Task t = element(RoundTrip.check(zeebeDocument(List.of(), t0)).definitions(), "greet", Task.class);

        assertThat(t.activity().io().inputs().get(0).source()).isEqualTo(Expression.literal("Hello ${name}"));
    }

    @Test
    void calledElementPropagationAndMultiInstanceAreMapped() {
        // from the MIWG C.9.2 reference
        CallActivity c0 = new CallActivity("Activity_RequestDocuments", "Request documents", null, null,
                dev.baton.model.ActivitySettings.DEFAULT.withLoop(multiInstance(ext(
                        "<zeebe:loopCharacteristics %s inputCollection=\"=documents\" inputElement=\"document\" outputCollection=\"results\" outputElement=\"=result\"/>"
                                .formatted(ZEEBE)))),
                null, ext("<zeebe:calledElement %s processId=\"requestDocument_en\" propagateAllChildVariables=\"true\"/>".formatted(ZEEBE)));

        CallActivity c = element(RoundTrip.check(zeebeDocument(List.of(), c0)).definitions(), c0.id(), CallActivity.class);

        assertThat(c.calledElement()).isEqualTo("requestDocument_en");
        assertThat(c.call()).as("Zeebe passes all parent variables unless told otherwise")
                .isEqualTo(new CallSettings(CallSettings.Binding.LATEST, null, null, true, true, null, null));
        LoopCharacteristics.MultiInstance mi = (LoopCharacteristics.MultiInstance) c.activity().loop();
        assertThat(mi.collection()).isEqualTo(feel("=documents"));
        assertThat(mi.elementVariable()).isEqualTo("document");
        assertThat(mi.outputCollection()).isEqualTo("results");
        assertThat(mi.outputElement()).isEqualTo(feel("=result"));
    }

    @Test
    void theCalledProcessStaysInTheBpmnAttributeAndGoesIntoZeebeCalledElement() {
        // Camunda Web Modeler writes both, as in the MIWG C.9.0 reference
        CallActivity c0 = callActivity("Activity_ManualCheck", "ManualCheck",
                ext("<zeebe:calledElement %s processId=\"ManualCheck\" propagateAllChildVariables=\"false\"/>".formatted(ZEEBE)));
        Definitions lifted = RoundTrip.check(zeebeDocument(List.of(), c0)).definitions();

        CallActivity lowered = element(DialectMapping.lower(lifted), "Activity_ManualCheck", CallActivity.class);

        assertThat(lowered.calledElement()).isEqualTo("ManualCheck");
        assertThat(lowered.extensions().elements()).singleElement().satisfies(f -> assertThat(f.localName()).isEqualTo("calledElement"));
    }

    @Test
    void assignmentFormScheduleAndPriorityBecomeUserTaskSettings() {
        Task t0 = task("Activity_Review", ElementKind.USER_TASK, ext(
                "<zeebe:assignmentDefinition %s assignee=\"= applicant.clerk\" candidateGroups=\"clerks, leads\" candidateUsers=\"=reviewers\"/>".formatted(ZEEBE),
                "<zeebe:formDefinition %s formKey=\"camunda-forms:bpmn:userTaskForm_2s8lq02\"/>".formatted(ZEEBE),
                "<zeebe:taskSchedule %s dueDate=\"=now() + duration(&quot;P2D&quot;)\"/>".formatted(ZEEBE),
                "<zeebe:priorityDefinition %s priority=\"75\"/>".formatted(ZEEBE)));

        Task t = element(RoundTrip.check(zeebeDocument(List.of(), t0)).definitions(), t0.id(), Task.class);

        assertThat(t.user()).isEqualTo(new UserTaskSettings(feel("= applicant.clerk"), List.of("=reviewers"), List.of("clerks", "leads"),
                "camunda-forms:bpmn:userTaskForm_2s8lq02", feel("=now() + duration(\"P2D\")"), null, 75));
    }

    @Test
    void aFeelScriptBecomesTheScriptTasksScript() {
        Task t0 = scriptTask("total", null, ext("<zeebe:script %s expression=\"=sum(items.price)\" resultVariable=\"total\"/>".formatted(ZEEBE)));
        Definitions x = zeebeDocument(List.of(), t0);

        Task t = element(RoundTrip.check(x).definitions(), "total", Task.class);

        assertThat(t.script()).isEqualTo(new Script("feel", "=sum(items.price)", "total"));
        assertThat(element(DialectMapping.lower(DialectMapping.lift(x).definitions()), "total", Task.class).script())
                .as("lower gives the script back to zeebe:script, so no bpmn:script is written").isNull();
    }

    @Test
    void aCalledDecisionBecomesADecision() {
        Task t0 = task("Activity_RiskCheck", ElementKind.BUSINESS_RULE_TASK,
                ext("<zeebe:calledDecision %s decisionId=\"risk_check\" resultVariable=\"result\"/>".formatted(ZEEBE)));

        Task t = element(RoundTrip.check(zeebeDocument(List.of(), t0)).definitions(), t0.id(), Task.class);

        assertThat(t.implementation()).isEqualTo(new Implementation.Decision("risk_check", "result", List.of()));
    }

    @Test
    void aSubscriptionCorrelationKeyBecomesTheMessagesCorrelationKey() {
        GlobalElement.Message m0 = new GlobalElement.Message("Message_1", "MESSAGE_documentReceived", null, null, null,
                ext("<zeebe:subscription %s correlationKey=\"= documentReferenceId\"/>".formatted(ZEEBE)));

        Definitions lifted = RoundTrip.check(zeebeDocument(List.of(m0))).definitions();

        assertThat(message(lifted, "Message_1").correlationKey()).isEqualTo(feel("= documentReferenceId"));
        assertThat(message(lifted, "Message_1").extensions().isEmpty()).isTrue();
    }

    @Test
    void aMessageEndEventsJobTypeIsItsImplementation() {
        Event end = event("EndEvent_Notify", ElementKind.END_EVENT, new EventDefinition.Message("med", "Message_1", null, null),
                ext("<zeebe:taskDefinition %s type=\"notify\"/>".formatted(ZEEBE)));

        Event e = element(RoundTrip.check(zeebeDocument(List.of(), end)).definitions(), end.id(), Event.class);

        assertThat(e.implementation()).isEqualTo(new Implementation.ExternalTask(Expression.literal("notify"), null));
    }

    @Test
    void taskHeadersAndCamunda7SettingsInAZeebeFileAreKeptWithProblems() {
        // from the MIWG C.9.1 and C.8.1 references: Camunda 7 attributes beside Zeebe's
        Task t0 = task("SendTask_RequestDocument", ElementKind.SEND_TASK, ext(
                attrs(camunda("asyncBefore"), "true", camunda("type"), "external", camunda("topic"), "emailService"),
                "<zeebe:taskDefinition %s type=\"http\"/>".formatted(ZEEBE),
                "<zeebe:taskHeaders %s><zeebe:header key=\"url\" value=\"= &quot;https://odata.example.com&quot;\"/></zeebe:taskHeaders>".formatted(ZEEBE)));
        Definitions x = document(Map.of("zeebe", dev.baton.model.Dialect.CAMUNDA8_NS, "camunda", dev.baton.model.Dialect.CAMUNDA7_NS),
                List.of(), t0);

        DialectMapping.LiftResult r = RoundTrip.check(x);

        Task t = element(r.definitions(), t0.id(), Task.class);
        assertThat(t.implementation()).isEqualTo(new Implementation.ExternalTask(Expression.literal("http"), null));
        assertThat(t.activity().asyncBefore()).as("Camunda 8 ignores camunda:asyncBefore, and so does Baton").isFalse();
        assertThat(r.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("zeebe:taskHeaders"))
                .anySatisfy(m -> assertThat(m).contains("camunda:asyncBefore", "Camunda 7", "Camunda 8"));
        assertThat(r.problems()).hasSize(4);
    }

    @Test
    void retriesGivenAsAnExpressionKeepTheWholeTaskDefinition() {
        Task t0 = task("charge", ElementKind.SERVICE_TASK, ext("<zeebe:taskDefinition %s type=\"charge\" retries=\"=maxRetries\"/>".formatted(ZEEBE)));

        DialectMapping.LiftResult r = RoundTrip.check(zeebeDocument(List.of(), t0));

        Task t = element(r.definitions(), "charge", Task.class);
        assertThat(t.implementation()).as("half of the element would lose the retries").isNull();
        assertThat(t.extensions().elements()).hasSize(1);
        assertThat(r.problems()).singleElement().extracting(Problem::message).asString().contains("=maxRetries");
    }

    @Test
    void aRetryPolicyWithBackoffGoesToBatonBecauseZeebeCannotSayIt() {
        Task t0 = task("charge", ElementKind.SERVICE_TASK, null)
                .withImplementation(new Implementation.ExternalTask(Expression.literal("charge"), null))
                .withActivity(dev.baton.model.ActivitySettings.DEFAULT.withRetries(RetryPolicy.DEFAULT));

        Definitions lowered = DialectMapping.lower(zeebeDocument(List.of(), t0));

        Task t = element(lowered, "charge", Task.class);
        assertThat(t.extensions().elements()).extracting(f -> f.namespace() + " " + f.localName()).containsExactlyInAnyOrder(
                dev.baton.model.Dialect.CAMUNDA8_NS + " taskDefinition", dev.baton.model.Dialect.BATON_NS + " retry");
        Task back = element(DialectMapping.lift(lowered).definitions(), "charge", Task.class);
        assertThat(back.activity().retries()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(back.implementation()).isEqualTo(t0.implementation());
    }
}
