package dev.baton.engine.connect;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.EngineException;
import dev.baton.engine.Engines;
import dev.baton.engine.Engines.Db;
import dev.baton.engine.connect.rabbit.RabbitConnector;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.StartInstanceRequest;
import org.apache.qpid.server.SystemLauncher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RabbitMQ both ways, against the RabbitMQ at 127.0.0.1:5672 (guest/guest) when it answers, else an embedded Qpid
 * broker: a message published by a plain AMQP client moves a waiting instance on; the instance's send task
 * publishes with publisher confirms; a message that matches nothing goes to the queue's .dlq with the reason.
 */
class RabbitConnectorTest {
    static SystemLauncher qpid;
    static String uri;
    @TempDir Path dir;

    @BeforeAll
    static void broker() throws Exception {
        // -Dbaton.test.embeddedAmqp=true runs the embedded broker even where RabbitMQ answers
        try (Socket s = new Socket()) {
            if (Boolean.getBoolean("baton.test.embeddedAmqp")) throw new java.io.IOException("embedded broker asked for");
            s.connect(new InetSocketAddress("127.0.0.1", 5672), 1000);
            uri = "amqp://127.0.0.1:5672";
            System.out.println("RabbitConnectorTest runs against the RabbitMQ at 127.0.0.1:5672");
            return;
        } catch (java.io.IOException e) {
            // no RabbitMQ here: an embedded Qpid broker speaks AMQP 0-9-1 too
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path config = Files.createTempFile("qpid", ".json");
        Files.writeString(config, """
                {"name":"baton-test","modelVersion":"8.0",
                 "authenticationproviders":[{"name":"plain","type":"Plain","secureOnlyMechanisms":[],
                   "users":[{"name":"guest","password":"guest","type":"managed"}]}],
                 "ports":[{"name":"AMQP","port":"%d","protocols":["AMQP_0_9_1"],"authenticationProvider":"plain",
                   "virtualhostaliases":[{"name":"nameAlias","type":"nameAlias"},{"name":"defaultAlias","type":"defaultAlias"}]}],
                 "virtualhostnodes":[{"name":"default","type":"Memory","defaultVirtualHostNode":"true",
                   "virtualHostInitialConfiguration":"{\\"type\\":\\"Memory\\"}"}]}
                """.formatted(port));
        Map<String, Object> attrs = new HashMap<>();
        attrs.put("type", "Memory");
        attrs.put("initialConfigurationLocation", config.toUri().toURL().toExternalForm());
        attrs.put("startupLoggedToSystemOut", false);
        qpid = new SystemLauncher();
        qpid.startup(attrs);
        uri = "amqp://127.0.0.1:" + port;
        System.out.println("RabbitConnectorTest runs against an embedded Qpid broker at " + uri + " (RabbitMQ did not answer at 127.0.0.1:5672, or -Dbaton.test.embeddedAmqp=true)");
    }

    @AfterAll
    static void stop() {
        if (qpid != null) qpid.shutdown();
    }

    BatonEngine engine() {
        return Engines.open(Db.H2, dir, b -> b.rabbit(new RabbitConnector.Settings(uri, "guest", "guest")));
    }

    static Connection plainClient() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(uri);
        f.setUsername("guest");
        f.setPassword("guest");
        return f.newConnection("test-client");
    }

