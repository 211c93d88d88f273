package dev.baton.engine.connect.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.EngineException;
import dev.baton.engine.connect.BrokerDelivery;
import dev.baton.engine.connect.ChannelMessage;
import dev.baton.engine.connect.Publisher;
import dev.baton.engine.expr.Expressions;
import dev.baton.model.api.MessageRequest;
import dev.baton.model.api.MessageResult;
import dev.baton.model.exec.MessageChannel;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Kafka in both directions. Publishing: an idempotent producer (acks=all) sends a PUBLISH job's record and
 * returns once the broker has it. Consuming: one consumer (group {@code baton}, auto commit off) reads the topics
 * of deployed messages with a Kafka channel, works out each record's correlation key, and delivers the message
 * through the engine; the record's offset is committed only after the engine committed the correlation (at
 * least once). A record that no instance or start event takes goes to {@code <topic>.DLT} with the reason.
 */
public final class KafkaConnector implements Publisher, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaConnector.class);

    /** Where the brokers are, and extra client properties (security.protocol, sasl.*, ssl.*). */
    public record Settings(String bootstrapServers, String groupId, Map<String, String> clientProperties) {
        public Settings {
            groupId = groupId == null || groupId.isBlank() ? "baton" : groupId;
            clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
        }

        /**
         * From the engine's options: kafka-bootstrap, kafka-group, kafka-security-protocol, kafka-sasl-mechanism,
         * kafka-user, kafka-password-env (the name of the environment variable that holds the password: secrets
         * never sit in the configuration file), kafka-ca-file (PEM CA certificates to trust besides the JDK's).
         */
        public static Settings fromOptions(Map<String, String> o, java.util.function.UnaryOperator<String> env) {
            Map<String, String> props = new LinkedHashMap<>();
            if (o.containsKey("kafka-security-protocol")) props.put("security.protocol", o.get("kafka-security-protocol"));
            if (o.containsKey("kafka-ca-file")) {
                if (!java.nio.file.Files.isReadable(java.nio.file.Path.of(o.get("kafka-ca-file")))) {
                    throw new EngineException("kafka-ca-file " + o.get("kafka-ca-file") + " cannot be read");
                }
                props.put("ssl.truststore.type", "PEM");
                props.put("ssl.truststore.location", o.get("kafka-ca-file"));
            }
            if (o.containsKey("kafka-user")) {
                String mechanism = o.getOrDefault("kafka-sasl-mechanism", "PLAIN");
                String var = o.get("kafka-password-env");
                String password = var == null ? null : env.apply(var);
                if (password == null) {
                    throw new EngineException("kafka-user is set but the password is not: set kafka-password-env to the name of an"
                            + " environment variable that holds it" + (var == null ? "" : " (" + var + " is not set)"));
                }
                String module = mechanism.startsWith("SCRAM") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                        : "org.apache.kafka.common.security.plain.PlainLoginModule";
                props.put("sasl.mechanism", mechanism);
                props.put("sasl.jaas.config", module + " required username=\"" + o.get("kafka-user").replace("\"", "\\\"")
                        + "\" password=\"" + password.replace("\"", "\\\"") + "\";");
            }
            return new Settings(o.get("kafka-bootstrap"), o.get("kafka-group"), props);
        }

        @Override
        public String toString() {
            return "Kafka at " + bootstrapServers + " (group " + groupId + ")";   // never the client properties: they hold the password
        }
    }

    private final Settings settings;
    private final Function<MessageRequest, MessageResult> correlate;
    private final Supplier<List<ChannelMessage>> messages;
    private final ObjectMapper json;
    private final Expressions expressions = new Expressions();
    private final KafkaProducer<String, String> producer;
    private final Thread consumerThread;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running = true;
    private volatile boolean refresh = true;
    private volatile long lastPoll;
    private volatile String lastError;

    /**
     * Connects, or fails with a clear message when the brokers do not answer within 10 s.
     *
     * @param correlate delivers a message; throws EngineException.NotFound when nothing takes it
     * @param messages  the deployed messages that arrive over Kafka
     */
    public KafkaConnector(Settings settings, Function<MessageRequest, MessageResult> correlate,
                          Supplier<List<ChannelMessage>> messages, ObjectMapper json) {
        if (settings.bootstrapServers() == null || settings.bootstrapServers().isBlank()) {
            throw new EngineException("Kafka is configured without bootstrap servers");
        }
        this.settings = settings;
        this.correlate = correlate;
        this.messages = messages;
        this.json = json;
        checkBrokers();
        Properties p = common();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "20000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
        this.consumerThread = new Thread(this::consume, "baton-kafka-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
    }

    private Properties common() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.putAll(settings.clientProperties());
        return p;
    }

    private void checkBrokers() {
        Properties p = common();
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new EngineException("Kafka at " + settings.bootstrapServers() + " does not answer (waited 10 s): "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ". Start the brokers or fix kafka.bootstrapServers.");
        }
    }

    /** UP while the consumer polls without errors; DOWN with the last error otherwise. */
    public String state() {
        boolean fresh = System.currentTimeMillis() - lastPoll < 30_000;
        return running && consumerThread.isAlive() && fresh && lastError == null ? "UP" : "DOWN" + (lastError == null ? "" : ": " + lastError);
    }

    /** New deployments may listen on other topics. */
    public void refresh() {
        refresh = true;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) c.wakeup();
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void publish(Map<String, Object> payload) throws Exception {
        String topic = (String) payload.get("topic");
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, (String) payload.get("key"), (String) payload.get("value"));
        Object headers = payload.get("headers");
        if (headers instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> h : m.entrySet()) {
                record.headers().add(String.valueOf(h.getKey()), String.valueOf(h.getValue()).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            producer.send(record).get(35, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new Exception("Kafka did not take the record for topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    // ---- consuming ------------------------------------------------------------------------------------------

    private Map<String, List<ChannelMessage>> byTopic = Map.of();

    private void consume() {
        Properties p = common();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            consumer = c;
            while (running) {
                try {
                    if (refresh) {
                        refresh = false;
                        subscribe(c);
                    }
                    lastPoll = System.currentTimeMillis();
                    if (byTopic.isEmpty()) {
                        synchronized (this) {
                            if (!refresh && running) wait(500);
                        }
                        continue;
                    }
                    ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                    lastError = null;
                    for (TopicPartition tp : records.partitions()) {
                        for (ConsumerRecord<String, String> r : records.records(tp)) {
                            if (!handle(r)) {
                                // the engine could not take it now (database down?): read it again later, nothing is skipped
                                c.seek(tp, r.offset());
                                pause();
                                break;
                            }
                            c.commitSync(Map.of(tp, new OffsetAndMetadata(r.offset() + 1)));
                        }
                    }
                } catch (WakeupException e) {
                    // a refresh or close asked the consumer to look up
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    lastError = e.getMessage();
                    log.warn("Kafka consumer: {}", e.getMessage());
                    pause();
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void subscribe(KafkaConsumer<String, String> c) {
        Map<String, List<ChannelMessage>> topics = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ChannelMessage m : messages.get()) {
            if (!(m.message().channel() instanceof MessageChannel.Kafka k)) continue;
            if (seen.add(k.topic() + "\u0000" + m.name())) topics.computeIfAbsent(k.topic(), t -> new ArrayList<>()).add(m);
        }
        byTopic = topics;
        if (topics.isEmpty()) c.unsubscribe();
        else c.subscribe(topics.keySet());
        log.info("Kafka: listening on topics {}", topics.keySet());
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delivers one record; true when it is done with (correlated, or sent to the dead-letter topic). */
    private boolean handle(ConsumerRecord<String, String> r) {
        Object value = BrokerDelivery.payload(r.value(), json);
        Map<String, Object> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("key", r.key());
        scope.put("value", value);
        scope.put("headers", headers);
        scope.put("topic", r.topic());
        BrokerDelivery.Outcome outcome = BrokerDelivery.offer(byTopic.getOrDefault(r.topic(), List.of()),
                m -> ((MessageChannel.Kafka) m.message().channel()).correlationKey(), r.key(), scope, value, expressions, correlate,
                "no deployed message listens on topic " + r.topic());
        if (outcome instanceof BrokerDelivery.Outcome.Failed f) {
            lastError = "delivering a record of " + r.topic() + " failed: " + f.error().getMessage();
            log.warn("Kafka: {}; it is read again", lastError);
            return false;
        }
        if (outcome instanceof BrokerDelivery.Outcome.Unmatched u) return deadLetter(r, u.reasons());
        return true;
    }

    private boolean deadLetter(ConsumerRecord<String, String> r, String reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(r.topic() + ".DLT", r.key(), r.value());
        for (Header h : r.headers()) dead.headers().add(h);
        dead.headers().add("baton-dlt-reason", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("baton-dlt-source", (r.topic() + "/" + r.partition() + "@" + r.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(dead).get(35, TimeUnit.SECONDS);
            log.info("Kafka: record {}/{}@{} went to {}.DLT: {}", r.topic(), r.partition(), r.offset(), r.topic(), reason);
            return true;
        } catch (Exception e) {
            lastError = "dead-lettering a record of " + r.topic() + " failed: " + e.getMessage();
            log.warn("Kafka: {}", lastError);
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) c.wakeup();
        synchronized (this) {
            notifyAll();
        }
        try {
            consumerThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
