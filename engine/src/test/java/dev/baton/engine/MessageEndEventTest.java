package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.StartInstanceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A message end event without a broker sends its message like a send task; its token ends once it went out. */
class MessageEndEventTest {
    @TempDir Path dir;

    @Test
    void aMessageEndEventSendsItsMessageToTheWaitingInstanceAndEnds() {
        try (BatonEngine engine = Engines.open(Db.H2, dir)) {
            engine.deploy(Engines.files("message-end.bpmn"));
            String waiting = engine.startInstance("orderWaitsForPacking", new StartInstanceRequest(Map.of("orderId", "P-1"), null, null))
                    .instance().id();
            String other = engine.startInstance("orderWaitsForPacking", new StartInstanceRequest(Map.of("orderId", "P-2"), null, null))
                    .instance().id();
            String packing = engine.startInstance("packing", new StartInstanceRequest(Map.of("orderId", "P-1", "boxes", 3), null, null))
                    .instance().id();

            Engines.await(Duration.ofSeconds(20), "the packing instance ended and the order went on", () ->
                    engine.instance(packing).state() == InstanceState.COMPLETED && engine.instance(waiting).state() == InstanceState.COMPLETED);
            assertThat(engine.variables(waiting)).containsEntry("boxes", 3);
            assertThat(engine.instance(other).state()).as("the other order's key does not match").isEqualTo(InstanceState.ACTIVE);
            assertThat(engine.history(packing)).anyMatch(e -> e.type().equals("ELEMENT_LEFT") && "Packed".equals(e.elementId()));
        }
    }
}
