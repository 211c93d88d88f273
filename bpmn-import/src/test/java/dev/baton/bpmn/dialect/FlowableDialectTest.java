package dev.baton.bpmn.dialect;

import static dev.baton.bpmn.dialect.Models.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.CallActivity;
import dev.baton.model.Definitions;
import dev.baton.model.Dialect;
import dev.baton.model.ElementKind;
import dev.baton.model.Expression;
import dev.baton.model.LoopCharacteristics;
import dev.baton.model.Task;
import dev.baton.model.exec.CallSettings;
import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.RetryPolicy;
import dev.baton.model.exec.UserTaskSettings;
import dev.baton.model.exec.VariableMapping;
import dev.baton.model.validation.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flowable and Activiti files: flowable:/activiti: attributes and fields become Baton's typed settings and back. */
class FlowableDialectTest {
    private static Expression juel(String text) { return new Expression(text, Expression.Language.JUEL); }

    @Test
    void theActivitiNamespaceUnderAnyPrefixIsRead() {
        // the MIWG C.1.1 reference binds the prefix camunda to the Activiti namespace
        Task t0 = task("archiveInvoice", ElementKind.SERVICE_TASK, ext(attrs(activiti("delegateExpression"), "#{archiveService}"),
                "<camunda:field xmlns:camunda=\"%s\" name=\"text0\" stringValue=\"Hello World\"/>".formatted(Dialect.ACTIVITI_NS)));
        Task u0 = task("approveInvoice", ElementKind.USER_TASK,
                ext(attrs(activiti("assignee"), "${approver}", activiti("formKey"), "app:approveInvoice.jsf")));
        Definitions x = document(Map.of("camunda", Dialect.ACTIVITI_NS), List.of(), t0, u0);

        DialectMapping.LiftResult r = RoundTrip.check(x);

        assertThat(element(r.definitions(), "archiveInvoice", Task.class).implementation())
                .isEqualTo(new Implementation.DelegateExpression(juel("#{archiveService}")));
        assertThat(element(r.definitions(), "approveInvoice", Task.class).user())
                .isEqualTo(new UserTaskSettings(juel("${approver}"), null, null, "app:approveInvoice.jsf", null, null, null));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("archiveInvoice");
            assertThat(p.message()).as("the message uses the file's own prefix").contains("camunda:field", "Java");
        });
    }

    @Test
    void anHttpTaskWithItsFieldsBecomesAnHttpCall() {
        // the shape of Flowable's HTTP task documentation
        Task t0 = task("getOrder", ElementKind.SERVICE_TASK, ext(attrs(flowable("type"), "http"),
                "<flowable:field %s name=\"requestMethod\"><flowable:string><![CDATA[GET]]></flowable:string></flowable:field>".formatted(FLOWABLE),
                "<flowable:field %s name=\"requestUrl\"><flowable:expression><![CDATA[https://shop.example.com/orders/${orderId}]]></flowable:expression></flowable:field>".formatted(FLOWABLE),
                "<flowable:field %s name=\"requestHeaders\"><flowable:expression><![CDATA[Accept: application/json\nX-Trace: ${traceId}]]></flowable:expression></flowable:field>".formatted(FLOWABLE),
                "<flowable:field %s name=\"requestTimeout\" stringValue=\"5000\"/>".formatted(FLOWABLE),
                "<flowable:field %s name=\"responseVariableName\"><flowable:string>order</flowable:string></flowable:field>".formatted(FLOWABLE)));

        Task t = element(RoundTrip.check(flowableDocument(t0)).definitions(), "getOrder", Task.class);

        Implementation.HttpCall h = (Implementation.HttpCall) t.implementation();
        assertThat(h.method()).isEqualTo("GET");
        assertThat(h.url()).isEqualTo(juel("https://shop.example.com/orders/${orderId}"));
        assertThat(h.headers()).containsExactly(Map.entry("Accept", Expression.literal("application/json")),
                Map.entry("X-Trace", juel("${traceId}")));
        assertThat(h.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(h.responseMappings()).containsExactly(Map.entry("order", juel("${body}")));
        assertThat(t.extensions().isEmpty()).isTrue();
    }

    @Test
    void anHttpTaskSavingResponseParametersAndHandlingStatusCodesBecomesAnHttpCall() {
        Task t0 = task("getOrder", ElementKind.SERVICE_TASK, ext(attrs(flowable("type"), "http"),
                "<flowable:field %s name=\"requestMethod\"><flowable:string>POST</flowable:string></flowable:field>".formatted(FLOWABLE),
                "<flowable:field %s name=\"requestUrl\"><flowable:expression>${shopUrl}/orders</flowable:expression></flowable:field>".formatted(FLOWABLE),
                "<flowable:field %s name=\"requestBody\"><flowable:expression>${orderJson}</flowable:expression></flowable:field>".formatted(FLOWABLE),
                "<flowable:field %s name=\"saveResponseParameters\"><flowable:string>true</flowable:string></flowable:field>".formatted(FLOWABLE),
                "<flowable:field %s name=\"resultVariablePrefix\"><flowable:string>order</flowable:string></flowable:field>".formatted(FLOWABLE),
                "<flowable:field %s name=\"handleStatusCodes\"><flowable:string>404,409</flowable:string></flowable:field>".formatted(FLOWABLE)));

        Task t = element(RoundTrip.check(flowableDocument(t0)).definitions(), "getOrder", Task.class);

        Implementation.HttpCall h = (Implementation.HttpCall) t.implementation();
        assertThat(h.method()).isEqualTo("POST");
        assertThat(h.body()).isEqualTo(juel("${orderJson}"));
        assertThat(h.responseMappings()).containsExactly(Map.entry("orderResponseStatusCode", juel("${status}")),
                Map.entry("orderResponseHeaders", juel("${headers}")), Map.entry("orderResponseBody", juel("${body}")));
        assertThat(h.errorCodes()).containsExactly(Map.entry("404", "HTTP404"), Map.entry("409", "HTTP409"));
        assertThat(t.extensions().isEmpty()).isTrue();
    }

    @Test
    void withoutAPrefixSavedResponseParametersAreNamedAfterTheTask() {
        Task t0 = task("lookup", ElementKind.SERVICE_TASK, ext(attrs(flowable("type"), "http"),
                "<flowable:field %s name=\"requestMethod\"><flowable:string>GET</flowable:string></flowable:field>".formatted(FLOWABLE),
                "<flowable:field %s name=\"requestUrl\"><flowable:string>https://example.com/x</flowable:string></flowable:field>".formatted(FLOWABLE),
                "<flowable:field %s name=\"responseVariableName\"><flowable:string>answer</flowable:string></flowable:field>".formatted(FLOWABLE),
                "<flowable:field %s name=\"saveResponseParameters\"><flowable:string>true</flowable:string></flowable:field>".formatted(FLOWABLE)));

        Task t = element(RoundTrip.check(flowableDocument(t0)).definitions(), "lookup", Task.class);

        assertThat(((Implementation.HttpCall) t.implementation()).responseMappings()).containsOnlyKeys(
                "lookupResponseStatusCode", "lookupResponseHeaders", "answer");
    }

    @Test
    void anHttpTaskWithAFieldBatonDoesNotMapIsKeptWhole() {
        Task t0 = task("getOrder", ElementKind.SERVICE_TASK, ext(attrs(flowable("type"), "http"),
                "<flowable:field %s name=\"requestUrl\" stringValue=\"https://shop.example.com\"/>".formatted(FLOWABLE),
                "<flowable:field %s name=\"handleStatusCodes\" stringValue=\"4XX\"/>".formatted(FLOWABLE)));

        DialectMapping.LiftResult r = RoundTrip.check(flowableDocument(t0));

        Task t = element(r.definitions(), "getOrder", Task.class);
        assertThat(t.implementation()).isInstanceOf(Implementation.Unsupported.class);
        assertThat(t.extensions().elements()).hasSize(2);
        assertThat(r.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("handleStatusCodes"));
    }

    @Test
    void asyncRetriesAndAnExternalWorkerAreMapped() {
        Task t0 = task("charge", ElementKind.SERVICE_TASK, ext(attrs(flowable("async"), "true", flowable("type"), "external-worker",
                flowable("topic"), "payments"), "<flowable:failedJobRetryTimeCycle %s>R5/PT7M</flowable:failedJobRetryTimeCycle>".formatted(FLOWABLE)));

        Task t = element(RoundTrip.check(flowableDocument(t0)).definitions(), "charge", Task.class);

        assertThat(t.activity().asyncBefore()).isTrue();
        assertThat(t.activity().retries()).isEqualTo(new RetryPolicy(5, "R5/PT7M", Duration.ofMinutes(7), 1.0));
        assertThat(t.implementation()).isEqualTo(new Implementation.ExternalTask(Expression.literal("payments"), null));
    }

    @Test
    void classAndExpressionWithResultVariableAreMapped() {
        Task byClass = task("a", ElementKind.SERVICE_TASK, ext(attrs(flowable("class"), "org.example.Charge")));
        Task byExpression = task("b", ElementKind.SERVICE_TASK,
                ext(attrs(flowable("expression"), "#{printer.printMessage(execution)}", flowable("resultVariable"), "printed")));

        Definitions lifted = RoundTrip.check(flowableDocument(byClass, byExpression)).definitions();

        assertThat(element(lifted, "a", Task.class).implementation()).isEqualTo(new Implementation.JavaClass("org.example.Charge"));
        assertThat(element(lifted, "b", Task.class).implementation())
                .isEqualTo(new Implementation.ExpressionCall(juel("#{printer.printMessage(execution)}"), "printed"));
    }

    @Test
    void activiti5sResultVariableNameIsReadAndWrittenAsResultVariable() {
        Task t0 = task("calc", ElementKind.SERVICE_TASK,
                ext(attrs(activiti("expression"), "${calculator.total(order)}", activiti("resultVariableName"), "total")));
        Definitions x = document(Map.of("activiti", Dialect.ACTIVITI_NS), List.of(), t0);

        Definitions lifted = DialectMapping.lift(x).definitions();

        assertThat(element(lifted, "calc", Task.class).implementation())
                .isEqualTo(new Implementation.ExpressionCall(juel("${calculator.total(order)}"), "total"));
        assertThat(element(DialectMapping.lower(lifted), "calc", Task.class).extensions().attributes())
                .containsOnly(Map.entry(activiti("expression"), "${calculator.total(order)}"), Map.entry(activiti("resultVariable"), "total"));
    }

    @Test
    void callActivityInOutAndInheritVariablesAreMapped() {
        CallActivity c0 = callActivity("check", "creditCheck", ext(attrs(flowable("inheritVariables"), "true"),
                "<flowable:in %s source=\"customerId\" target=\"customer\"/>".formatted(FLOWABLE),
                "<flowable:out %s sourceExpression=\"${score > 600}\" target=\"approved\"/>".formatted(FLOWABLE)));

        CallActivity c = element(RoundTrip.check(flowableDocument(c0)).definitions(), "check", CallActivity.class);

        assertThat(c.call()).isEqualTo(new CallSettings(null, null, null, true, false,
                List.of(new VariableMapping("customer", juel("${customerId}"))), List.of(new VariableMapping("approved", juel("${score > 600}")))));
    }

    @Test
    void multiInstanceCollectionAndCandidatesAreMapped() {
        Task t0 = withLoop(task("review", ElementKind.USER_TASK,
                        ext(attrs(flowable("candidateGroups"), "management, sales", flowable("priority"), "20"))),
                multiInstance(ext(attrs(flowable("collection"), "${reviewers}", flowable("elementVariable"), "reviewer"))));

        Task t = element(RoundTrip.check(flowableDocument(t0)).definitions(), "review", Task.class);

        assertThat(t.user().candidateGroups()).containsExactly("management", "sales");
        assertThat(t.user().priority()).isEqualTo(20);
        LoopCharacteristics.MultiInstance mi = (LoopCharacteristics.MultiInstance) t.activity().loop();
        assertThat(mi.collection()).isEqualTo(juel("${reviewers}"));
        assertThat(mi.elementVariable()).isEqualTo("reviewer");
    }

    @Test
    void lowerWritesAnHttpCallAsFlowableHttpTaskFields() {
        Task t0 = task("post", ElementKind.SERVICE_TASK, null).withImplementation(new Implementation.HttpCall("POST",
                Expression.literal("https://example.com/orders"), Map.of("Content-Type", Expression.literal("application/json")),
                juel("${orderJson}"), Implementation.BodyFormat.TEXT, null, null, null, null));

        Task t = element(DialectMapping.lower(flowableDocument(t0)), "post", Task.class);

        assertThat(t.extensions().attributes()).containsExactly(Map.entry(flowable("type"), "http"));
        assertThat(t.extensions().elements()).extracting(f -> canonical(parse(f.xml()))).containsExactly(
                canonical(parse("<flowable:field %s name=\"requestMethod\"><flowable:string>POST</flowable:string></flowable:field>".formatted(FLOWABLE))),
                canonical(parse("<flowable:field %s name=\"requestUrl\"><flowable:string>https://example.com/orders</flowable:string></flowable:field>".formatted(FLOWABLE))),
                canonical(parse("<flowable:field %s name=\"requestHeaders\"><flowable:string>Content-Type: application/json</flowable:string></flowable:field>".formatted(FLOWABLE))),
                canonical(parse("<flowable:field %s name=\"requestBody\"><flowable:expression>${orderJson}</flowable:expression></flowable:field>".formatted(FLOWABLE))));
    }

    @Test
    void aJsonBodyCannotBeSaidByFlowableAndGoesToBaton() {
        Task t0 = task("post", ElementKind.SERVICE_TASK, null).withImplementation(new Implementation.HttpCall("POST",
                Expression.literal("https://example.com/orders"), null, juel("${order}"), Implementation.BodyFormat.JSON, null,
                Map.of("404", "ORDER_NOT_FOUND"), null, null));

        Definitions lowered = DialectMapping.lower(flowableDocument(t0));

        assertThat(element(lowered, "post", Task.class).extensions().elements()).singleElement()
                .satisfies(f -> assertThat(f.namespace()).isEqualTo(Dialect.BATON_NS));
        assertThat(element(DialectMapping.lift(lowered).definitions(), "post", Task.class).implementation()).isEqualTo(t0.implementation());
    }
}
