package dev.baton.bpmn.dialect;

import static dev.baton.bpmn.dialect.Models.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.ActivitySettings;
import dev.baton.model.CallActivity;
import dev.baton.model.Definitions;
import dev.baton.model.Dialect;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.Expression;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.GlobalElement;
import dev.baton.model.LoopCharacteristics;
import dev.baton.model.RootElement;
import dev.baton.model.SubProcess;
import dev.baton.model.Task;
import dev.baton.model.exec.CallSettings;
import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.IoMapping;
import dev.baton.model.exec.MessageChannel;
import dev.baton.model.exec.RetryPolicy;
import dev.baton.model.exec.Script;
import dev.baton.model.exec.UserTaskSettings;
import dev.baton.model.exec.VariableMapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Given a process designed in Baton with every kind of execution setting, when it is saved into a file of any dialect
 * (lower) and opened again (lift), then every setting is back as it was and nothing is left over in the extensions.
 */
class LowerThenLiftTest {
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    static Stream<Arguments> dialects() {
        return Stream.of(
                Arguments.of("Camunda 7", Map.of("bpmn", BPMN, "camunda", Dialect.CAMUNDA7_NS), Dialect.CAMUNDA7_NS),
                Arguments.of("Camunda 8", Map.of("bpmn", BPMN, "zeebe", Dialect.CAMUNDA8_NS), Dialect.CAMUNDA8_NS),
                Arguments.of("Flowable", Map.of("bpmn", BPMN, "flowable", Dialect.FLOWABLE_NS), Dialect.FLOWABLE_NS),
                Arguments.of("Activiti", Map.of("bpmn", BPMN, "activiti", Dialect.ACTIVITI_NS), Dialect.ACTIVITI_NS),
                Arguments.of("plain BPMN", Map.of("bpmn", BPMN), Dialect.BATON_NS));
    }

    private static Expression juel(String t) { return new Expression(t, Expression.Language.JUEL); }

    private static Expression feel(String t) { return new Expression(t, Expression.Language.FEEL); }

    private static Task task(String id, ElementKind kind, Implementation impl, ActivitySettings a) {
        return new Task(id, id, kind, a, impl, null, null, null, false, null, null);
    }

