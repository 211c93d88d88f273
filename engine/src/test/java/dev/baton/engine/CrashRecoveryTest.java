package dev.baton.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.Engines.Db;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine runs in a process of its own. 200 instances of an HTTP orchestration start; the engine is killed with
 * SIGKILL mid-run and started again on the same database. Every instance completes exactly once, and every step
 * reached the service at least once (the service counts idempotency keys).
 */
class CrashRecoveryTest {
    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final int INSTANCES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Engine(Process process, String base) {}

    private Engine launch(Db db, String schema) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.baton.engine.server.EngineMain",
                "--port", "0", "--job-lease", "3", "--job-threads", "8"));
        if (db == Db.POSTGRES) cmd.addAll(List.of("--db", Engines.PG_URL, "--db-user", "postgres", "--db-schema", schema));
        else cmd.addAll(List.of("--data", dir.resolve("data").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        CompletableFuture<String> base = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            Pattern listening = Pattern.compile("listening on (http://\\S+?:\\d+)");
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = listening.matcher(line);
                    if (m.find()) base.complete(m.group(1));
                    else if (line.contains("ERROR") || line.contains("could not start")) log.warn("engine: {}", line);
                }
            } catch (Exception e) {
                // the process was killed
            }
            base.completeExceptionally(new AssertionError("the engine process ended before it listened"));
        });
        reader.setDaemon(true);
        reader.start();
        return new Engine(p, base.get(120, TimeUnit.SECONDS));
    }

    private JsonNode send(String method, String url, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new AssertionError(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private long completed(String base) throws Exception {
        return send("GET", base + "/api/instances?processId=orchestration&state=COMPLETED&limit=1", null, null).get("total").asLong();
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
            Engine first = launch(db, schema);
            try {
                send("POST", first.base() + "/api/deployments?name=orchestration.bpmn", "application/xml",
                        Engines.bpmn("orchestration.bpmn").content());
                for (int i = 0; i < INSTANCES; i++) {
                    String body = "{\"variables\":{\"serviceUrl\":\"" + service.url() + "\",\"orderId\":\"o" + i
                            + "\"},\"idempotencyKey\":\"start-" + i + "\"}";
                    send("POST", first.base() + "/api/processes/orchestration/instances", "application/json",
                            body.getBytes(StandardCharsets.UTF_8));
                }
                paused.set(false);
                Engines.await(Duration.ofSeconds(120), "a third of the calls were made", () -> service.requests.size() >= INSTANCES);
            } finally {
                first.process().destroyForcibly(); // SIGKILL on Linux and macOS
                first.process().waitFor(30, TimeUnit.SECONDS);
            }
            long callsBeforeRestart = service.requests.size();
            log.info("killed the engine after {} calls", callsBeforeRestart);
            assertThat(callsBeforeRestart).as("the engine was killed mid-run").isLessThan(INSTANCES * 3);

            Engine second = launch(db, schema);
            try {
                Engines.await(Duration.ofSeconds(180), "all instances completed", () -> {
                    try {
                        return completed(second.base()) == INSTANCES;
                    } catch (Exception e) {
                        return false;
                    }
                });
                assertEveryInstanceEndedOnceAndEveryStepRanWithOneKey(second.base(), service, INSTANCES);
            } finally {
                second.process().destroy();
                second.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Every instance on the engine ended exactly once at End, and each of its three calls reached the service with
     * one idempotency key, at least once.
     */
    private void assertEveryInstanceEndedOnceAndEveryStepRanWithOneKey(String base, TestService service, int instances) throws Exception {
        JsonNode all = send("GET", base + "/api/instances?processId=orchestration&limit=1000", null, null);
        assertThat(all.get("total").asInt()).isEqualTo(instances);
        List<String> orders = new ArrayList<>();
        for (JsonNode instance : all.get("items")) {
            String id = instance.get("id").asText();
            JsonNode history = send("GET", base + "/api/instances/" + id + "/history", null, null);
            long ended = 0, endReached = 0;
            for (JsonNode e : history) {
                if (e.get("type").asText().equals("INSTANCE_ENDED")) ended++;
                if (e.get("type").asText().equals("ELEMENT_ENTERED") && "End".equals(e.get("elementId").asText())) endReached++;
            }
            assertThat(ended).as("instance %s ended once", id).isEqualTo(1);
            assertThat(endReached).isEqualTo(1);
            orders.add(send("GET", base + "/api/instances/" + id, null, null).get("variables").get("orderId").asText());
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
    private double largestCommit(String base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
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
            Engine first = launch(db, schema);
            try {
                send("POST", first.base() + "/api/deployments?name=orchestration.bpmn", "application/xml",
                        Engines.bpmn("orchestration.bpmn").content());
                for (int t = 0; t < 8; t++) {
                    clients.execute(() -> {
                        while (next.get() < 900) {
                            int i = next.getAndIncrement();
                            String body = "{\"variables\":{\"serviceUrl\":\"" + service.url() + "\",\"orderId\":\"o" + i
                                    + "\"},\"idempotencyKey\":\"start-" + i + "\"}";
                            try {
                                answered.add(send("POST", first.base() + "/api/processes/orchestration/instances", "application/json",
                                        body.getBytes(StandardCharsets.UTF_8)).get("id").asText());
                            } catch (Exception e) {
                                return; // the engine was killed
                            }
                        }
                    });
                }
                Engines.await(Duration.ofSeconds(120), "starts and calls are under way",
                        () -> answered.size() >= 150 && service.requests.size() >= 150);
                commitsMax = largestCommit(first.base());
            } finally {
                first.process().destroyForcibly(); // SIGKILL on Linux and macOS
                first.process().waitFor(30, TimeUnit.SECONDS);
                clients.shutdown();
                assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            log.info("killed the engine after {} answered starts and {} calls", answered.size(), service.requests.size());
            assertThat(next.get()).as("the engine was killed while starts were still coming").isLessThan(900);
            assertThat(commitsMax).as("commands shared commits before the kill").isGreaterThan(1);

            Engine second = launch(db, schema);
            try {
                Engines.await(Duration.ofSeconds(240), "all stored instances completed", () -> {
                    try {
                        JsonNode all = send("GET", second.base() + "/api/instances?processId=orchestration&limit=1", null, null);
                        return all.get("total").asLong() >= answered.size() && completed(second.base()) == all.get("total").asLong();
                    } catch (Exception e) {
                        return false;
                    }
                });
                for (String id : answered) {
                    assertThat(send("GET", second.base() + "/api/instances/" + id, null, null).get("state").asText())
                            .as("answered start %s was stored and completed", id).isEqualTo("COMPLETED");
                }
                int stored = send("GET", second.base() + "/api/instances?processId=orchestration&limit=1", null, null).get("total").asInt();
                assertEveryInstanceEndedOnceAndEveryStepRanWithOneKey(second.base(), service, stored);
            } finally {
                second.process().destroy();
                second.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
