package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.InstanceState;
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

/** A repeating non-interrupting boundary timer (R3/...) fires its number of times while the activity waits. */
class TimerCycleBoundaryTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void aNonInterruptingCycleTimerFiresThreeTimesAndThenStops(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("timer-cycle-boundary.bpmn"));
            String id = start(engine, "reminders", Map.of());

            Engines.await(Duration.ofSeconds(20), "three reminders", () -> entered(engine, id).stream().filter("Remind"::equals).count() == 3);
            long quietUntil = System.currentTimeMillis() + 1500;
            // five more intervals without a fourth reminder
            Engines.await(Duration.ofSeconds(5), "1.5 s passed", () -> System.currentTimeMillis() > quietUntil);
            assertThat(entered(engine, id)).filteredOn("Remind"::equals).hasSize(3);
            assertThat(Flows.tokenElements(engine, id)).containsExactly("Approve");

            complete(engine, id, "Approve", Map.of());
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
        }
    }
}
