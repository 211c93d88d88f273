package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.InstanceState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static dev.baton.engine.Flows.complete;
import static dev.baton.engine.Flows.entered;
import static dev.baton.engine.Flows.start;
import static dev.baton.engine.Flows.tokenElements;
import static org.assertj.core.api.Assertions.assertThat;

/** Escalations (throw, end, boundary interrupting or not, event subprocess) and link events. */
class EscalationAndLinkTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void aNonInterruptingEscalationBoundaryLetsTheSubprocessGoOnAndALinkJumpsToItsCatch(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("escalation-link.bpmn"));
            String id = start(engine, "escalations", Map.of("abort", false));

            assertThat(tokenElements(engine, id)).containsExactly("Notify", "Sub", "Work");
            assertThat(entered(engine, id)).containsSubsequence("ThrowLate", "LateNoted", "Notify")
                    .containsSubsequence("ThrowLate", "GoToWork", "WorkLink", "Work");
            assertThat(engine.instance(id).variables()).containsEntry("esc", "LATE");

            complete(engine, id, "Work", Map.of());
            complete(engine, id, "Notify", Map.of());
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).contains("End").doesNotContain("Aborted");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anEscalationEndEventIsCaughtByTheInterruptingBoundaryEvent(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("escalation-link.bpmn"));
            String id = start(engine, "escalations", Map.of("abort", true));

            complete(engine, id, "Work", Map.of());
            assertThat(tokenElements(engine, id)).containsExactly("Notify");
            assertThat(entered(engine, id)).containsSubsequence("EndAbort", "Aborted", "End3").doesNotContain("End");
            assertThat(engine.history(id)).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("ELEMENT_CANCELED");
                assertThat(e.elementId()).isEqualTo("Sub");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anEscalationStartsANonInterruptingEventSubprocess(Db db) {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("escalation-link.bpmn"));
            String id = start(engine, "escalationSubprocess", Map.of());

            complete(engine, id, "Try", Map.of());
            assertThat(tokenElements(engine, id)).containsExactly("Help", "OnHelp");
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.ACTIVE);
            complete(engine, id, "Help", Map.of());
            assertThat(engine.instance(id).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(entered(engine, id)).containsSubsequence("Try", "AskHelp", "OnHelp", "HelpStart", "Help");
        }
    }
}
