package dev.baton.installer;

import dev.baton.engine.Baton;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.BpmnFile;
import dev.baton.model.api.StartInstanceRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the rows an engine of schema version N leaves behind for one waiting instance, as SQL the upgrade test
 * replays into a database migrated only to version N. Run it with the engine of that version (the file is frozen
 * afterwards, so the next schema change is tested against what the older engine really wrote):
 * {@code mvn -o -q -pl installer -am test-compile exec:java -Dexec.mainClass=dev.baton.installer.UpgradeFixture
 * -Dexec.classpathScope=test -Dexec.args="installer/src/test/resources/upgrade/v1-leave-request-waiting.sql"}.
 */
public final class UpgradeFixture {

    private UpgradeFixture() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path dir = Files.createTempDirectory("baton-fixture");
        try (BatonEngine engine = Baton.builder().dataDir(dir).build();
             InputStream bpmn = UpgradeFixture.class.getResourceAsStream("/samples/leave-request.bpmn")) {
            engine.deploy(List.of(new BpmnFile("leave-request.bpmn", bpmn.readAllBytes())));
            engine.startInstance("leaveRequest", new StartInstanceRequest(Map.of("requester", "ana", "days", 3), "upgrade-1", null));
        }
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("engine"), "", "");
             Statement s = c.createStatement()) {
            String version;
            try (ResultSet r = s.executeQuery("SELECT MAX(\"version\") FROM \"flyway_schema_history\" WHERE \"success\"")) {
                r.next();
                version = r.getString(1);
            }
            lines.add("-- One instance of leaveRequest waiting at its user task 'Approve', as the engine of schema version "
                    + version + " wrote it");
            lines.add("-- (made by dev.baton.installer.UpgradeFixture; do not edit: it stands for databases already installed).");
            try (ResultSet r = s.executeQuery("SCRIPT SIMPLE NOSETTINGS")) {
                while (r.next()) {
                    String sql = r.getString(1);
                    if (sql.startsWith("INSERT INTO") && !sql.contains("flyway_schema_history")) lines.add(sql.endsWith(";") ? sql : sql + ";");
                }
            }
            try (ResultSet r = s.executeQuery("SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = 'HISTORY_EVENT_IDS'")) {
                r.next();
                lines.add("ALTER SEQUENCE \"PUBLIC\".\"HISTORY_EVENT_IDS\" RESTART WITH " + r.getLong(1) + ";");
            }
        } catch (SQLException e) {
            throw new IOException("cannot read the fixture database: " + e.getMessage(), e);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines);
        System.out.println("wrote " + (lines.size() - 2) + " statements to " + out);
    }
}
