package dev.baton.bpmn.dialect;

import static dev.baton.bpmn.dialect.Models.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.CallActivity;
import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.Expression;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Camunda 7 files: camunda: attributes and extension elements become Baton's typed settings and back. */
class Camunda7DialectTest {

    @Test
    void anExternalTaskWithAsyncContinuationsBecomesAnExternalTaskAndLeavesNothingBehind() {
        // from the MIWG C.9.1 reference: <bpmn:sendTask camunda:asyncBefore="true" camunda:type="external" camunda:topic="emailService">
        Task send = task("SendTask_SendReminderEmail", ElementKind.SEND_TASK, ext(attrs(camunda("asyncBefore"), "true",
                camunda("asyncAfter"), "true", camunda("type"), "external", camunda("topic"), "emailService", camunda("taskPriority"), "10")));

        DialectMapping.LiftResult r = RoundTrip.check(camundaDocument(send));

        Task t = element(r.definitions(), send.id(), Task.class);
        assertThat(t.implementation()).isEqualTo(new Implementation.ExternalTask(Expression.literal("emailService"), 10));
        assertThat(t.activity().asyncBefore()).isTrue();
        assertThat(t.activity().asyncAfter()).isTrue();
        assertThat(t.extensions().isEmpty()).as("everything was mapped, so nothing is left to keep").isTrue();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void classExpressionAndDelegateExpressionBecomeTheirImplementations() {
        Task byClass = task("charge", ElementKind.SERVICE_TASK, ext(attrs(camunda("class"), "com.example.ChargeCard")));
        Task byExpression = task("score", ElementKind.SERVICE_TASK,
                ext(attrs(camunda("expression"), "${scoring.score(applicant)}", camunda("resultVariable"), "score")));
        Task byDelegate = task("archive", ElementKind.SERVICE_TASK, ext(attrs(camunda("delegateExpression"), "#{archiveService}")));

        Definitions lifted = RoundTrip.check(camundaDocument(byClass, byExpression, byDelegate)).definitions();

        assertThat(element(lifted, "charge", Task.class).implementation()).isEqualTo(new Implementation.JavaClass("com.example.ChargeCard"));
        assertThat(element(lifted, "score", Task.class).implementation()).isEqualTo(
                new Implementation.ExpressionCall(new Expression("${scoring.score(applicant)}", Expression.Language.JUEL), "score"));
        assertThat(element(lifted, "archive", Task.class).implementation())
                .isEqualTo(new Implementation.DelegateExpression(new Expression("#{archiveService}", Expression.Language.JUEL)));
    }

    @Test
    void aDecisionRefKeepsItsBindingVersionAndResultMappingAndWritesThemBack() {
        Task rule = task("rate", ElementKind.BUSINESS_RULE_TASK, ext(attrs(camunda("decisionRef"), "rating",
                camunda("decisionRefBinding"), "version", camunda("decisionRefVersion"), "3",
                camunda("mapDecisionResult"), "singleEntry", camunda("resultVariable"), "grade")));

        DialectMapping.LiftResult r = RoundTrip.check(camundaDocument(rule));

        Task t = element(r.definitions(), "rate", Task.class);
        assertThat(t.implementation()).isEqualTo(new Implementation.Decision("rating", "grade",
                List.of("decisionRefBinding=version", "decisionRefVersion=3", "mapDecisionResult=singleEntry")));
        assertThat(((Implementation.Decision) t.implementation()).detail("mapDecisionResult")).isEqualTo("singleEntry");
        assertThat(t.extensions().isEmpty()).as("everything was mapped, so nothing is left to keep").isTrue();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void theHttpConnectorBecomesAnHttpCall() {
        Task call = task("fetchOrder", ElementKind.SERVICE_TASK, ext("""
                <camunda:connector %s>
                  <camunda:inputOutput>
                    <camunda:inputParameter name="url">https://shop.example.com/orders/${orderId}</camunda:inputParameter>
                    <camunda:inputParameter name="method">POST</camunda:inputParameter>
                    <camunda:inputParameter name="headers">
                      <camunda:map>
                        <camunda:entry key="Content-Type">application/json</camunda:entry>
                        <camunda:entry key="X-Trace">${traceId}</camunda:entry>
                      </camunda:map>
                    </camunda:inputParameter>
                    <camunda:inputParameter name="payload">${orderJson}</camunda:inputParameter>
                    <camunda:outputParameter name="order">${response}</camunda:outputParameter>
                    <camunda:outputParameter name="status">${statusCode}</camunda:outputParameter>
                  </camunda:inputOutput>
                  <camunda:connectorId>http-connector</camunda:connectorId>
                </camunda:connector>""".formatted(CAMUNDA)));

        Task t = element(RoundTrip.check(camundaDocument(call)).definitions(), "fetchOrder", Task.class);

        Implementation.HttpCall http = (Implementation.HttpCall) t.implementation();
        assertThat(http.method()).isEqualTo("POST");
        assertThat(http.url()).isEqualTo(new Expression("https://shop.example.com/orders/${orderId}", Expression.Language.JUEL));
        assertThat(http.headers()).containsExactly(Map.entry("Content-Type", Expression.literal("application/json")),
                Map.entry("X-Trace", new Expression("${traceId}", Expression.Language.JUEL)));
        assertThat(http.body()).isEqualTo(new Expression("${orderJson}", Expression.Language.JUEL));
        assertThat(http.bodyFormat()).as("the connector sends the payload as written").isEqualTo(Implementation.BodyFormat.TEXT);
        assertThat(http.responseMappings()).containsExactly(Map.entry("order", new Expression("${body}", Expression.Language.JUEL)),
                Map.entry("status", new Expression("${status}", Expression.Language.JUEL)));
        assertThat(t.extensions().elements()).isEmpty();
    }

    @Test
    void anotherConnectorIsKeptAndReportedAsUnsupported() {
        String mail = """
                <camunda:connector %s><camunda:connectorId>mail-send</camunda:connectorId></camunda:connector>""".formatted(CAMUNDA);
        Task t0 = task("notify", ElementKind.SERVICE_TASK, ext(mail));

        DialectMapping.LiftResult r = RoundTrip.check(camundaDocument(t0));

        Task t = element(r.definitions(), "notify", Task.class);
        assertThat(t.implementation()).isInstanceOf(Implementation.Unsupported.class);
        assertThat(((Implementation.Unsupported) t.implementation()).description()).contains("mail-send");
        assertThat(t.extensions().elements()).extracting(f -> f.localName()).containsExactly("connector");
        assertThat(r.problems()).extracting(Problem::elementId).containsExactly("notify");
        assertThat(r.problems().get(0).message()).contains("camunda:connector", "mail-send");
    }

    @Test
    void textInputOutputParametersBecomeVariableMappings() {
        // from Camunda's docs on input/output mapping, on a user task of an invoice process
        Task t0 = task("approveInvoice", ElementKind.USER_TASK, ext("""
                <camunda:inputOutput %s>
                  <camunda:inputParameter name="amount">${invoice.amount}</camunda:inputParameter>
                  <camunda:inputParameter name="currency">EUR</camunda:inputParameter>
                  <camunda:inputParameter name="note"/>
                  <camunda:outputParameter name="approved">${decision == 'yes'}</camunda:outputParameter>
                </camunda:inputOutput>""".formatted(CAMUNDA)));

        Task t = element(RoundTrip.check(camundaDocument(t0)).definitions(), "approveInvoice", Task.class);

        assertThat(t.activity().io()).isEqualTo(new IoMapping(List.of(
                new VariableMapping("amount", new Expression("${invoice.amount}", Expression.Language.JUEL)),
                new VariableMapping("currency", Expression.literal("EUR")),
                new VariableMapping("note", null)),
                List.of(new VariableMapping("approved", new Expression("${decision == 'yes'}", Expression.Language.JUEL)))));
    }

    @Test
    void anInputOutputWithAScriptParameterIsKeptWholeWithAProblem() {
        String io = """
                <camunda:inputOutput %s>
                  <camunda:inputParameter name="amount">${invoice.amount}</camunda:inputParameter>
                  <camunda:inputParameter name="total"><camunda:script scriptFormat="groovy">sum = 0</camunda:script></camunda:inputParameter>
                </camunda:inputOutput>""".formatted(CAMUNDA);
        Task t0 = task("calculate", ElementKind.SERVICE_TASK, ext(io));

        DialectMapping.LiftResult r = RoundTrip.check(camundaDocument(t0));

        Task t = element(r.definitions(), "calculate", Task.class);
        assertThat(t.activity().io().isEmpty()).as("a partial mapping would drop the script-computed variable").isTrue();
        assertThat(t.extensions().elements()).hasSize(1);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("calculate");
            assertThat(p.rule()).isEqualTo("dialect");
            assertThat(p.message()).contains("total", "camunda:script");
        });
    }

