package dev.baton.engine.connect.rabbit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import dev.baton.engine.EngineException;
import dev.baton.engine.connect.BrokerDelivery;
import dev.baton.engine.connect.ChannelMessage;
import dev.baton.engine.connect.Publisher;
import dev.baton.engine.expr.Expressions;
import dev.baton.model.api.MessageRequest;
import dev.baton.model.api.MessageResult;
import dev.baton.model.exec.MessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * RabbitMQ (AMQP 0-9-1) in both directions. Publishing: persistent messages on a confirm channel; publish returns
 * once the broker confirmed. Consuming: a consumer per queue of deployed messages with a RabbitMQ channel (the
 * queue is declared durable and bound to the exchange with the routing key when they are given), manual
 * acknowledgement only after the engine committed the correlation; a message that matches nothing goes to
 * {@code <queue>.dlq} with the reason, a message the engine cannot take now is returned to the queue.
 */
public final class RabbitConnector implements Publisher, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RabbitConnector.class);

    /** amqp:// or amqps:// URI without credentials, the user, and the password (from a named secret). */
    public record Settings(String uri, String user, String password) {
        @Override
        public String toString() { return "RabbitMQ at " + uri + (user == null ? "" : " as " + user); }

        /** From the engine's options: rabbit-uri, rabbit-user, rabbit-password-env (the environment variable's name). */
        public static Settings fromOptions(Map<String, String> o, java.util.function.UnaryOperator<String> env) {
            String password = null;
            if (o.containsKey("rabbit-password-env")) {
                password = env.apply(o.get("rabbit-password-env"));
                if (password == null) throw new EngineException("rabbit-password-env names " + o.get("rabbit-password-env") + ", which is not set");
            }
            return new Settings(o.get("rabbit-uri"), o.get("rabbit-user"), password);
        }
    }

    private final Settings settings;
    private final Function<MessageRequest, MessageResult> correlate;
    private final Supplier<List<ChannelMessage>> messages;
    private final ObjectMapper json;
    private final Expressions expressions = new Expressions();
    private final Connection connection;
    private final Channel publishing;
    private final Map<String, Channel> consumers = new ConcurrentHashMap<>();
    private volatile Map<String, List<ChannelMessage>> byQueue = Map.of();

    public RabbitConnector(Settings settings, Function<MessageRequest, MessageResult> correlate,
                           Supplier<List<ChannelMessage>> messages, ObjectMapper json) {
        this.settings = settings;
        this.correlate = correlate;
        this.messages = messages;
        this.json = json;
        ConnectionFactory f = new ConnectionFactory();
        try {
            f.setUri(settings.uri());
            if (settings.uri().startsWith("amqps:")) f.useSslProtocol(javax.net.ssl.SSLContext.getDefault());
        } catch (Exception e) {
            throw new EngineException("rabbit-uri " + settings.uri() + " is not a valid amqp:// or amqps:// URI: " + e.getMessage());
        }
        if (settings.user() != null) f.setUsername(settings.user());
        if (settings.password() != null) f.setPassword(settings.password());
        f.setConnectionTimeout(10_000);
        f.setAutomaticRecoveryEnabled(true);
        try {
            this.connection = f.newConnection("baton-engine");
            this.publishing = connection.createChannel();
            publishing.confirmSelect();
        } catch (Exception e) {
            throw new EngineException("RabbitMQ at " + settings.uri() + " does not answer or refuses the login: " + describe(e)
                    + ". Start the broker or fix rabbit-uri / rabbit-user / rabbit-password-env.");
        }
        refresh();
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 400; t = t.getCause()) {
            if (t.getMessage() != null) b.append(b.length() == 0 ? "" : ": ").append(t.getMessage());
        }
        return b.length() == 0 ? e.getClass().getSimpleName() : b.toString();
    }

    /** UP while the connection is open. */
    public String state() {
        return connection.isOpen() ? "UP" : "DOWN: the connection is closed" + (connection.getCloseReason() == null ? ""
                : " (" + connection.getCloseReason().getMessage() + ")");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void publish(Map<String, Object> payload) throws Exception {
        String exchange = payload.get("exchange") == null ? "" : String.valueOf(payload.get("exchange"));
        String routingKey = payload.get("key") == null ? "" : String.valueOf(payload.get("key"));
        Map<String, Object> headers = new LinkedHashMap<>();
        if (payload.get("headers") instanceof Map<?, ?> m) m.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2)
                .headers(headers).messageId((String) headers.get("baton-idempotency-key")).build();
        synchronized (publishing) {
            publishing.basicPublish(exchange, routingKey, true, props, String.valueOf(payload.get("value")).getBytes(StandardCharsets.UTF_8));
            publishing.waitForConfirmsOrDie(30_000);
        }
    }

    /** Starts consumers for queues of newly deployed messages. */
    public synchronized void refresh() {
        Map<String, List<ChannelMessage>> queues = new LinkedHashMap<>();
        for (ChannelMessage m : messages.get()) {
            if (!(m.message().channel() instanceof MessageChannel.Rabbit r) || r.queue() == null) continue;
            List<ChannelMessage> list = queues.computeIfAbsent(r.queue(), q -> new ArrayList<>());
            if (list.stream().noneMatch(x -> x.name().equals(m.name()))) list.add(m);
        }
        byQueue = queues;
        for (Map.Entry<String, List<ChannelMessage>> q : queues.entrySet()) {
            if (consumers.containsKey(q.getKey())) continue;
            try {
                Channel ch = connection.createChannel();
                ch.queueDeclare(q.getKey(), true, false, false, null);
                ch.queueDeclare(q.getKey() + ".dlq", true, false, false, null);
                for (ChannelMessage m : q.getValue()) {
                    MessageChannel.Rabbit r = (MessageChannel.Rabbit) m.message().channel();
                    if (r.exchange() != null && !r.exchange().isBlank()) {
                        ch.queueBind(q.getKey(), r.exchange(), r.routingKey() == null ? q.getKey() : r.routingKey());
                    }
                }
                ch.basicQos(20);
                ch.basicConsume(q.getKey(), false, "baton-" + q.getKey(), (tag, d) -> deliver(ch, q.getKey(), d), tag -> { });
                consumers.put(q.getKey(), ch);
                log.info("RabbitMQ: consuming queue {}", q.getKey());
            } catch (Exception e) {
                throw new EngineException("RabbitMQ: cannot consume queue " + q.getKey() + ": " + e.getMessage());
            }
        }
    }

    private void deliver(Channel ch, String queue, Delivery d) throws java.io.IOException {
        long tag = d.getEnvelope().getDeliveryTag();
        String text = new String(d.getBody(), StandardCharsets.UTF_8);
        Object value = BrokerDelivery.payload(text, json);
        Map<String, Object> headers = new LinkedHashMap<>();
        if (d.getProperties().getHeaders() != null) d.getProperties().getHeaders().forEach((k, v) -> headers.put(k, String.valueOf(v)));
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("key", d.getEnvelope().getRoutingKey());
        scope.put("value", value);
        scope.put("headers", headers);
        scope.put("queue", queue);
        BrokerDelivery.Outcome outcome = BrokerDelivery.offer(byQueue.getOrDefault(queue, List.of()),
                m -> ((MessageChannel.Rabbit) m.message().channel()).correlationKey(), d.getEnvelope().getRoutingKey(), scope, value,
                expressions, correlate, "no deployed message listens on queue " + queue);
        if (outcome instanceof BrokerDelivery.Outcome.Correlated) {
            ch.basicAck(tag, false);
            return;
        }
        if (outcome instanceof BrokerDelivery.Outcome.Failed f) {
            log.warn("RabbitMQ: delivering a message of {} failed: {}; it goes back to the queue", queue, f.error().getMessage());
            ch.basicNack(tag, false, true);
            return;
        }
        String reasons = ((BrokerDelivery.Outcome.Unmatched) outcome).reasons();
        Map<String, Object> dlqHeaders = new LinkedHashMap<>(headers);
        dlqHeaders.put("baton-dlt-reason", reasons);
        dlqHeaders.put("baton-dlt-source", queue);
        try {
            synchronized (publishing) {
                publishing.basicPublish("", queue + ".dlq", d.getProperties().builder().headers(dlqHeaders).build(), d.getBody());
                publishing.waitForConfirmsOrDie(30_000);
            }
            ch.basicAck(tag, false);
        } catch (Exception e) {
            log.warn("RabbitMQ: dead-lettering a message of {} failed: {}; it goes back to the queue", queue, e.getMessage());
            ch.basicNack(tag, false, true);
        }
    }

    Set<String> queues() { return consumers.keySet(); }

    @Override
    public void close() {
        try {
            connection.close(5_000);
        } catch (Exception e) {
            log.debug("closing the RabbitMQ connection: {}", e.getMessage());
        }
    }
}
