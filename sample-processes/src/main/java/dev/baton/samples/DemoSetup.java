package dev.baton.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts the samples on an engine over its HTTP API: deploys them, starts a few instances, and (optionally) keeps
 * starting one every few seconds so a newcomer sees tokens move. Used by {@code ./baton demo} and the designer's
 * first run.
 */
public final class DemoSetup implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI engine;
    private final String servicesUrl;
    private final String apiToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger next = new AtomicInteger(1);
    private ScheduledExecutorService traffic;

    public DemoSetup(URI engine, String servicesUrl, String apiToken) {
        this.engine = engine;
        this.servicesUrl = servicesUrl;
        this.apiToken = apiToken;
    }

    /** Deploys every sample; an unchanged file keeps its version. Throws with the engine's problem text when refused. */
    public void deploy() throws IOException, InterruptedException {
        for (Samples.Sample s : Samples.all()) {
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
            for (Samples.Sample s : Samples.all()) {
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
            var samples = Samples.all();
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variables", Samples.variables(processId, n, servicesUrl));
        body.put("businessKey", Samples.businessKey(processId, n));
        HttpRequest req = request("/api/processes/" + processId + "/instances")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) throw new IOException("starting " + processId + " failed: " + detail(r));
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
    }
}