    @Test
    void anExtensionElementThatIsNotWellFormedIsKeptAndReportedNotThrown() {
        Task t0 = task("calculate", ElementKind.SERVICE_TASK, new dev.baton.model.Extensions(null,
                List.of(new dev.baton.model.XmlFragment(dev.baton.model.Dialect.CAMUNDA7_NS, "inputOutput", "<camunda:inputOutput><oops")), null));

        DialectMapping.LiftResult r = DialectMapping.lift(camundaDocument(t0));

        assertThat(element(r.definitions(), "calculate", Task.class).extensions()).isEqualTo(t0.extensions());
        assertThat(element(DialectMapping.lower(r.definitions()), "calculate", Task.class).extensions()).isEqualTo(t0.extensions());
        assertThat(r.problems()).singleElement().extracting(Problem::message).asString().contains("camunda:inputOutput", "not well-formed");
    }

    @Test
    void aRetryTimeCycleOfFiveMeansFiveAttempts() {
        Task t0 = task("charge", ElementKind.SERVICE_TASK, ext(attrs(camunda("class"), "com.example.Charge", camunda("asyncBefore"), "true"),
                "<camunda:failedJobRetryTimeCycle %s>R5/PT10S</camunda:failedJobRetryTimeCycle>".formatted(CAMUNDA)));

        Task t = element(RoundTrip.check(camundaDocument(t0)).definitions(), "charge", Task.class);

        assertThat(t.activity().retries()).isEqualTo(new RetryPolicy(5, "R5/PT10S", Duration.ofSeconds(10), 1.0));
    }

