package dev.baton.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine server ({@code EngineMain}) in a JVM of its own, on this test run's class path, for the crash tests: they
 * kill it with SIGKILL mid-run and start another on the same database. Talks to it over its HTTP API.
 */
public final class ChildEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChildEngine.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+?:\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String base;

    private ChildEngine(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts {@code EngineMain --port 0 --job-lease 3} and the given arguments (the database, the brokers) with the
     * given environment added, and waits up to two minutes until it says where it listens. Its errors and warnings
     * go to this test's log.
     */
    public static ChildEngine start(List<String> args, Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.baton.engine.server.EngineMain",
                "--port", "0", "--job-lease", "3"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<String> base = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) base.complete(m.group(1));
                    else if (line.contains("ERROR") || line.contains("WARN") || line.contains("could not start")) log.warn("engine: {}", line);
                }
            } catch (Exception e) {
                // the process was killed
            }
            base.completeExceptionally(new AssertionError("the engine process ended before it listened"));
        });
        reader.setDaemon(true);
        reader.start();
        try {
            return new ChildEngine(p, base.get(120, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    public static ChildEngine start(List<String> args) throws Exception {
        return start(args, Map.of());
    }

    /** Where the engine listens, e.g. http://127.0.0.1:40123. */
    public String base() { return base; }

    /** Sends a request to a path of the engine's API; fails on any status from 300 up, naming it and the body. */
    public JsonNode send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new AssertionError(method + " " + base + path + " answered " + r.statusCode() + ": " + r.body());
        return JSON.readTree(r.body());
    }

    public JsonNode get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    public JsonNode post(String path, String contentType, byte[] body) throws Exception {
        return send("POST", path, contentType, body);
    }

    /** How many instances of the process are in the state, or -1 while the engine does not answer. */
    public long count(String processId, String state) {
        try {
            return get("/api/instances?processId=" + processId + "&state=" + state + "&limit=1").get("total").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Kills the engine with SIGKILL (on Linux and macOS): no shutdown hook, no commit, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the engine normally (SIGTERM). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
