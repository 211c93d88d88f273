package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.DeploymentResult;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.InstanceView;
import dev.baton.model.api.StartInstanceRequest;
import dev.baton.model.api.TaskView;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** order-approval.bpmn: a user task, then an exclusive gateway with a JUEL condition and a default flow. */
class UserTaskAndGatewayTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void anApprovedOrderIsShippedAndTheInstanceCompletes(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("order-approval.bpmn"));
            InstanceView started = engine.startInstance("orderApproval",
                    new StartInstanceRequest(Map.of("amount", 120), "order-7", null)).instance();

            assertThat(started.state()).isEqualTo(InstanceState.ACTIVE);
            assertThat(started.tokens()).singleElement().satisfies(t -> {
                assertThat(t.elementId()).isEqualTo("Approve");
                assertThat(t.state()).isEqualTo("WAITING");
            });
            List<TaskView> tasks = engine.tasks(null, null, "orderApproval", null);
            assertThat(tasks).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("Approve order"));

            engine.claim(tasks.get(0).id(), "mia");
            assertThat(engine.tasks("mia", null, null, null)).hasSize(1);
            engine.completeTask(tasks.get(0).id(), Map.of("approved", true));

            InstanceView done = engine.instance(started.id());
            assertThat(done.state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(done.endedAt()).isNotNull();
            assertThat(done.tokens()).isEmpty();
            assertThat(done.variables()).containsEntry("approved", true);
            List<HistoryEvent> history = engine.history(started.id());
            assertThat(history).extracting(HistoryEvent::seq).isSorted().doesNotHaveDuplicates();
            assertThat(history.stream().filter(e -> e.type().equals("ELEMENT_ENTERED")).map(HistoryEvent::elementId))
                    .containsExactly("Start", "Approve", "Decide", "Ship", "Shipped");
            assertThat(history).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("FLOW_TAKEN");
                assertThat(e.elementId()).isEqualTo("fApproved");
            });
            assertThat(history).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("ELEMENT_LEFT");
                assertThat(e.elementId()).isEqualTo("Approve");
                assertThat(e.durationMs()).isNotNull().isGreaterThanOrEqualTo(0);
            });
            assertThat(history.get(history.size() - 1).type()).isEqualTo("INSTANCE_ENDED");
            assertThat(engine.tasks(null, null, null, started.id())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void whenNoConditionHoldsTheDefaultFlowIsTaken(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("order-approval.bpmn"));
            InstanceView started = engine.startInstance("orderApproval", new StartInstanceRequest(Map.of("amount", 5000), null, null)).instance();
            engine.completeTask(engine.tasks(null, null, null, started.id()).get(0).id(), Map.of("approved", true));

            assertThat(engine.history(started.id())).filteredOn(e -> e.type().equals("ELEMENT_ENTERED"))
                    .extracting(HistoryEvent::elementId).endsWith("Rejected");
            assertThat(engine.instance(started.id()).state()).isEqualTo(InstanceState.COMPLETED);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void deployingTheSameFileAgainKeepsTheVersionAndAChangedFileMakesANewOne(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            DeploymentResult first = engine.deploy(Engines.files("order-approval.bpmn"));
            DeploymentResult again = engine.deploy(Engines.files("order-approval.bpmn"));
            String changed = new String(Engines.bpmn("order-approval.bpmn").content(), StandardCharsets.UTF_8)
                    .replace("Ship order", "Ship the order");
            DeploymentResult third = engine.deploy(List.of(BpmnFile.of("order-approval.bpmn", changed)));

            assertThat(first.definitions()).singleElement().satisfies(d -> {
                assertThat(d.processId()).isEqualTo("orderApproval");
                assertThat(d.version()).isEqualTo(1);
                assertThat(d.name()).isEqualTo("Order approval");
            });
            assertThat(again.definitions().get(0).id()).isEqualTo(first.definitions().get(0).id());
            assertThat(third.definitions().get(0).version()).isEqualTo(2);
            assertThat(engine.definitions()).hasSize(2);
            assertThat(engine.startInstance("orderApproval", null).instance().definitionId())
                    .isEqualTo(third.definitions().get(0).id());
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void theSameIdempotencyKeyReturnsTheSameInstance(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("order-approval.bpmn"));
            var first = engine.startInstance("orderApproval", new StartInstanceRequest(Map.of(), null, "req-1"));
            var second = engine.startInstance("orderApproval", new StartInstanceRequest(Map.of(), null, "req-1"));

            assertThat(first.created()).isTrue();
            assertThat(second.created()).isFalse();
            assertThat(second.instance().id()).isEqualTo(first.instance().id());
            assertThat(engine.instances(dev.baton.model.api.InstanceQuery.all()).total()).isEqualTo(1);
        }
    }
}