    @Test
    void aRetryListIsKeptBecauseBatonReadsOnlyOneInterval() {
        Task t0 = task("charge", ElementKind.SERVICE_TASK,
                ext("<camunda:failedJobRetryTimeCycle %s>PT1M,PT5M,PT10M</camunda:failedJobRetryTimeCycle>".formatted(CAMUNDA)));

        DialectMapping.LiftResult r = RoundTrip.check(camundaDocument(t0));

        assertThat(element(r.definitions(), "charge", Task.class).activity().retries()).isNull();
        assertThat(r.problems()).singleElement().extracting(Problem::message).asString().contains("PT1M,PT5M,PT10M");
    }

    @Test
    void userTaskAttributesBecomeUserTaskSettings() {
        // from the MIWG C.1.1 reference and Camunda's user task docs
        Task t0 = task("approveInvoice", ElementKind.USER_TASK, ext(attrs(camunda("assignee"), "${approver}",
                camunda("candidateUsers"), "kermit, gonzo", camunda("candidateGroups"), "accounting, ${department}",
                camunda("formKey"), "app:approveInvoice.jsf", camunda("dueDate"), "${dateTime().plusDays(3).toDate()}",
                camunda("followUpDate"), "2026-12-01T12:00:00", camunda("priority"), "50")));

        Task t = element(RoundTrip.check(camundaDocument(t0)).definitions(), "approveInvoice", Task.class);

        assertThat(t.user()).isEqualTo(new UserTaskSettings(new Expression("${approver}", Expression.Language.JUEL),
                List.of("kermit", "gonzo"), List.of("accounting", "${department}"), "app:approveInvoice.jsf",
                new Expression("${dateTime().plusDays(3).toDate()}", Expression.Language.JUEL),
                Expression.literal("2026-12-01T12:00:00"), 50));
    }

