package dev.baton.engine.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import dev.baton.engine.ChildEngine;
import dev.baton.engine.Engines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    @TempDir Path dir;

    @BeforeAll
    static void broker() throws Exception {
        RabbitConnectorTest.broker();
    }

    @AfterAll
    static void stopBroker() {
        RabbitConnectorTest.stop();
    }

    private ChildEngine launch() throws Exception {
        return ChildEngine.start(List.of("--data", dir.resolve("data").toString(),
                "--rabbit-uri", RabbitConnectorTest.uri, "--rabbit-user", "guest", "--rabbit-password-env", "BATON_TEST_RABBIT_PASSWORD"),
                Map.of("BATON_TEST_RABBIT_PASSWORD", "guest"));
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
                ChildEngine first = launch();
                try {
                    first.post("/api/deployments?name=rabbit-crash.bpmn", "application/xml", bpmn);
                    for (int i = 0; i < INSTANCES; i++) {
                        first.post("/api/processes/rabbitShipping/instances", "application/json",
                                ("{\"variables\":{\"orderId\":\"" + run + "-" + i + "\"}}").getBytes(StandardCharsets.UTF_8));
                    }
                    for (int i = 0; i < INSTANCES; i++) {
                        ch.basicPublish("amq.topic", run + ".eu", MessageProperties.PERSISTENT_TEXT_PLAIN,
                                ("{\"orderId\":\"" + run + "-" + i + "\",\"carrier\":\"C" + i + "\"}").getBytes(StandardCharsets.UTF_8));
                    }
                    Engines.await(Duration.ofSeconds(120), "some confirmations were correlated", () -> first.count("rabbitShipping", "COMPLETED") >= 5);
                } finally {
                    first.kill();
                }
                try (ChildEngine second = launch()) {
                    long before = second.count("rabbitShipping", "COMPLETED");
                    log.info("killed the engine with {} of {} instances completed", before, INSTANCES);
                    assertThat(before).as("the engine was killed mid-stream").isLessThan(INSTANCES);
                    Engines.await(Duration.ofSeconds(180), "all instances completed", () -> second.count("rabbitShipping", "COMPLETED") == INSTANCES);
                    assertThat(second.count("rabbitShipping", "ACTIVE")).isZero();
                    JsonNode incidents = second.get("/api/incidents");
                    assertThat(incidents.toString()).doesNotContain(run);
                }
            } finally {
                ch.queueDelete(queue);
                ch.queueDelete(queue + ".dlq");
            }
        }
    }
}
