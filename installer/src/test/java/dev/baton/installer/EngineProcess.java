package dev.baton.installer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An engine started as a separate process from an installed launcher, and its REST API as a test client sees it. */
final class EngineProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+?:\\d+)");

    private final Process process;
    private final String base;
    private final ConcurrentLinkedQueue<String> output;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EngineProcess(Process process, String base, ConcurrentLinkedQueue<String> output) {
        this.process = process;
        this.base = base;
        this.output = output;
    }

    /** Starts COMMAND (which must take --port 0) and waits until the engine prints the address it listens on. */
    static EngineProcess start(List<String> command, Path workDir) throws Exception {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        ConcurrentLinkedQueue<String> output = new ConcurrentLinkedQueue<>();
        CompletableFuture<String> base = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) base.complete(m.group(1));
                }
            } catch (Exception e) {
                // the process ended
            }
            base.completeExceptionally(new AssertionError("the engine ended before it listened; it printed:\n" + String.join("\n", output)));
        }, "engine-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new EngineProcess(p, base.get(120, TimeUnit.SECONDS), output);
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    String base() { return base; }

    String output() { return String.join("\n", output); }

    JsonNode get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    JsonNode send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    JsonNode postJson(String path, String json) throws Exception {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Polls the instance until it has the state, or fails after the deadline. */
    JsonNode awaitInstanceState(String instanceId, String state, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode instance;
        do {
            instance = get("/api/instances/" + instanceId);
            if (state.equals(instance.path("state").asText())) return instance;
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // poll interval, not a wait for a guessed time
        } while (System.nanoTime() < deadline);
        throw new AssertionError("instance " + instanceId + " is " + instance.path("state").asText() + ", not " + state + " after " + within);
    }

    /** Stops the engine the way systemd does (SIGTERM) and returns its exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the engine did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }
}