    static GetResponse await(Channel ch, String queue, java.util.function.Predicate<GetResponse> wanted) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            GetResponse r = ch.basicGet(queue, true);
            if (r == null) {
                Thread.onSpinWait();
                continue;
            }
            if (wanted.test(r)) return r;
        }
        throw new AssertionError("no wanted message on " + queue + " within 30 s");
    }

    @Test
    void aMessageFromAPlainClientMovesTheWaitingInstanceOnAndItsSendTaskPublishes() throws Exception {
        try (BatonEngine engine = engine(); Connection client = plainClient(); Channel ch = client.createChannel()) {
            String notifications = ch.queueDeclare("", false, true, true, null).getQueue();
            String order = "S-" + UUID.randomUUID();
            ch.queueBind(notifications, "amq.topic", "notifications." + order);
            engine.deploy(Engines.files("rabbit-shipping.bpmn"));
            String id = engine.startInstance("rabbitShipping", new StartInstanceRequest(Map.of("orderId", order), null, null)).instance().id();
            Engines.await(Duration.ofSeconds(20), "the instance waits", () -> engine.instance(id).tokens().stream()
                    .anyMatch(t -> t.elementId().equals("AwaitShipment")));

            ch.basicPublish("amq.topic", "shipments.eu", null,
                    ("{\"orderId\":\"" + order + "\",\"carrier\":\"DHL\"}").getBytes(StandardCharsets.UTF_8));

            Engines.await(Duration.ofSeconds(30), "the instance completed", () -> engine.instance(id).state() == InstanceState.COMPLETED);
            assertThat(engine.variables(id)).containsEntry("carrier", "DHL");
            GetResponse note = await(ch, notifications, r -> true);
            assertThat(new String(note.getBody(), StandardCharsets.UTF_8)).isEqualTo("DHL");
            assertThat(String.valueOf(note.getProps().getHeaders().get("source"))).isEqualTo("baton");
            assertThat(note.getProps().getMessageId()).startsWith(id + ":NotifyShipped:");
        }
    }

    @Test
    void aMessageEndEventPublishesWithConfirmsAndTheInstanceEnds() throws Exception {
        try (BatonEngine engine = engine(); Connection client = plainClient(); Channel ch = client.createChannel()) {
            String closed = ch.queueDeclare("", false, true, true, null).getQueue();
            String order = "E-" + UUID.randomUUID();
            ch.queueBind(closed, "amq.topic", "closed." + order);
            engine.deploy(Engines.files("broker-end-events.bpmn"));
            String id = engine.startInstance("rabbitOrderClosed", new StartInstanceRequest(Map.of("orderId", order, "outcome", "shipped"),
                    null, null)).instance().id();
            Engines.await(Duration.ofSeconds(30), "the instance completed", () -> engine.instance(id).state() == InstanceState.COMPLETED);
            GetResponse note = await(ch, closed, r -> true);
            assertThat(new String(note.getBody(), StandardCharsets.UTF_8)).isEqualTo("shipped");
            assertThat(String.valueOf(note.getProps().getHeaders().get("source"))).isEqualTo("baton");
            assertThat(note.getProps().getMessageId()).startsWith(id + ":RClosed:");
        }
    }

    @Test
    void aMessageNobodyTakesGoesToTheDeadLetterQueueWithTheReason() throws Exception {
        try (BatonEngine engine = engine(); Connection client = plainClient(); Channel ch = client.createChannel()) {
            engine.deploy(Engines.files("rabbit-shipping.bpmn"));
            String stray = "nobody-" + UUID.randomUUID();
            ch.basicPublish("amq.topic", "shipments.us", null, ("{\"orderId\":\"" + stray + "\"}").getBytes(StandardCharsets.UTF_8));
            GetResponse dead = await(ch, "baton.shipments.dlq", r -> new String(r.getBody(), StandardCharsets.UTF_8).contains(stray));
            assertThat(String.valueOf(dead.getProps().getHeaders().get("baton-dlt-reason"))).contains("shipment-confirmed").contains(stray);
        }
    }

    @Test
    void anEngineRefusesToStartWhenItsRabbitMqDoesNotAnswer() {
        assertThatThrownBy(() -> Engines.open(Db.H2, dir, b -> b.rabbit(new RabbitConnector.Settings("amqp://127.0.0.1:1", "guest", "guest"))))
                .isInstanceOf(EngineException.class).hasMessageContaining("RabbitMQ at amqp://127.0.0.1:1 does not answer");
    }
}
