package dev.baton.installer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The engine server distribution as an operator unpacks it: bin/baton-engine starts the engine from lib/ with
 * conf/baton-engine.properties and conf/logback.xml, runs a sample process, writes its log file, and stops on SIGTERM.
 */
class EngineServerDistributionIT {

    private static final Path MODULE = Path.of(System.getProperty("baton.module.dir", "."));
    private static final String VERSION = System.getProperty("baton.version", "");

    @TempDir Path tmp;

    @Test
    void theUnpackedServerRunsASampleAndLogsToItsLogFolder() throws Exception {
        assumeTrue(!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win"), "SKIPPED: bin/baton-engine is a POSIX shell script");
        Path archive = MODULE.resolve("target/baton-engine-" + VERSION + ".tar.gz");
        assumeTrue(Files.isRegularFile(archive), "SKIPPED: " + archive + " is missing; run through 'mvn verify'");

        Process untar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", tmp.toString()).inheritIO().start();
        assertThat(untar.waitFor()).as("tar exit code").isZero();
        Path home = tmp.resolve("baton-engine-" + VERSION);
        assertThat(home.resolve("lib")).isDirectoryNotContaining("glob:**/javafx-*").isDirectoryNotContaining("glob:**/designer-app-*");
        assertThat(home.resolve("conf/baton-engine.properties")).content().contains("port=8080").contains("#job-lease=30");

        Path data = tmp.resolve("data");
        try (EngineProcess engine = EngineProcess.start(List.of(home.resolve("bin/baton-engine").toString(), "--port", "0",
                "--data", data.toString()), home)) {
            byte[] bpmn = getClass().getResourceAsStream("/samples/leave-request.bpmn").readAllBytes();
            engine.send("POST", "/api/deployments?name=leave-request.bpmn", "application/xml", bpmn);
            String id = engine.postJson("/api/processes/leaveRequest/instances", "{}").path("id").asText();
            JsonNode task = engine.get("/api/tasks?instanceId=" + id).get(0);
            engine.postJson("/api/tasks/" + task.path("id").asText() + "/complete", "{\"variables\":{\"approved\":false}}");
            JsonNode history = engine.get("/api/instances/" + engine.awaitInstanceState(id, "COMPLETED", Duration.ofSeconds(30))
                    .path("id").asText() + "/history");
            assertThat(history.findValuesAsText("elementId")).contains("Refused").doesNotContain("Granted");
            assertThat(engine.stop()).as("exit code after SIGTERM; output:\n" + engine.output()).isIn(0, 143);
        }
        assertThat(home.resolve("logs/engine.log")).content().contains("Baton engine started").contains("Migrating schema");
        assertThat(data.resolve("engine.mv.db")).exists();
    }
}
