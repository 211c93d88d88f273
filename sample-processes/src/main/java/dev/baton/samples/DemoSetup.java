package dev.baton.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts the samples on an engine over its HTTP API: deploys them, starts a few instances, and (optionally) keeps
 * starting one every few seconds so a newcomer sees tokens move. Used by {@code ./baton demo} and the designer's
 * first run. With {@link #kafka(String)} it also deploys the Kafka samples and starts their instances the way a shop
 * would: by publishing order events to the broker, which the engine consumes.
 */
public final class DemoSetup implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI engine;
    private final String servicesUrl;
    private final String apiToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger next = new AtomicInteger(1);
    private ScheduledExecutorService traffic;
    private String kafkaBootstrap;
    private KafkaProducer<String, String> shop;

    public DemoSetup(URI engine, String servicesUrl, String apiToken) {
        this.engine = engine;
        this.servicesUrl = servicesUrl;
        this.apiToken = apiToken;
    }

    /**
     * Adds the Kafka samples ({@link Samples#kafka()}): the engine must have been started with this broker. Their
     * instances are started by publishing an order event to the broker.
     */
    public DemoSetup kafka(String bootstrapServers) {
        this.kafkaBootstrap = bootstrapServers;
        return this;
    }

    private List<Samples.Sample> samples() {
        List<Samples.Sample> all = new ArrayList<>(Samples.all());
        if (kafkaBootstrap != null) all.addAll(Samples.kafka());
        return all;
    }

    /** Deploys every sample; an unchanged file keeps its version. Throws with the engine's problem text when refused. */
    public void deploy() throws IOException, InterruptedException {
        for (Samples.Sample s : samples()) {
            HttpRequest req = request("/api/deployments?name=" + URLEncoder.encode(s.fileName(), StandardCharsets.UTF_8))
                    .header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofString(s.xml())).build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IOException("the engine at " + engine + " refused sample " + s.fileName() + ": " + detail(r));
            }
        }
    }

    /** Starts {@code perProcess} instances of each sample; returns how many started. */
    public int startInstances(int perProcess) throws IOException, InterruptedException {
        int started = 0;
        for (int k = 0; k < perProcess; k++) {
            int n = next.getAndIncrement();
            for (Samples.Sample s : samples()) {
                start(s.processId(), n);
                started++;
            }
        }
        return started;
    }

    /** Starts one instance of a sample, round robin, every {@code period} until closed. */
    public void keepStarting(Duration period) {
        traffic = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-traffic");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger turn = new AtomicInteger();
        traffic.scheduleAtFixedRate(() -> {
            var samples = samples();
            Samples.Sample s = samples.get(turn.getAndIncrement() % samples.size());
            try {
                start(s.processId(), next.getAndIncrement());
            } catch (IOException e) {
                System.err.println("demo: could not start " + s.processId() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void start(String processId, int n) throws IOException, InterruptedException {
        if (Samples.startsFromKafka(processId)) {
            placeOrder(n);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variables", Samples.variables(processId, n, servicesUrl));
        body.put("businessKey", Samples.businessKey(processId, n));
        HttpRequest req = request("/api/processes/" + processId + "/instances")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) throw new IOException("starting " + processId + " failed: " + detail(r));
    }

    /** What the shop does: publishes an order-placed event; the engine's message start event takes it. */
    private synchronized void placeOrder(int n) throws IOException, InterruptedException {
        if (shop == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "baton-demo-shop");
            shop = new KafkaProducer<>(p);
        }
        try {
            shop.send(new ProducerRecord<>(DemoKafka.ORDERS, Samples.businessKey("orderEvents", n),
                    Samples.orderPlacedEvent(n, servicesUrl))).get();
        } catch (ExecutionException e) {
            throw new IOException("publishing an order event to " + kafkaBootstrap + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(engine.resolve(path)).timeout(Duration.ofSeconds(30));
        if (apiToken != null && !apiToken.isEmpty()) b.header("Authorization", "Bearer " + apiToken);
        return b;
    }

    private static String detail(HttpResponse<String> r) {
        try {
            JsonNode n = JSON.readTree(r.body());
            if (n.hasNonNull("detail")) return n.get("detail").asText();
        } catch (IOException ignored) {
            // not problem JSON: show the status and raw text below
        }
        return "HTTP " + r.statusCode() + " " + r.body();
    }

    @Override
    public void close() {
        if (traffic != null) traffic.shutdownNow();
        synchronized (this) {
            if (shop != null) shop.close(Duration.ofSeconds(5));
        }
    }
}
