package dev.baton.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The small services the sample processes call, on loopback: inventory, payment, shipping, flights, hotels, cars,
 * credit and loans. Each answers {@code {"ok":true}} unless told otherwise through the admin endpoint:
 * {@code POST /admin/{service}?mode=ok|decline|error&delayMs=N} (decline answers 200 {@code {"ok":false}} so the
 * process compensates; error answers 500 so the engine retries and opens an incident). {@code GET /admin/calls}
 * lists the calls seen, {@code POST /admin/reset} forgets modes and calls.
 */
public final class DemoServices implements AutoCloseable {

    public enum Mode { OK, DECLINE, ERROR }

    private record Behaviour(Mode mode, long delayMs) {}

    private final HttpServer server;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile long defaultDelayMs;

    private DemoServices(HttpServer server) {
        this.server = server;
    }

    /** Starts the services on 127.0.0.1 at the given port (0 picks a free one). */
    public static DemoServices start(int port) {
        try {
            // TCP_NODELAY: else each answer waits ~40 ms for the client's delayed ACK (the JDK reads it once, at its first server)
            System.setProperty("sun.net.httpserver.nodelay", "true");
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            DemoServices s = new DemoServices(server);
            server.createContext("/", s::handle);
            server.setExecutor(Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "demo-services");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the demo services on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() { return server.getAddress().getPort(); }

    public String url() { return "http://127.0.0.1:" + port(); }

    /** Tells one service (inventory, payment, shipping, flights, hotels, cars, credit, loans) how to answer. */
    public void set(String service, Mode mode, long delayMs) {
        behaviours.put(service, new Behaviour(mode, delayMs));
    }

    /** How long every service takes when not told otherwise (the demo slows down so tokens can be seen moving). */
    public void defaultDelay(long ms) {
        this.defaultDelayMs = ms;
    }

    public void reset() {
        behaviours.clear();
        calls.clear();
    }

    /** Calls seen so far, as "POST /flights/reserve/trip-1". */
    public List<String> calls() { return List.copyOf(calls); }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            String[] parts = path.split("/");
            if (parts.length < 2 || parts[1].isEmpty()) {
                send(ex, 404, "{\"error\":\"no service at " + path + "\"}");
                return;
            }
            String service = parts[1];
            if (service.equals("admin")) {
                admin(ex, parts, query);
                return;
            }
            calls.add(ex.getRequestMethod() + " " + path);
            Behaviour b = behaviours.getOrDefault(service, new Behaviour(Mode.OK, defaultDelayMs));
            if (b.delayMs() > 0) {
                try {
                    Thread.sleep(b.delayMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            switch (b.mode()) {
                case ERROR -> send(ex, 500, "{\"error\":\"" + service + " is failing (demo admin switch)\"}");
                case DECLINE -> send(ex, 200, "{\"ok\":false,\"reason\":\"" + service + " declined (demo admin switch)\"}");
                case OK -> send(ex, 200, answer(service, parts, query));
            }
        }
    }

    private static String answer(String service, String[] parts, Map<String, String> query) {
        String subject = parts.length > 3 ? parts[3] : "";
        if (service.equals("credit")) {
            // a stable score per applicant: names starting with a-m score well, others need a review
            int score = !subject.isEmpty() && Character.toLowerCase(subject.charAt(0)) <= 'm' ? 760 : 610;
            return "{\"ok\":true,\"score\":" + score + "}";
        }
        // some demo data declines on its own so compensation shows without touching the admin switches
        if (service.equals("payment") && parts.length > 2 && parts[2].equals("charge") && number(query.get("amount")) > 250) {
            return "{\"ok\":false,\"reason\":\"amount over the card limit of 250\"}";
        }
        if (service.equals("cars") && parts.length > 2 && parts[2].equals("reserve") && number(subject.replaceAll("\\D", "")) % 4 == 0) {
            return "{\"ok\":false,\"reason\":\"no car available\"}";
        }
        return "{\"ok\":true,\"reference\":\"" + service + "-" + subject + "\"}";
    }

    private static long number(String s) {
        try {
            return s == null || s.isEmpty() ? 1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void admin(HttpExchange ex, String[] parts, Map<String, String> query) throws IOException {
        if (parts.length == 3 && parts[2].equals("calls")) {
            StringBuilder sb = new StringBuilder("[");
            for (String c : calls) sb.append(sb.length() > 1 ? "," : "").append('"').append(c).append('"');
            send(ex, 200, sb.append(']').toString());
        } else if (parts.length == 3 && parts[2].equals("reset")) {
            reset();
            send(ex, 200, "{\"ok\":true}");
        } else if (parts.length == 3) {
            Mode mode;
            long delay;
            try {
                mode = Mode.valueOf(query.getOrDefault("mode", "ok").toUpperCase());
                delay = Long.parseLong(query.getOrDefault("delayMs", "0"));
            } catch (IllegalArgumentException e) {
                send(ex, 400, "{\"error\":\"mode must be ok, decline or error and delayMs a number\"}");
                return;
            }
            set(parts[2], mode, delay);
            send(ex, 200, "{\"service\":\"" + parts[2] + "\",\"mode\":\"" + mode + "\",\"delayMs\":" + delay + "}");
        } else {
            send(ex, 404, "{\"error\":\"admin endpoints: /admin/{service}?mode=&delayMs=, /admin/calls, /admin/reset\"}");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) return q;
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) q.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
