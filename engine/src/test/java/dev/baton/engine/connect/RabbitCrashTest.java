package dev.baton.engine.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import dev.baton.engine.Engines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine runs in a process of its own and consumes shipment confirmations from a RabbitMQ queue (the RabbitMQ
 * at 127.0.0.1:5672 when it answers, else the embedded Qpid broker of RabbitConnectorTest). It is killed with
 * SIGKILL while deliveries are being correlated and started again: every waiting instance still gets its
 * confirmation, because a delivery is acknowledged only after the engine committed its correlation; one whose ack
 * was lost comes again and goes to the dead-letter queue, not to a second instance.
 */
class RabbitCrashTest {
    private static final Logger log = LoggerFactory.getLogger(RabbitCrashTest.class);
    private static final int INSTANCES = 150;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Engine(Process process, String base) {}

    @BeforeAll
    static void broker() throws Exception {
        RabbitConnectorTest.broker();
    }

    @AfterAll
    static void stopBroker() {
        RabbitConnectorTest.stop();
    }

    private Engine launch() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.baton.engine.server.EngineMain",
                "--port", "0", "--job-lease", "3", "--data", dir.resolve("data").toString(),
                "--rabbit-uri", RabbitConnectorTest.uri, "--rabbit-user", "guest", "--rabbit-password-env", "BATON_TEST_RABBIT_PASSWORD"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("BATON_TEST_RABBIT_PASSWORD", "guest");
        Process p = pb.start();
        CompletableFuture<String> base = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            Pattern listening = Pattern.compile("listening on (http://\\S+?:\\d+)");
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = listening.matcher(line);
                    if (m.find()) base.complete(m.group(1));
                    else if (line.contains("ERROR") || line.contains("WARN")) log.warn("engine: {}", line);
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

    private long count(String base, String state) {
        try {
            return send("GET", base + "/api/instances?processId=rabbitShipping&state=" + state + "&limit=1", null, null).get("total").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void afterSigkillWhileConsumingEveryConfirmationStillReachesItsInstance() throws Exception {
        // a queue and routing keys of this run only, so nothing left from other runs is delivered
        String run = "crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String queue = "baton." + run;
        byte[] bpmn = new String(Engines.bpmn("rabbit-shipping.bpmn").content(), StandardCharsets.UTF_8)
                .replace("queue=\"baton.shipments\"", "queue=\"" + queue + "\"").replace("routingKey=\"shipments.#\"", "routingKey=\"" + run + ".#\"")
                .getBytes(StandardCharsets.UTF_8);
        try (Connection client = RabbitConnectorTest.plainClient(); Channel ch = client.createChannel()) {
            try {
                Engine first = launch();
                try {
                    send("POST", first.base() + "/api/deployments?name=rabbit-crash.bpmn", "application/xml", bpmn);
                    for (int i = 0; i < INSTANCES; i++) {
                        send("POST", first.base() + "/api/processes/rabbitShipping/instances", "application/json",
                                ("{\"variables\":{\"orderId\":\"" + run + "-" + i + "\"}}").getBytes(StandardCharsets.UTF_8));
                    }
                    for (int i = 0; i < INSTANCES; i++) {
                        ch.basicPublish("amq.topic", run + ".eu", MessageProperties.PERSISTENT_TEXT_PLAIN,
                                ("{\"orderId\":\"" + run + "-" + i + "\",\"carrier\":\"C" + i + "\"}").getBytes(StandardCharsets.UTF_8));
                    }
                    Engines.await(Duration.ofSeconds(120), "some confirmations were correlated", () -> count(first.base(), "COMPLETED") >= 5);
                } finally {
                    first.process().destroyForcibly(); // SIGKILL on Linux and macOS
                    first.process().waitFor(30, TimeUnit.SECONDS);
                }
                Engine second = launch();
                try {
                    long before = count(second.base(), "COMPLETED");
                    log.info("killed the engine with {} of {} instances completed", before, INSTANCES);
                    assertThat(before).as("the engine was killed mid-stream").isLessThan(INSTANCES);
                    Engines.await(Duration.ofSeconds(180), "all instances completed", () -> count(second.base(), "COMPLETED") == INSTANCES);
                    assertThat(count(second.base(), "ACTIVE")).isZero();
                    JsonNode incidents = send("GET", second.base() + "/api/incidents", null, null);
                    assertThat(incidents.toString()).doesNotContain(run);
                } finally {
                    second.process().destroy();
                    second.process().waitFor(30, TimeUnit.SECONDS);
                }
            } finally {
                ch.queueDelete(queue);
                ch.queueDelete(queue + ".dlq");
            }
        }
    }
}
