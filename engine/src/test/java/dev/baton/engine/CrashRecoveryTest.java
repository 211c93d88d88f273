package dev.baton.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.Engines.Db;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine runs in a process of its own. 200 instances of an HTTP orchestration start; the engine is killed with
 * SIGKILL mid-run and started again on the same database. Every instance completes exactly once, and every step
 * reached the service at least once (the service counts idempotency keys).
 */
class CrashRecoveryTest {
    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final int INSTANCES = 200;

    @TempDir Path dir;

    private ChildEngine launch(Db db, String schema) throws Exception {
        List<String> args = new ArrayList<>(List.of("--job-threads", "8"));
        if (db == Db.POSTGRES) args.addAll(List.of("--db", Engines.PG_URL, "--db-user", "postgres", "--db-schema", schema));
        else args.addAll(List.of("--data", dir.resolve("data").toString()));
        return ChildEngine.start(args);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void afterSigkillAndRestartEveryInstanceCompletesExactlyOnceAndEveryStepRanAtLeastOnce(Db db) throws Exception {
        if (db == Db.POSTGRES) org.junit.jupiter.api.Assumptions.assumeTrue(Engines.postgresAnswers(),
                "PostgreSQL does not answer at " + Engines.PG_URL + ": the PostgreSQL run of this test is skipped");
        String schema = Engines.freshSchema();
        try (TestService service = new TestService()) {
            java.util.concurrent.atomic.AtomicBoolean paused = new java.util.concurrent.atomic.AtomicBoolean(true);
            service.answer(r -> {
                // calls wait while the instances start, so the engine is surely mid-run when it is killed
                while (paused.get()) {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return new TestService.Answer(200, "{\"ok\":true}", 25);
            });
            ChildEngine first = launch(db, schema);
            try {
                first.post("/api/deployments?name=orchestration.bpmn", "application/xml", Engines.bpmn("orchestration.bpmn").content());
                for (int i = 0; i < INSTANCES; i++) {
                    String body = "{\"variables\":{\"serviceUrl\":\"" + service.url() + "\",\"orderId\":\"o" + i
                            + "\"},\"idempotencyKey\":\"start-" + i + "\"}";
                    first.post("/api/processes/orchestration/instances", "application/json", body.getBytes(StandardCharsets.UTF_8));
                }
                paused.set(false);
                Engines.await(Duration.ofSeconds(120), "a third of the calls were made", () -> service.requests.size() >= INSTANCES);
            } finally {
                first.kill();
            }
            long callsBeforeRestart = service.requests.size();
            log.info("killed the engine after {} calls", callsBeforeRestart);
            assertThat(callsBeforeRestart).as("the engine was killed mid-run").isLessThan(INSTANCES * 3);

            try (ChildEngine second = launch(db, schema)) {
                Engines.await(Duration.ofSeconds(180), "all instances completed", () -> second.count("orchestration", "COMPLETED") == INSTANCES);
                JsonNode all = second.get("/api/instances?processId=orchestration&limit=1000");
                assertThat(all.get("total").asInt()).isEqualTo(INSTANCES);
                for (JsonNode instance : all.get("items")) {
                    JsonNode history = second.get("/api/instances/" + instance.get("id").asText() + "/history");
                    long ended = 0, endReached = 0;
                    for (JsonNode e : history) {
                        if (e.get("type").asText().equals("INSTANCE_ENDED")) ended++;
                        if (e.get("type").asText().equals("ELEMENT_ENTERED") && "End".equals(e.get("elementId").asText())) endReached++;
                    }
                    assertThat(ended).as("instance %s ended once", instance.get("id")).isEqualTo(1);
                    assertThat(endReached).isEqualTo(1);
                }
                for (int i = 0; i < INSTANCES; i++) {
                    for (String step : List.of("reserve", "charge", "ship")) {
                        String path = "/" + step + "/o" + i;
                        List<String> keys = service.requests.stream().filter(r -> r.path().equals(path))
                                .map(r -> r.header("Idempotency-Key")).distinct().toList();
                        assertThat(keys).as("%s was called, always with one idempotency key", path).hasSize(1);
                    }
                }
                long repeated = service.keys.values().stream().filter(c -> c.get() > 1).count();
                log.info("{} calls in all; {} steps ran more than once after the crash", service.requests.size(), repeated);
                assertThat(service.keys).hasSize(INSTANCES * 3);
            }
        }
    }
}
