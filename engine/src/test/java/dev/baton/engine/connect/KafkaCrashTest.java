package dev.baton.engine.connect;

import dev.baton.engine.ChildEngine;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine runs in a process of its own and consumes payments from Kafka. It is killed with SIGKILL while
 * records are being correlated and started again: every waiting instance still gets its payment (no record is
 * lost between receiving it and committing the correlation) and publishes its receipt.
 */
class KafkaCrashTest {
    private static final Logger log = LoggerFactory.getLogger(KafkaCrashTest.class);
    private static final int INSTANCES = 100;

    @TempDir Path dir;

    private ChildEngine launch(String bootstrap, String group) throws Exception {
        return ChildEngine.start(List.of("--data", dir.resolve("data").toString(), "--kafka-bootstrap", bootstrap, "--kafka-group", group));
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

            ChildEngine first = launch(bootstrap, group);
            try {
                first.post("/api/deployments?name=kafka-payment.bpmn", "application/xml", Engines.bpmn("kafka-payment.bpmn").content());
                for (int i = 0; i < INSTANCES; i++) {
                    first.post("/api/processes/kafkaPayment/instances", "application/json",
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
                Engines.await(Duration.ofSeconds(120), "some payments were correlated", () -> first.count("kafkaPayment", "COMPLETED") >= 5);
            } finally {
                first.kill();
            }
            try (ChildEngine second = launch(bootstrap, group)) {
                long before = second.count("kafkaPayment", "COMPLETED");
                log.info("killed the engine with {} of {} instances completed", before, INSTANCES);
                assertThat(before).as("the engine was killed mid-stream").isLessThan(INSTANCES);
                Engines.await(Duration.ofSeconds(180), "all instances completed", () -> second.count("kafkaPayment", "COMPLETED") == INSTANCES);
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
