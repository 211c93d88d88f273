package dev.baton.installer;

import dev.baton.engine.Baton;
import dev.baton.engine.BatonEngine;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.InstanceQuery;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.InstanceView;
import dev.baton.model.api.TaskView;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installing a newer Baton over an older one keeps the H2 database: given a data folder written by the engine of
 * schema version 1 (the Flyway migrations up to V1 and the rows that engine wrote for an instance waiting at a user
 * task), when the current engine starts on it, then Flyway brings the schema to the newest version and the waiting
 * instance carries on to its end. Today the engine has only V1, so the migration step is empty; the test is the
 * harness that every later migration (V2...) must pass with this frozen version-1 data.
 */
class UpgradeKeepsDataTest {

    @TempDir Path data;

    @Test
    void anInstanceWaitingInAVersion1DatabaseCompletesAfterTheUpgrade() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("engine").toString().replace('\\', '/');
        Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").target(MigrationVersion.fromVersion("1"))
                .load().migrate();
        try (Connection c = DriverManager.getConnection(url, "", ""); Statement s = c.createStatement()) {
            for (String sql : fixture()) s.execute(sql);
        }
        assertThat(schemaVersions(url)).containsExactly("1");
        MigrationVersion newest = newestMigration();

        try (BatonEngine engine = Baton.builder().dataDir(data).build()) {
            assertThat(schemaVersions(url)).as("migrations applied on start").last().isEqualTo(newest.getVersion());

            InstanceView waiting = engine.instances(new InstanceQuery(
                    "leaveRequest", null, InstanceState.ACTIVE, "upgrade-1", null, null, 0, 10)).items().stream()
                    .map(i -> engine.instance(i.id())).findFirst().orElseThrow();
            assertThat(waiting.variables()).containsEntry("requester", "ana");
            List<TaskView> tasks = engine.tasks(null, null, "leaveRequest", waiting.id());
            assertThat(tasks).extracting(TaskView::elementId).containsExactly("Approve");

            engine.completeTask(tasks.get(0).id(), Map.of("approved", true));

            InstanceView done = awaitState(engine, waiting.id(), InstanceState.COMPLETED);
            assertThat(done.variables()).containsEntry("approved", true).containsEntry("days", 3);
            assertThat(engine.history(waiting.id())).extracting(HistoryEvent::elementId).contains("Approve", "Granted")
                    .doesNotContain("Refused");
            // the history written before the upgrade is still there, and new events continue its numbering
            assertThat(engine.history(waiting.id()).get(0).type()).isEqualTo("INSTANCE_STARTED");
        }
    }

    private static MigrationVersion newestMigration() {
        // every migration the current engine ships, as Flyway lists them against an empty database
        return java.util.Arrays.stream(Flyway.configure().dataSource("jdbc:h2:mem:newest", "", "").locations("classpath:db/migration")
                        .load().info().all())
                .map(m -> m.getVersion()).max(MigrationVersion::compareTo).orElseThrow();
    }

    private static List<String> schemaVersions(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "", ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> versions = new java.util.ArrayList<>();
            while (r.next()) versions.add(r.getString(1));
            return versions;
        }
    }

    private static List<String> fixture() throws Exception {
        try (var in = UpgradeKeepsDataTest.class.getResourceAsStream("/upgrade/v1-leave-request-waiting.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("--")).map(l -> l.replaceAll(";\\s*$", "")).toList();
        }
    }

    private static InstanceView awaitState(BatonEngine engine, String id, InstanceState state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        InstanceView view;
        do {
            view = engine.instance(id);
            if (view.state() == state) return view;
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // poll interval
        } while (System.nanoTime() < deadline);
        throw new AssertionError("instance " + id + " is " + view.state() + ", not " + state + " after 30 s");
    }
}
