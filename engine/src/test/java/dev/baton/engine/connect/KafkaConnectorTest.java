package dev.baton.engine.connect;

import dev.baton.engine.BatonEngine;
import dev.baton.engine.EngineException;
import dev.baton.engine.Engines;
import dev.baton.engine.Engines.Db;
import dev.baton.engine.connect.kafka.KafkaConnector;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.StartInstanceRequest;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kafka both ways on an embedded KRaft broker: a record published by a plain KafkaProducer (not Baton's code)
 * moves a waiting instance on and starts another; send tasks and throw events publish; a record nobody takes
 * goes to the dead-letter topic with the reason.
 */
class KafkaConnectorTest {
    static KafkaClusterTestKit cluster;
    static String bootstrap;
    @TempDir Path dir;

    @BeforeAll
    static void startKafka() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        bootstrap = cluster.bootstrapServers();
        System.out.println("Kafka test broker (embedded KRaft) at " + bootstrap);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (cluster != null) cluster.close();
    }

    BatonEngine engine() {
        return Engines.open(Db.H2, dir, b -> b.kafka(new KafkaConnector.Settings(bootstrap, "baton-" + UUID.randomUUID(), null)));
    }

    static void send(String topic, String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Reads the topic from the start until a record matches, with a deadline. */
    static ConsumerRecord<String, String> read(String topic, java.util.function.Predicate<ConsumerRecord<String, String>> wanted) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            List<String> seen = new ArrayList<>();
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (wanted.test(r)) return r;
                    seen.add(r.key() + "=" + r.value());
                }
            }
            throw new AssertionError("no wanted record on " + topic + " within 30 s; saw " + seen);
        }
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aRecordFromAPlainProducerMovesTheWaitingInstanceOnAndItPublishesItsReceipt() throws Exception {
        try (BatonEngine engine = engine()) {
            engine.deploy(Engines.files("kafka-payment.bpmn"));
            String order = "A-" + UUID.randomUUID();
            String id = engine.startInstance("kafkaPayment", new StartInstanceRequest(Map.of("orderId", order), null, null)).instance().id();
            Engines.await(Duration.ofSeconds(20), "the instance waits for the payment",
                    () -> engine.instance(id).tokens().stream().anyMatch(t -> t.elementId().equals("AwaitPayment")));

            send("payments", "ignored-key", "{\"orderId\":\"" + order + "\",\"paidAmount\":120}");

            Engines.await(Duration.ofSeconds(30), "the instance completed", () -> engine.instance(id).state() == InstanceState.COMPLETED);
            assertThat(engine.variables(id)).containsEntry("paidAmount", 120);
            ConsumerRecord<String, String> receipt = read("receipts", r -> order.equals(r.key()));
            assertThat(receipt.value()).isEqualTo("120");
            assertThat(header(receipt, "source")).isEqualTo("baton");
            assertThat(header(receipt, "baton-idempotency-key")).startsWith(id + ":PublishReceipt:");
            ConsumerRecord<String, String> audit = read("audit", r -> order.equals(r.key()));
            assertThat(audit.value()).contains("\"paidAmount\":120").contains(order);
        }
    }

    @Test
    void aMessageEndEventPublishesItsRecordAndTheInstanceEndsAfterTheBrokerHasIt() throws Exception {
        try (BatonEngine engine = engine()) {
            engine.deploy(Engines.files("broker-end-events.bpmn"));
            String order = "E-" + UUID.randomUUID();
            String id = engine.startInstance("kafkaOrderClosed", new StartInstanceRequest(Map.of("orderId", order, "outcome", "shipped"),
                    null, null)).instance().id();
            Engines.await(Duration.ofSeconds(30), "the instance completed", () -> engine.instance(id).state() == InstanceState.COMPLETED);
            ConsumerRecord<String, String> closed = read("orders-closed", r -> order.equals(r.key()));
            assertThat(closed.value()).isEqualTo("shipped");
            assertThat(header(closed, "source")).isEqualTo("baton");
            assertThat(header(closed, "baton-idempotency-key")).startsWith(id + ":KClosed:");
            assertThat(engine.history(id)).anyMatch(e -> e.type().equals("ELEMENT_LEFT") && "KClosed".equals(e.elementId()));
        }
    }

    @Test
    void aRecordNobodyTakesGoesToTheDeadLetterTopicWithTheReasonAndLaterRecordsStillArrive() throws Exception {
        try (BatonEngine engine = engine()) {
            engine.deploy(Engines.files("kafka-payment.bpmn"));
            String stray = "nobody-" + UUID.randomUUID();
            send("payments", "k1", "{\"orderId\":\"" + stray + "\",\"paidAmount\":1}");

            ConsumerRecord<String, String> dead = read("payments.DLT", r -> r.value().contains(stray));
            assertThat(header(dead, "baton-dlt-reason")).contains("payment-received").contains(stray);
            assertThat(dead.key()).isEqualTo("k1");

            String order = "B-" + UUID.randomUUID();
            String id = engine.startInstance("kafkaPayment", new StartInstanceRequest(Map.of("orderId", order), null, null)).instance().id();
            send("payments", order, "{\"orderId\":\"" + order + "\",\"paidAmount\":7}");
            Engines.await(Duration.ofSeconds(30), "the later record moved its instance on",
                    () -> engine.instance(id).state() == InstanceState.COMPLETED);
        }
    }

    @Test
    void aRecordOnAStartTopicStartsAnInstance() throws Exception {
        try (BatonEngine engine = engine()) {
            engine.deploy(Engines.files("kafka-payment.bpmn"));
            String ticket = "T-" + UUID.randomUUID();
            send("refunds", ticket, "{\"ticket\":\"" + ticket + "\",\"amount\":30}");
            Engines.await(Duration.ofSeconds(30), "a refund instance started", () -> engine.instances(
                    new dev.baton.model.api.InstanceQuery("kafkaRefund", null, null, null, null, null, 0, 100)).items().stream()
                    .anyMatch(i -> ticket.equals(engine.variables(i.id()).get("ticket"))));
        }
    }

    @Test
    void anEngineRefusesToStartWhenItsKafkaDoesNotAnswer() {
        assertThatThrownBy(() -> Engines.open(Db.H2, dir, b -> b.kafka(new KafkaConnector.Settings("127.0.0.1:1", null, null))))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("Kafka at 127.0.0.1:1 does not answer");
    }

    @Test
    void healthShowsTheBrokerState() throws Exception {
        try (BatonEngine engine = engine();
             var server = dev.baton.engine.server.EngineServer.start(engine, "127.0.0.1", 0, null)) {
            Engines.await(Duration.ofSeconds(20), "the Kafka consumer polled", () -> "UP".equals(engine.brokers().get("kafka")));
            var http = java.net.http.HttpClient.newHttpClient();
            var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"brokers\":{\"kafka\":\"UP\"}");
        }
    }

    @Test
    void configurationTakesThePasswordFromANamedEnvironmentVariableOnly() {
        var s = KafkaConnector.Settings.fromOptions(Map.of("kafka-bootstrap", "k1:9093", "kafka-security-protocol", "SASL_SSL",
                "kafka-user", "baton", "kafka-password-env", "KAFKA_PW"), name -> name.equals("KAFKA_PW") ? "s3cret" : null);
        assertThat(s.clientProperties()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN");
        assertThat(s.clientProperties().get("sasl.jaas.config")).contains("username=\"baton\"").contains("password=\"s3cret\"");
        assertThat(s.toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> KafkaConnector.Settings.fromOptions(Map.of("kafka-bootstrap", "k1:9093", "kafka-user", "baton",
                "kafka-password-env", "MISSING"), name -> null))
                .hasMessageContaining("MISSING is not set");
    }
}
