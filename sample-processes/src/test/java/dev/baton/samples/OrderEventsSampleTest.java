package dev.baton.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.Baton;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.BpmnFile;
import dev.baton.engine.connect.kafka.KafkaConnector;
import dev.baton.engine.server.EngineServer;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.InstanceQuery;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.InstanceSummary;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order-events sample end to end over Kafka, on the demo's own embedded KRaft broker: a plain KafkaProducer (the
 * shop, not Baton's code) publishes an order-placed record, the message start event starts an instance, the service
 * task calls the demo inventory over HTTP, and a plain KafkaConsumer reads the outcome the instance published.
 */
class OrderEventsSampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static DemoKafka kafka;

    @TempDir Path data;
    BatonEngine engine;
    DemoServices services;

    @BeforeAll
    static void startBroker() {
        long t = System.nanoTime();
        kafka = DemoKafka.start();
        System.out.printf("demo Kafka broker at %s, started in %.1f s%n", kafka.bootstrapServers(), (System.nanoTime() - t) / 1e9);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) kafka.close();
    }

    @BeforeEach
    void start() {
        services = DemoServices.start(0);
        engine = Baton.builder().dataDir(data).jobThreads(4).pollInterval(Duration.ofMillis(50))
                .kafka(new KafkaConnector.Settings(kafka.bootstrapServers(), "baton-" + UUID.randomUUID(), null)).build();
        var result = engine.deploy(Samples.kafka().stream().map(s -> BpmnFile.of(s.fileName(), s.xml())).toList());
        assertThat(result.definitions()).extracting(d -> d.processId()).containsExactly("orderEvents");
    }

    @AfterEach
    void stop() {
        if (engine != null) engine.close();
        if (services != null) services.close();
    }

    @Test
    void an_order_placed_on_kafka_is_reserved_over_http_and_confirmed_on_kafka() throws Exception {
        String orderId = "web-" + UUID.randomUUID();
        placeOrder(orderId, "{\"orderId\":\"" + orderId + "\",\"quantity\":2,\"servicesUrl\":\"" + services.url() + "\"}");

        InstanceSummary done = awaitEndedInstance(orderId);
        assertThat(done.state()).isEqualTo(InstanceState.COMPLETED);
        assertThat(entered(done.id())).containsSubsequence("OrderPlaced", "ReserveStock", "InStock", "PublishConfirmed", "OrderConfirmed")
                .doesNotContain("PublishRejected");
        assertThat(services.calls()).contains("POST /inventory/reserve/" + orderId);

        ConsumerRecord<String, String> status = readStatus(orderId);
        JsonNode value = JSON.readTree(status.value());
        assertThat(value.path("orderId").asText()).isEqualTo(orderId);
        assertThat(value.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(value.path("reservation").asText()).isEqualTo("inventory-" + orderId);
        assertThat(header(status, "source")).isEqualTo("baton-order-events");
        assertThat(header(status, "baton-idempotency-key")).startsWith(done.id() + ":PublishConfirmed");
    }

    @Test
    void an_order_out_of_stock_is_published_as_rejected() throws Exception {
        services.set("inventory", DemoServices.Mode.DECLINE, 0);
        String orderId = "web-" + UUID.randomUUID();
        placeOrder(orderId, "{\"orderId\":\"" + orderId + "\",\"quantity\":5,\"servicesUrl\":\"" + services.url() + "\"}");

        InstanceSummary done = awaitEndedInstance(orderId);
        assertThat(entered(done.id())).contains("PublishRejected", "OrderRejected").doesNotContain("PublishConfirmed");
        JsonNode value = JSON.readTree(readStatus(orderId).value());
        assertThat(value.path("status").asText()).isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void the_demo_setup_deploys_the_kafka_sample_and_starts_it_by_publishing_order_events() throws Exception {
        try (EngineServer server = EngineServer.start(engine, "127.0.0.1", 0, null);
             DemoSetup setup = new DemoSetup(URI.create("http://127.0.0.1:" + server.port()), services.url(), null)
                     .kafka(kafka.bootstrapServers())) {
            setup.deploy();
            int started = setup.startInstances(1);
            assertThat(started).isEqualTo(4);
            assertThat(engine.definitions()).extracting(d -> d.processId())
                    .containsExactlyInAnyOrder("orderSaga", "loanApproval", "flightBooking", "orderEvents");
            // the shop's event for order 1 (key web-1) started an instance that confirmed it on order-status
            await(() -> ended("web-1").isPresent(), "the demo's order web-1 to end");
            assertThat(JSON.readTree(readStatus("web-1").value()).path("status").asText()).isEqualTo("CONFIRMED");
        }
    }

    private static void placeOrder(String orderId, String json) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(DemoKafka.ORDERS, orderId, json)).get();
        }
    }

    /** Reads order-status from the beginning with a plain consumer until the record keyed by the order id comes. */
    private static ConsumerRecord<String, String> readStatus(String orderId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(DemoKafka.ORDER_STATUS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (orderId.equals(r.key())) return r;
                }
            }
        }
        throw new AssertionError("no record keyed " + orderId + " on " + DemoKafka.ORDER_STATUS + " within 30 s");
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private Optional<InstanceSummary> ended(String orderId) {
        return engine.instances(new InstanceQuery("orderEvents", null, null, null, null, null, 0, 1000)).items().stream()
                .filter(i -> i.state() == InstanceState.COMPLETED || i.state() == InstanceState.CANCELED)
                .filter(i -> orderId.equals(engine.instance(i.id()).variables().get("orderId")))
                .findFirst();
    }

    private InstanceSummary awaitEndedInstance(String orderId) {
        await(() -> ended(orderId).isPresent(), "an instance for order " + orderId + " to end");
        return ended(orderId).orElseThrow();
    }

    private List<String> entered(String instanceId) {
        return engine.history(instanceId).stream().filter(e -> e.type().equals("ELEMENT_ENTERED")).map(HistoryEvent::elementId).toList();
    }

    private void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; instances: "
                        + engine.instances(new InstanceQuery("orderEvents", null, null, null, null, null, 0, 100)).items());
            }
            try { Thread.sleep(50); } catch (InterruptedException e) { throw new AssertionError(e); }
        }
    }
}