    /** Every setting the model has, in JUEL, FEEL and literal flavours, so that each dialect says some and baton: the rest. */
    static List<FlowElement> everything() {
        List<FlowElement> e = new ArrayList<>();
        IoMapping juelIo = new IoMapping(List.of(new VariableMapping("amount", juel("${order.amount}")), new VariableMapping("note", null)),
                List.of(new VariableMapping("ok", Expression.literal("yes"))));
        IoMapping feelIo = new IoMapping(List.of(new VariableMapping("amount", feel("=order.amount"))), null);
        ActivitySettings async = new ActivitySettings(false, null, null, true, true, new RetryPolicy(5, "R5/PT10S", Duration.ofSeconds(10), 1.0),
                juelIo, null, null, null, null);
        ActivitySettings zeebeLike = new ActivitySettings(false, null, null, false, false, new RetryPolicy(3, null, null, 2.0), feelIo,
                null, null, null, null);
        e.add(task("http-text", ElementKind.SERVICE_TASK, new Implementation.HttpCall("POST", juel("https://x/${id}"),
                Map.of("Accept", Expression.literal("text/plain")), juel("${payload}"), Implementation.BodyFormat.TEXT,
                Map.of("answer", juel("${body}")), null, null, null), async));
        e.add(task("http-json", ElementKind.SERVICE_TASK, new Implementation.HttpCall("GET", feel("=base"), null, null, null,
                Map.of("id", Expression.literal("/id")), Map.of("404", "NOT_FOUND"), Duration.ofSeconds(2), "token"), zeebeLike));
        e.add(task("kafka", ElementKind.SEND_TASK, new Implementation.KafkaPublish("orders", juel("${id}"), feel("=order"),
                Map.of("h", Expression.literal("v"))), null));
        e.add(task("rabbit", ElementKind.SEND_TASK, new Implementation.RabbitPublish("ex", Expression.literal("rk"), juel("${b}"), null), null));
        e.add(task("external", ElementKind.SERVICE_TASK, new Implementation.ExternalTask(Expression.literal("charge"), null), zeebeLike));
        e.add(task("external-prio", ElementKind.SERVICE_TASK, new Implementation.ExternalTask(juel("${topic}"), 7), async));
        e.add(task("expression", ElementKind.SERVICE_TASK, new Implementation.ExpressionCall(juel("${a.b()}"), "r"), null));
        e.add(task("class", ElementKind.SERVICE_TASK, new Implementation.JavaClass("com.example.C"), null));
        e.add(task("delegate", ElementKind.SERVICE_TASK, new Implementation.DelegateExpression(juel("#{bean}")), null));
        e.add(task("decision", ElementKind.BUSINESS_RULE_TASK, new Implementation.Decision("risk", "result", null), null));
        e.add(task("decision-details", ElementKind.BUSINESS_RULE_TASK, new Implementation.Decision("risk", null, List.of("mapDecisionResult=singleEntry")), null));
        e.add(new Task("user-juel", null, ElementKind.USER_TASK, null, null, null, null, new UserTaskSettings(juel("${approver}"),
                List.of("kermit", "${boss}"), List.of("accounting"), "app:form", juel("${due}"), Expression.literal("2026-01-01"), 50),
                false, null, null));
        e.add(new Task("user-feel", null, ElementKind.USER_TASK, null, null, null, null, new UserTaskSettings(feel("=clerk"),
                List.of("=reviewers"), List.of("clerks", "leads"), "camunda-forms:bpmn:f", feel("=now()"), null, 10), false, null, null));
        e.add(new Task("script-feel", null, ElementKind.SCRIPT_TASK, null, null, null, new Script("feel", "=a + b", "sum"), null, false, null, null));
        e.add(new Task("script-groovy", null, ElementKind.SCRIPT_TASK, null, null, null, new Script("groovy", "a + b", "sum"), null, false, null, null));
        e.add(new CallActivity("call-juel", null, "child", new CallSettings(CallSettings.Binding.VERSION, "3", juel("${key}"), true, false,
                List.of(new VariableMapping("c", juel("${customer}")), new VariableMapping("d", juel("${x + 1}"))),
                List.of(new VariableMapping("s", juel("${score}")))), null, null, null));
        e.add(new CallActivity("call-local", null, "child", new CallSettings(CallSettings.Binding.VERSION_TAG, "1.0", null, false, false,
                List.of(new VariableMapping("c", juel("${customer}"), true)), List.of(new VariableMapping("s", juel("${score}"), true)), true, true),
                null, null, null));
        e.add(new CallActivity("call-zeebe", null, "child", new CallSettings(CallSettings.Binding.LATEST, null, null, true, true, null, null),
                null, null, null));
        e.add(new CallActivity("call-default", null, "child", null, null, null, null));
        e.add(task("mi-juel", ElementKind.USER_TASK, null, ActivitySettings.DEFAULT.withLoop(new LoopCharacteristics.MultiInstance("l1", false,
                null, juel("${reviewers}"), "reviewer", null, null, null, null))));
        e.add(task("mi-feel", ElementKind.SERVICE_TASK, null, ActivitySettings.DEFAULT.withLoop(new LoopCharacteristics.MultiInstance("l2", true,
                null, feel("=items"), "item", null, "results", feel("=result"), null))));
        e.add(new Event("end-message", null, ElementKind.END_EVENT, List.of(new EventDefinition.Message("md", "m1", null, null)), true, null,
                false, null, null, new Implementation.ExternalTask(Expression.literal("notify"), null), feelIo, null, null));
        e.add(new Event("end-kafka", null, ElementKind.END_EVENT, List.of(new EventDefinition.Message("md2", "m1", null, null)), true, null,
                false, null, null, new Implementation.KafkaPublish("done", null, juel("${x}"), null), juelIo, null, null));
        e.add(new Event("caught-error", null, ElementKind.BOUNDARY_EVENT, List.of(new EventDefinition.Error("ed", "E", "code", "msg", null)),
                true, "external", false, null, null, null, null, null, null));
        e.add(new Event("caught-escalation", null, ElementKind.BOUNDARY_EVENT,
                List.of(new EventDefinition.Escalation("esd", "ES", "escCode", null)), false, "external", false, null, null, null, null, null, null));
        e.add(new SubProcess("sub", null, ElementKind.SUB_PROCESS, new FlowContent(List.of(task("inner", ElementKind.SERVICE_TASK,
                new Implementation.JavaClass("com.example.Inner"), async)), null, null), async, null, null, null, null));
        return e;
    }

    static List<RootElement> messages() {
        return List.of(new GlobalElement.Message("m1", "OrderPaid", null, feel("=orderId"), null, null),
                new GlobalElement.Message("m2", "Shipped", null, juel("${orderId}"), new MessageChannel.Rabbit("q", "ex", "rk", feel("=id")), null),
                new GlobalElement.Message("m3", "Plain", null, null, new MessageChannel.Kafka("t", Expression.literal("/id")), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void everySettingSurvivesSavingAndOpeningInThisDialect(String dialect, Map<String, String> namespaces, String dialectNamespace) {
        Definitions designed = document(namespaces, messages(), everything().toArray(FlowElement[]::new));

        Definitions saved = DialectMapping.lower(designed);
        DialectMapping.LiftResult opened = DialectMapping.lift(saved);

        Task external = element(saved, "external", Task.class);
        assertThat(Stream.concat(external.extensions().attributes().keySet().stream().map(k -> k.substring(1, k.indexOf('}'))),
                        external.extensions().elements().stream().map(f -> f.namespace())).toList())
                .as("the external task is said in the dialect's own words where it has them").contains(dialectNamespace);
        assertThat(saved.namespaces().containsValue(Dialect.BATON_NS)).as("some settings need baton:").isTrue();
        assertThat(opened.problems()).as("nothing is left unmapped").isEmpty();
        assertThat(opened.definitions().rootElements()).isEqualTo(designed.rootElements());
        assertThat(DialectMapping.lower(opened.definitions()).rootElements()).as("saving again writes the same").isEqualTo(saved.rootElements());
    }
}
