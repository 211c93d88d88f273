package dev.baton.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.Engines.Db;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine runs in a process of its own. 200 instances of an HTTP orchestration start; the engine is killed with
 * SIGKILL mid-run and started again on the same database. Every instance completes exactly once, and every step
 * reached the service at least once (the service counts idempotency keys).
 */
class CrashRecoveryTest {
    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final int INSTANCES = 200;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
                assertEveryInstanceEndedOnceAndEveryStepRanWithOneKey(second, service, INSTANCES);
            }
        }
    }

    /**
     * Every instance on the engine ended exactly once at End, and each of its three calls reached the service with
     * one idempotency key, at least once.
     */
    private void assertEveryInstanceEndedOnceAndEveryStepRanWithOneKey(ChildEngine engine, TestService service, int instances) throws Exception {
        JsonNode all = engine.get("/api/instances?processId=orchestration&limit=1000");
        assertThat(all.get("total").asInt()).isEqualTo(instances);
        List<String> orders = new ArrayList<>();
        for (JsonNode instance : all.get("items")) {
            String id = instance.get("id").asText();
            JsonNode history = engine.get("/api/instances/" + id + "/history");
            long ended = 0, endReached = 0;
            for (JsonNode e : history) {
                if (e.get("type").asText().equals("INSTANCE_ENDED")) ended++;
                if (e.get("type").asText().equals("ELEMENT_ENTERED") && "End".equals(e.get("elementId").asText())) endReached++;
            }
            assertThat(ended).as("instance %s ended once", id).isEqualTo(1);
            assertThat(endReached).isEqualTo(1);
            orders.add(engine.get("/api/instances/" + id).get("variables").get("orderId").asText());
        }
        for (String order : orders) {
            for (String step : List.of("reserve", "charge", "ship")) {
                String path = "/" + step + "/" + order;
                List<String> keys = service.requests.stream().filter(r -> r.path().equals(path))
                        .map(r -> r.header("Idempotency-Key")).distinct().toList();
                assertThat(keys).as("%s was called, always with one idempotency key", path).hasSize(1);
            }
        }
        long repeated = service.keys.values().stream().filter(c -> c.get() > 1).count();
        log.info("{} calls in all; {} steps ran more than once after the crash", service.requests.size(), repeated);
        assertThat(service.keys).hasSize(instances * 3);
    }

    /** The most commands one transaction committed together, from the engine's Prometheus metrics. */
    private static double largestCommit(ChildEngine engine) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(engine.base() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return r.body().lines().filter(l -> l.startsWith("baton_commits_max")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no baton_commits_max in the metrics"));
    }

    /**
     * Group commit under load: eight clients start instances as fast as the engine answers while the calls of earlier
     * ones come back, so starts and job results share commits; the engine is killed with SIGKILL in the middle. Every
     * start that was answered is stored (an answer comes only after the commit), and after the restart every stored
     * instance completes exactly once with each call made under one idempotency key.
     */
    @ParameterizedTest
    @EnumSource(Db.class)
    void underBatchedLoadEveryAnsweredStartSurvivesSigkillAndCompletesOnce(Db db) throws Exception {
        if (db == Db.POSTGRES) org.junit.jupiter.api.Assumptions.assumeTrue(Engines.postgresAnswers(),
                "PostgreSQL does not answer at " + Engines.PG_URL + ": the PostgreSQL run of this test is skipped");
        String schema = Engines.freshSchema();
        try (TestService service = new TestService()) {
            service.answer(r -> new TestService.Answer(200, "{\"ok\":true}", 5));
            List<String> answered = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
            double commitsMax;
            ChildEngine first = launch(db, schema);
            try {
                first.post("/api/deployments?name=orchestration.bpmn", "application/xml", Engines.bpmn("orchestration.bpmn").content());
                for (int t = 0; t < 8; t++) {
                    clients.execute(() -> {
                        while (next.get() < 900) {
                            int i = next.getAndIncrement();
                            String body = "{\"variables\":{\"serviceUrl\":\"" + service.url() + "\",\"orderId\":\"o" + i
                                    + "\"},\"idempotencyKey\":\"start-" + i + "\"}";
                            try {
                                answered.add(first.post("/api/processes/orchestration/instances", "application/json",
                                        body.getBytes(StandardCharsets.UTF_8)).get("id").asText());
                            } catch (Exception | AssertionError e) {
                                return; // the engine was killed
                            }
                        }
                    });
                }
                Engines.await(Duration.ofSeconds(120), "starts and calls are under way",
                        () -> answered.size() >= 150 && service.requests.size() >= 150);
                commitsMax = largestCommit(first);
            } finally {
                first.kill();
                clients.shutdown();
                assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            log.info("killed the engine after {} answered starts and {} calls", answered.size(), service.requests.size());
            assertThat(next.get()).as("the engine was killed while starts were still coming").isLessThan(900);
            assertThat(commitsMax).as("commands shared commits before the kill").isGreaterThan(1);

            try (ChildEngine second = launch(db, schema)) {
                Engines.await(Duration.ofSeconds(240), "all stored instances completed", () -> {
                    try {
                        long total = second.get("/api/instances?processId=orchestration&limit=1").get("total").asLong();
                        return total >= answered.size() && second.count("orchestration", "COMPLETED") == total;
                    } catch (Exception e) {
                        return false;
                    }
                });
                for (String id : answered) {
                    assertThat(second.get("/api/instances/" + id).get("state").asText())
                            .as("answered start %s was stored and completed", id).isEqualTo("COMPLETED");
                }
                int stored = second.get("/api/instances?processId=orchestration&limit=1").get("total").asInt();
                assertEveryInstanceEndedOnceAndEveryStepRanWithOneKey(second, service, stored);
            }
        }
    }
}