    @Test
    void aPriorityExpressionStaysAsWrittenWhileTheRestIsMapped() {
        Task t0 = task("review", ElementKind.USER_TASK, ext(attrs(camunda("assignee"), "demo", camunda("priority"), "${urgency}")));

        DialectMapping.LiftResult r = RoundTrip.check(camundaDocument(t0));

        Task t = element(r.definitions(), "review", Task.class);
        assertThat(t.user().assignee()).isEqualTo(Expression.literal("demo"));
        assertThat(t.user().priority()).isNull();
        assertThat(t.extensions().attributes()).containsOnlyKeys(camunda("priority"));
        assertThat(r.problems()).singleElement().extracting(Problem::message).asString().contains("${urgency}");
    }

    @Test
    void callActivityVariablePassingAndBindingBecomeCallSettings() {
        CallActivity c0 = callActivity("checkCredit", "creditCheck", ext(attrs(camunda("calledElementBinding"), "version",
                        camunda("calledElementVersion"), "3"),
                "<camunda:in %s businessKey=\"#{execution.processBusinessKey}\"/>".formatted(CAMUNDA),
                "<camunda:in %s variables=\"all\"/>".formatted(CAMUNDA),
                "<camunda:in %s source=\"customerId\" target=\"customer\"/>".formatted(CAMUNDA),
                "<camunda:in %s sourceExpression=\"${amount * 100}\" target=\"cents\"/>".formatted(CAMUNDA),
                "<camunda:out %s source=\"score\" target=\"creditScore\"/>".formatted(CAMUNDA)));

        CallActivity c = element(RoundTrip.check(camundaDocument(c0)).definitions(), "checkCredit", CallActivity.class);

        assertThat(c.calledElement()).isEqualTo("creditCheck");
        assertThat(c.call()).isEqualTo(new CallSettings(CallSettings.Binding.VERSION, "3",
                new Expression("#{execution.processBusinessKey}", Expression.Language.JUEL), true, false,
                List.of(new VariableMapping("customer", new Expression("${customerId}", Expression.Language.JUEL)),
                        new VariableMapping("cents", new Expression("${amount * 100}", Expression.Language.JUEL))),
                List.of(new VariableMapping("creditScore", new Expression("${score}", Expression.Language.JUEL)))));
        assertThat(c.extensions().isEmpty()).isTrue();
    }

