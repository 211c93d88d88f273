package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.HistoryEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.baton.engine.Flows.awaitTokensAt;
import static dev.baton.engine.Flows.start;
import static org.assertj.core.api.Assertions.assertThat;

/** Stream positions follow commit order: a client resuming with after= gets every event it missed, none twice. */
class EventPositionTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void aStepThatStartsWritingFirstButCommitsLastGetsTheLaterPositionAndAResumingClientSeesIt(Db db) throws Exception {
        Baton[] config = new Baton[1];
        try (BatonEngine engine = Engines.open(db, dir, b -> config[0] = b)) {
            engine.deploy(Engines.files("boundary.bpmn"));
            String slow = start(engine, "boundary", Map.of("deadline", "PT1H"));
            String fast = start(engine, "boundary", Map.of("deadline", "PT1H"));
            // the 0.3 s reminders fire first, so no timer step joins the race below
            awaitTokensAt(engine, slow, "RemindTask", "Work");
            awaitTokensAt(engine, fast, "RemindTask", "Work");
            String work = engine.tasks(null, null, null, slow).stream().filter(t -> t.elementId().equals("Work")).findFirst().orElseThrow().id();

            try (Connection other = connect(db, config[0])) {
                // another session holds the rows the slow step deletes after its history insert, before its commit
                other.setAutoCommit(false);
                try (var lock = other.prepareStatement("SELECT id FROM message_subscriptions WHERE instance_id = ? FOR UPDATE")) {
                    lock.setString(1, slow);
                    try (ResultSet rs = lock.executeQuery()) {
                        int n = 0;
                        while (rs.next()) n++;
                        assertThat(n).as("the Work task's boundary message subscriptions").isEqualTo(2);
                    }
                }
                CompletableFuture<Void> slowStep = CompletableFuture.runAsync(() -> engine.completeTask(work, Map.of()));
                Engines.await(Duration.ofSeconds(10), "the slow step waits for the held rows", () -> waiting(db, other));

                engine.setVariables(fast, Map.of("note", "committed first"));
                List<HistoryEvent> firstRead = engine.eventsAfter(0, null, null, 10_000);
                long lastSeen = firstRead.get(firstRead.size() - 1).id();

                other.rollback();
                slowStep.get(20, TimeUnit.SECONDS);
                List<HistoryEvent> resumed = engine.eventsAfter(lastSeen, null, null, 10_000);

                HistoryEvent fastChange = engine.history(fast).stream().filter(e -> e.type().equals("VARIABLES_CHANGED")).findFirst().orElseThrow();
                HistoryEvent slowCompletion = engine.history(slow).stream().filter(e -> e.type().equals("TASK_COMPLETED")).findFirst().orElseThrow();
                assertThat(slowCompletion.id()).as("the step that committed last has the later position").isGreaterThan(fastChange.id());
                assertThat(firstRead).extracting(HistoryEvent::id).contains(fastChange.id()).doesNotContain(slowCompletion.id());
                assertThat(resumed).extracting(HistoryEvent::id).contains(slowCompletion.id());

                List<Long> seen = new ArrayList<>();
                firstRead.forEach(e -> seen.add(e.id()));
                resumed.forEach(e -> seen.add(e.id()));
                List<Long> all = engine.eventsAfter(0, null, null, 10_000).stream().map(HistoryEvent::id).toList();
                assertThat(seen).as("every event exactly once, in order").isEqualTo(all);
                assertThat(all).as("positions have no gaps").isEqualTo(java.util.stream.LongStream.rangeClosed(1, all.size()).boxed().toList());
            }
        }
    }

    private static Connection connect(Db db, Baton config) throws Exception {
        Connection c = DriverManager.getConnection(config.effectiveJdbcUrl(), config.user == null ? "" : config.user, config.password);
        if (db == Db.POSTGRES) {
            try (Statement s = c.createStatement()) {
                s.execute("SET search_path TO " + config.schema);
            }
        }
        return c;
    }

    /** True when some session waits for a row lock, i.e. the slow step is blocked. */
    private static boolean waiting(Db db, Connection c) {
        String sql = db == Db.POSTGRES
                ? "SELECT COUNT(*) FROM pg_locks WHERE NOT granted"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1) > 0;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
