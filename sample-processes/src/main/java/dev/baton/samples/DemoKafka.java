package dev.baton.samples;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker inside the demo's process for the order-events sample: one KRaft node (broker and controller in
 * one) on a free loopback port, its logs in a temporary folder that is deleted on close, and the sample's topics
 * created. Starting takes a few seconds, so {@link #startInBackground()} lets the caller do other work meanwhile.
 */
public final class DemoKafka implements AutoCloseable {

    /** The topic the order-events sample consumes: one record per order placed, a JSON object. */
    public static final String ORDERS = "orders";
    /** The topic the order-events sample publishes each order's outcome to, keyed by order id. */
    public static final String ORDER_STATUS = "order-status";

    private final KafkaClusterTestKit cluster;

    private DemoKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Starts the broker and creates the sample's topics; blocks until both are done (about 3 s). */
    public static DemoKafka start() {
        KafkaClusterTestKit cluster = null;
        try {
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
            DemoKafka kafka = new DemoKafka(cluster);
            kafka.createTopics(List.of(ORDERS, ORDER_STATUS, ORDERS + ".DLT"));
            return kafka;
        } catch (Exception e) {
            if (cluster != null) {
                try {
                    cluster.close();
                } catch (Exception ignored) {
                    // already failing: the first error is the one to report
                }
            }
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            throw new IllegalStateException("cannot start the demo's Kafka broker: " + e.getMessage(), e);
        }
    }

    /** Starts the broker on another thread; the future fails with the reason when it cannot start. */
    public static CompletableFuture<DemoKafka> startInBackground() {
        CompletableFuture<DemoKafka> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(start());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        }, "demo-kafka-start");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** host:port of the broker, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    private void createTopics(List<String> topics) throws InterruptedException, java.util.concurrent.TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the topics " + topics + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the demo's Kafka broker failed: " + e.getMessage(), e);
        }
    }
}
