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
import dev.baton.model.GlobalElement;
import dev.baton.model.Task;
import dev.baton.model.exec.CallSettings;
import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.IoMapping;
import dev.baton.model.exec.MessageChannel;
import dev.baton.model.exec.RetryPolicy;
import dev.baton.model.exec.UserTaskSettings;
import dev.baton.model.exec.VariableMapping;
import dev.baton.model.validation.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plain BPMN files and Baton's own settings: everything goes into baton: and comes back the same. */
class BatonDialectTest {

    private static Definitions lowerThenLift(Definitions d) {
        return DialectMapping.lift(DialectMapping.lower(d)).definitions();
    }

    @Test
    void everySettingOfAPlainBpmnFileSurvivesLowerAndLift() {
        Implementation.HttpCall http = new Implementation.HttpCall("PUT", new Expression("=base + \"/orders\"", Expression.Language.FEEL),
                Map.of("Authorization", Expression.literal("Bearer {{secret}}")), new Expression("${order}", Expression.Language.JUEL),
                Implementation.BodyFormat.JSON, Map.of("orderId", Expression.literal("/id")), Map.of("409", "ORDER_EXISTS", "5xx", "SHOP_DOWN"),
                Duration.ofSeconds(3), "shop-token");
        Task t0 = task("putOrder", ElementKind.SERVICE_TASK, null).withImplementation(http).withActivity(new ActivitySettings(false, null, null,
                true, true, new RetryPolicy(4, null, Duration.ofMillis(500), 3.0),
                new IoMapping(List.of(new VariableMapping("order", new Expression("order", Expression.Language.OTHER))),
                        List.of(new VariableMapping("id", null))), null, null, null, null));
        Task publish = task("publish", ElementKind.SEND_TASK, null).withImplementation(new Implementation.RabbitPublish("orders",
                Expression.literal("order.created"), new Expression("${order}", Expression.Language.JUEL), Map.of("x-source", Expression.literal("baton"))));
        Task user = new Task("approve", null, ElementKind.USER_TASK, null, null, null, null,
                new UserTaskSettings(Expression.literal("demo"), List.of("a, b", "c"), List.of("managers"), "approve-form", null, null, 5),
                false, null, null);
        CallActivity call = new CallActivity("call", null, "child", new CallSettings(CallSettings.Binding.VERSION_TAG, "v2",
                Expression.literal("key"), true, false, List.of(new VariableMapping("x", Expression.literal("1"))), null), null, null, null);
        Event boundary = new Event("failed", null, ElementKind.BOUNDARY_EVENT,
                List.of(new EventDefinition.Error("ed", "E1", "code", "message", null)), true, "putOrder", false, null, null, null, null, null, null);
        GlobalElement.Message m = new GlobalElement.Message("msg", "OrderPaid", null, Expression.literal("${orderId}"),
                new MessageChannel.Kafka("payments", new Expression("/orderId", Expression.Language.OTHER)), null);
        Definitions x = plainDocument(List.of(m), t0, publish, user, call, boundary);

        Definitions lowered = DialectMapping.lower(x);
        Definitions back = DialectMapping.lift(lowered).definitions();

        assertThat(lowered.namespaces()).containsEntry("baton", Dialect.BATON_NS);
        assertThat(back.rootElements()).isEqualTo(x.rootElements());
        assertThat(DialectMapping.lift(lowered).problems()).isEmpty();
    }

    @Test
    void aKafkaPublishInACamunda8FileGoesToBatonBesideTheZeebeSettings() {
        Task t0 = task("publish", ElementKind.SEND_TASK, null)
                .withImplementation(new Implementation.KafkaPublish("orders", null, new Expression("=order", Expression.Language.FEEL), null))
                .withActivity(ActivitySettings.DEFAULT.withIo(new IoMapping(List.of(new VariableMapping("order", new Expression("=o", Expression.Language.FEEL))), null)));

        Definitions lowered = DialectMapping.lower(zeebeDocument(List.of(), t0));

        Task t = element(lowered, "publish", Task.class);
        assertThat(t.extensions().elements()).extracting(f -> f.namespace() + " " + f.localName())
                .containsExactlyInAnyOrder(Dialect.CAMUNDA8_NS + " ioMapping", Dialect.BATON_NS + " kafka");
        assertThat(lowerThenLift(zeebeDocument(List.of(), t0)).rootElements()).isEqualTo(zeebeDocument(List.of(), t0).rootElements());
    }

    @Test
    void aBatonSettingWinsOverTheSameZeebeSetting() {
        Task t0 = task("work", ElementKind.SERVICE_TASK, ext("<zeebe:taskDefinition %s type=\"old\"/>".formatted(ZEEBE),
                "<baton:externalTask %s topic=\"new\"/>".formatted(BATON)));
        Definitions x = document(Map.of("zeebe", Dialect.CAMUNDA8_NS, "baton", Dialect.BATON_NS), List.of(), t0);

        DialectMapping.LiftResult r = RoundTrip.check(x);

        assertThat(element(r.definitions(), "work", Task.class).implementation())
                .isEqualTo(new Implementation.ExternalTask(Expression.literal("new"), null));
        assertThat(r.problems()).singleElement().extracting(Problem::message).asString().contains("zeebe:taskDefinition");
    }

    @Test
    void aBatonElementThatDoesNotReadIsKeptAndNamed() {
        Task t0 = task("work", ElementKind.SERVICE_TASK, ext("<baton:retry %s maxAttempts=\"many\"/>".formatted(BATON)));
        Definitions x = document(Map.of("baton", Dialect.BATON_NS), List.of(), t0);

        DialectMapping.LiftResult r = DialectMapping.lift(x);

        assertThat(element(r.definitions(), "work", Task.class).activity().retries()).isNull();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("work");
            assertThat(p.message()).contains("baton:retry", "many");
        });
    }

    @Test
    void liftingADocumentWithoutExtensionsChangesNothing() {
        Definitions x = plainDocument(List.of(), task("a", ElementKind.SERVICE_TASK, null), Event.of("s", null, ElementKind.START_EVENT, null));

        DialectMapping.LiftResult r = DialectMapping.lift(x);

        assertThat(r.definitions()).isEqualTo(x);
        assertThat(r.problems()).isEmpty();
        assertThat(DialectMapping.lower(x)).isEqualTo(x);
    }
}