    @Test
    void localInAndOutMappingsAreMappedWithTheirLocalFlag() {
        CallActivity c0 = callActivity("checkCredit", "creditCheck", ext(
                "<camunda:in %s source=\"a\" target=\"b\"/>".formatted(CAMUNDA),
                "<camunda:in %s variables=\"all\" local=\"true\"/>".formatted(CAMUNDA),
                "<camunda:in %s source=\"reason\" target=\"why\" local=\"true\"/>".formatted(CAMUNDA),
                "<camunda:out %s sourceExpression=\"${score * 2}\" target=\"doubled\" local=\"true\"/>".formatted(CAMUNDA),
                "<camunda:out %s variables=\"all\" local=\"true\"/>".formatted(CAMUNDA),
                "<camunda:out %s source=\"score\" target=\"score\"/>".formatted(CAMUNDA)));

        DialectMapping.LiftResult r = RoundTrip.check(camundaDocument(c0));

        CallActivity c = element(r.definitions(), "checkCredit", CallActivity.class);
        assertThat(c.call()).isEqualTo(new CallSettings(CallSettings.Binding.LATEST, null, null, false, false,
                List.of(new VariableMapping("b", new Expression("${a}", Expression.Language.JUEL)),
                        new VariableMapping("why", new Expression("${reason}", Expression.Language.JUEL), true)),
                List.of(new VariableMapping("doubled", new Expression("${score * 2}", Expression.Language.JUEL), true),
                        new VariableMapping("score", new Expression("${score}", Expression.Language.JUEL))), true, true));
        assertThat(c.extensions().isEmpty()).isTrue();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void aLocalFlagThatIsNotTrueOrFalseKeepsAllMappingsOfTheCall() {
        CallActivity c0 = callActivity("checkCredit", "creditCheck", ext(
                "<camunda:in %s source=\"a\" target=\"b\"/>".formatted(CAMUNDA),
                "<camunda:in %s variables=\"all\" local=\"yes\"/>".formatted(CAMUNDA)));

        DialectMapping.LiftResult r = RoundTrip.check(camundaDocument(c0));

        CallActivity c = element(r.definitions(), "checkCredit", CallActivity.class);
        assertThat(c.call()).isEqualTo(CallSettings.DEFAULT);
        assertThat(c.extensions().elements()).hasSize(2);
        assertThat(r.problems()).hasSize(2).allSatisfy(p -> assertThat(p.message()).contains("local=\"yes\""));
    }

    @Test
    void multiInstanceCollectionAndElementVariableAreMapped() {
        Task t0 = withLoop(task("review", ElementKind.USER_TASK, null),
                multiInstance(ext(attrs(camunda("collection"), "${reviewers}", camunda("elementVariable"), "reviewer"))));

        Task t = element(RoundTrip.check(camundaDocument(t0)).definitions(), "review", Task.class);

        LoopCharacteristics.MultiInstance mi = (LoopCharacteristics.MultiInstance) t.activity().loop();
        assertThat(mi.collection()).isEqualTo(new Expression("${reviewers}", Expression.Language.JUEL));
        assertThat(mi.elementVariable()).isEqualTo("reviewer");
        assertThat(mi.extensions().isEmpty()).isTrue();
    }

    @Test
    void aScriptTaskResultVariableJoinsTheScript() {
        Task t0 = scriptTask("sum", new Script("groovy", "a + b", null), ext(attrs(camunda("resultVariable"), "total")));

        Task t = element(RoundTrip.check(camundaDocument(t0)).definitions(), "sum", Task.class);

        assertThat(t.script()).isEqualTo(new Script("groovy", "a + b", "total"));
    }

    @Test
    void errorCodeAndMessageVariablesOfACaughtErrorAreMapped() {
        Event boundary = new Event("paymentFailed", null, ElementKind.BOUNDARY_EVENT,
                List.of(new EventDefinition.Error("ed", "PaymentError", null, null,
                        ext(attrs(camunda("errorCodeVariable"), "code", camunda("errorMessageVariable"), "reason")))),
                true, "charge", false, null, null, null, null, null, null);

        Event e = element(RoundTrip.check(camundaDocument(boundary)).definitions(), "paymentFailed", Event.class);

        EventDefinition.Error err = (EventDefinition.Error) e.definition();
        assertThat(err.errorCodeVariable()).isEqualTo("code");
        assertThat(err.errorMessageVariable()).isEqualTo("reason");
        assertThat(err.extensions().isEmpty()).isTrue();
    }

    @Test
    void theOldAsyncAttributeMeansAsyncBeforeAndIsWrittenUnderItsNewName() {
        Task t0 = task("charge", ElementKind.SERVICE_TASK, ext(attrs(camunda("async"), "true")));
        Definitions x = camundaDocument(t0);

        Definitions lifted = DialectMapping.lift(x).definitions();
        Definitions lowered = DialectMapping.lower(lifted);

        assertThat(element(lifted, "charge", Task.class).activity().asyncBefore()).isTrue();
        assertThat(element(lowered, "charge", Task.class).extensions().attributes()).containsOnly(Map.entry(camunda("asyncBefore"), "true"));
        assertThat(DialectMapping.lift(lowered).definitions()).isEqualTo(lifted);
    }

    @Test
    void anEscalationCodeVariableIsMapped() {
        Event boundary = new Event("escalated", null, ElementKind.BOUNDARY_EVENT,
                List.of(new EventDefinition.Escalation("esd", "Late", null, ext(attrs(camunda("escalationCodeVariable"), "why")))),
                false, "work", false, null, null, null, null, null, null);

        Event e = element(RoundTrip.check(camundaDocument(boundary)).definitions(), "escalated", Event.class);

        assertThat(((EventDefinition.Escalation) e.definition()).escalationCodeVariable()).isEqualTo("why");
    }

    @Test
    void aMessageEndEventWithAnExternalTopicGetsItsImplementationFromTheDefinition() {
        Event end = event("orderShipped", ElementKind.END_EVENT, new EventDefinition.Message("med", "OrderShipped", null,
                ext(attrs(camunda("type"), "external", camunda("topic"), "notifyCustomer"))), null);

        Event e = element(RoundTrip.check(camundaDocument(end)).definitions(), "orderShipped", Event.class);

        assertThat(e.implementation()).isEqualTo(new Implementation.ExternalTask(Expression.literal("notifyCustomer"), null));
    }

    @Test
    void executionListenersAreKeptWithAProblemNamingTheElement() {
        Task t0 = task("ship", ElementKind.SERVICE_TASK, ext(attrs(camunda("class"), "com.example.Ship"),
                "<camunda:executionListener %s class=\"com.example.Audit\" event=\"start\"/>".formatted(CAMUNDA)));

        DialectMapping.LiftResult r = RoundTrip.check(camundaDocument(t0));

        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("ship");
            assertThat(p.message()).contains("camunda:executionListener", "kept");
        });
    }

    @Test
    void lowerWritesSettingsMadeInBatonIntoCamundaAttributesAndElements() {
        Task t0 = task("fetch", ElementKind.SERVICE_TASK, null)
                .withImplementation(new Implementation.ExternalTask(Expression.literal("fetchOrders"), null))
                .withActivity(new dev.baton.model.ActivitySettings(false, null, null, true, false,
                        new RetryPolicy(3, "R3/PT1M", Duration.ofMinutes(1), 1.0),
                        new IoMapping(List.of(new VariableMapping("id", new Expression("${orderId}", Expression.Language.JUEL))), null),
                        null, null, null, null));

        Definitions lowered = DialectMapping.lower(camundaDocument(t0));

        Task t = element(lowered, "fetch", Task.class);
        assertThat(t.extensions().attributes()).containsOnly(Map.entry(camunda("asyncBefore"), "true"),
                Map.entry(camunda("type"), "external"), Map.entry(camunda("topic"), "fetchOrders"));
        assertThat(canonical(t.extensions()).get("elements")).isEqualTo(List.of(
                canonical(parse("<camunda:failedJobRetryTimeCycle %s>R3/PT1M</camunda:failedJobRetryTimeCycle>".formatted(CAMUNDA))),
                canonical(parse("<camunda:inputOutput %s><camunda:inputParameter name=\"id\">${orderId}</camunda:inputParameter></camunda:inputOutput>"
                        .formatted(CAMUNDA)))));
        assertThat(lowered.namespaces()).doesNotContainValue(dev.baton.model.Dialect.BATON_NS);
    }

    @Test
    void whatCamundaCannotSayGoesIntoBatonsNamespace() {
        Task t0 = task("publish", ElementKind.SEND_TASK, null).withImplementation(new Implementation.KafkaPublish("orders",
                new Expression("${orderId}", Expression.Language.JUEL), new Expression("${order}", Expression.Language.JUEL), null));
        Definitions x = camundaDocument(t0);

        Definitions lowered = DialectMapping.lower(x);

        assertThat(lowered.namespaces()).containsEntry("baton", dev.baton.model.Dialect.BATON_NS);
        Task t = element(lowered, "publish", Task.class);
        assertThat(t.extensions().elements()).singleElement().satisfies(f -> assertThat(f.localName()).isEqualTo("kafka"));
        assertThat(element(DialectMapping.lift(lowered).definitions(), "publish", Task.class).implementation()).isEqualTo(t0.implementation());
    }

    @Test
    void batonSettingsWinOverCamundaOnesAndTheCamundaOneIsKept() {
        Task t0 = task("fetch", ElementKind.SERVICE_TASK, ext(attrs(camunda("class"), "com.example.Fetch"),
                "<baton:http %s method=\"GET\" url=\"https://example.com/x\" bodyFormat=\"JSON\"/>".formatted(BATON)));
        Definitions x = document(Map.of("camunda", dev.baton.model.Dialect.CAMUNDA7_NS, "baton", dev.baton.model.Dialect.BATON_NS),
                List.of(), t0);

        DialectMapping.LiftResult r = RoundTrip.check(x);

        Task t = element(r.definitions(), "fetch", Task.class);
        assertThat(t.implementation()).isInstanceOf(Implementation.HttpCall.class);
        assertThat(t.extensions().attributes()).containsOnlyKeys(camunda("class"));
        assertThat(r.problems()).singleElement().extracting(Problem::message).asString().contains("camunda:class");
    }
}
