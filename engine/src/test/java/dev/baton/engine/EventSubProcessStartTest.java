package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.MessageRequest;
import dev.baton.model.api.SignalRequest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static dev.baton.engine.Flows.complete;
import static dev.baton.engine.Flows.entered;
import static dev.baton.engine.Flows.start;
import static org.assertj.core.api.Assertions.assertThat;

/** Event subprocesses started by a message, a timer or a signal, interrupting or not. */
class EventSubProcessStartTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void nonInterruptingMessageTimerAndSignalStartsRunBesideTheScopeWhichStillCompletes(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("event-subprocess-starts.bpmn"));
            String id = start(engine, "orderWithEvents", Map.of());

            Engines.await(Duration.ofSeconds(20), "the slow-picking timer fired", () -> entered(engine, id).contains("SlowEnd"));
            engine.correlate(new MessageRequest("address-changed", null, null, Map.of("street", "Elm 5")));
            assertThat(engine.signal(new SignalRequest("audit", Map.of())).caughtBy()).containsExactly(id);

            assertThat(engine.tasks(null, null, null, id)).extracting(t -> t.elementId()).containsExactlyInAnyOrder("Pick", "Relabel");
            assertThat(engine.instance(id).variables()).containsEntry("street", "Elm 5");
            assertThat(entered(engine, id)).contains("OnSlow", "OnAddress", "AddressStart", "OnAudit", "AuditEnd");

            complete(engine, id, "Relabel", Map.of());
            complete(engine, id, "Pick", Map.of());
            // the subprocess completed although its event subprocesses were still listening
            assertThat(engine.tasks(null, null, null, id)).extracting(t -> t.elementId()).containsExactly("Ship");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anInterruptingMessageStartCancelsEverythingElseInItsScope(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("event-subprocess-starts.bpmn"));
            String id = start(engine, "orderWithEvents", Map.of());

            var result = engine.correlate(new MessageRequest("cancel-order", null, null, Map.of("reason", "changed mind")));
            assertThat(result.instanceId()).isEqualTo(id);
            assertThat(engine.tasks(null, null, null, id)).extracting(t -> t.elementId()).containsExactly("Refund");
            assertThat(engine.history(id)).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("ELEMENT_CANCELED");
                assertThat(e.elementId()).isEqualTo("Handle");
            });
            complete(engine, id, "Refund", Map.of());
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).doesNotContain("Ship");
        }
    }
}
