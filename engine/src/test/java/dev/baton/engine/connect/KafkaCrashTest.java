package dev.baton.engine.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.Engines;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
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
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine runs in a process of its own and consumes payments from Kafka. It is killed with SIGKILL while
 * records are being correlated and started again: every waiting instance still gets its payment (no record is
 * lost between receiving it and committing the correlation) and publishes its receipt.
 */
class KafkaCrashTest {
    private static final Logger log = LoggerFactory.getLogger(KafkaCrashTest.class);
    private static final int INSTANCES = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Engine(Process process, String base) {}

    private Engine launch(String bootstrap, String group) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.baton.engine.server.EngineMain",
                "--port", "0", "--job-lease", "3", "--data", dir.resolve("data").toString(),
                "--kafka-bootstrap", bootstrap, "--kafka-group", group));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
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

    private long completed(String base) {
        try {
            return send("GET", base + "/api/instances?processId=kafkaPayment&state=COMPLETED&limit=1", null, null).get("total").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void afterSigkillWhileConsumingEveryPaymentStillReachesItsInstance() throws Exception {
        try (KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1").build()) {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            String bootstrap = cluster.bootstrapServers();
            String group = "crash-" + UUID.randomUUID();

            Engine first = launch(bootstrap, group);
            try {
                send("POST", first.base() + "/api/deployments?name=kafka-payment.bpmn", "application/xml",
                        Engines.bpmn("kafka-payment.bpmn").content());
                for (int i = 0; i < INSTANCES; i++) {
                    send("POST", first.base() + "/api/processes/kafkaPayment/instances", "application/json",
                            ("{\"variables\":{\"orderId\":\"o" + i + "\"}}").getBytes(StandardCharsets.UTF_8));
                }
                Properties p = new Properties();
                p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                    for (int i = 0; i < INSTANCES; i++) {
                        producer.send(new ProducerRecord<>("payments", "o" + i, "{\"orderId\":\"o" + i + "\",\"paidAmount\":" + i + "}"));
                    }
                    producer.flush();
                }
                Engines.await(Duration.ofSeconds(120), "some payments were correlated", () -> completed(first.base()) >= 5);
            } finally {
                first.process().destroyForcibly(); // SIGKILL on Linux and macOS
                first.process().waitFor(30, TimeUnit.SECONDS);
            }
            Engine second = launch(bootstrap, group);
            try {
                long before = completed(second.base());
                log.info("killed the engine with {} of {} instances completed", before, INSTANCES);
                assertThat(before).as("the engine was killed mid-stream").isLessThan(INSTANCES);
                Engines.await(Duration.ofSeconds(180), "all instances completed", () -> completed(second.base()) == INSTANCES);
            } finally {
                second.process().destroy();
                second.process().waitFor(30, TimeUnit.SECONDS);
            }

            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            Set<String> receipts = new HashSet<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
                consumer.subscribe(List.of("receipts"));
                long deadline = System.currentTimeMillis() + 30_000;
                while (receipts.size() < INSTANCES && System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) receipts.add(r.key());
                }
            }
            assertThat(receipts).as("every instance published its receipt").hasSize(INSTANCES);
        }
    }
}
