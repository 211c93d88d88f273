package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.TaskView;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.baton.engine.Flows.complete;
import static dev.baton.engine.Flows.entered;
import static dev.baton.engine.Flows.start;
import static org.assertj.core.api.Assertions.assertThat;

/** Standard loops (loopCondition, testBefore, loopMaximum) and the compensation event subprocess. */
class StandardLoopAndCompensationSubprocessTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void aStandardLoopRunsTheTaskAgainUntilItsConditionNoLongerHolds(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("standard-loop.bpmn"));
            String id = start(engine, "draftUntilApproved", Map.of());

            assertThat(assignees(engine, id)).containsExactly("writer-0");
            complete(engine, id, "Draft", Map.of("approved", false));
            assertThat(assignees(engine, id)).containsExactly("writer-1");
            complete(engine, id, "Draft", Map.of("approved", false));
            assertThat(assignees(engine, id)).containsExactly("writer-2");
            complete(engine, id, "Draft", Map.of("approved", true));

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).containsExactly("Start", "Draft", "Draft", "Draft", "End");
            assertThat(engine.instance(id).variables()).doesNotContainKey("loopCounter");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aTestBeforeLoopChecksFirstAndStopsAtItsMaximum(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("standard-loop.bpmn"));

            String twice = start(engine, "countUp", Map.of("count", 0, "limit", 2));
            assertThat(engine.instance(twice).variables()).containsEntry("count", 2);
            assertThat(entered(engine, twice)).containsExactly("CStart", "Add", "Add", "CEnd");

            String never = start(engine, "countUp", Map.of("count", 7, "limit", 2));
            assertThat(engine.instance(never).variables()).containsEntry("count", 7);
            assertThat(engine.instance(never).state()).isEqualTo(InstanceState.COMPLETED);

            String capped = start(engine, "countUp", Map.of("count", 0, "limit", 100));
            assertThat(engine.instance(capped).variables()).containsEntry("count", 5);
            assertThat(entered(engine, capped).stream().filter("Add"::equals).count()).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aSubprocessWithAStandardLoopRunsWholeAgainWhileItsConditionHolds(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("standard-loop.bpmn"));
            String id = start(engine, "roundsOfReview", Map.of("rounds", 0));

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(engine.instance(id).variables()).containsEntry("rounds", 3);
            assertThat(entered(engine, id)).containsExactly("LStart", "Rounds", "RoundStart", "Count", "RoundEnd", "Rounds", "RoundStart",
                    "Count", "RoundEnd", "Rounds", "RoundStart", "Count", "RoundEnd", "LEnd");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void compensatingASubprocessRunsItsCompensationEventSubprocessWhichUndoesWhatCompletedInside(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("compensate-event-subprocess.bpmn"));
            String id = start(engine, "tripWithUndo", Map.of());

            complete(engine, id, "Pay", Map.of("paid", false));

            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).containsSubsequence("Flight", "Hotel", "Pay", "Undo", "UndoTrip", "UndoStart", "Notify",
                    "UndoInside", "CancelHotel", "CancelFlight", "UndoEnd");
            assertThat(engine.instance(id).variables()).containsEntry("notice", "notice sent")
                    .containsEntry("flight", "cancelled after notice sent").containsEntry("hotel", "cancelled after notice sent");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aSubprocessThatIsNotCompensatedNeverRunsItsCompensationEventSubprocess(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("compensate-event-subprocess.bpmn"));
            String id = start(engine, "tripWithUndo", Map.of());

            complete(engine, id, "Pay", Map.of("paid", true));
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).doesNotContain("UndoTrip", "Notify", "CancelHotel", "CancelFlight");
            assertThat(engine.instance(id).variables()).containsEntry("flight", "booked").containsEntry("hotel", "booked");
        }
    }

    private static List<String> assignees(BatonEngine engine, String id) {
        return engine.tasks(null, null, null, id).stream().map(TaskView::assignee).toList();
    }
}
