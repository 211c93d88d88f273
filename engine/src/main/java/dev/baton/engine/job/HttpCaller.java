package dev.baton.engine.job;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sends a service task's HTTP request and reads the response; JSON bodies come back parsed. */
public final class HttpCaller {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public record Response(int status, Map<String, String> headers, Object body) {
        public boolean ok() { return status >= 200 && status < 300; }
    }

    private final HttpClient client;
    private final ObjectMapper json;

    public HttpCaller(ObjectMapper json) { this(json, null); }

    /** With the SSL context to verify servers with (null: the JDK default, its trust store). */
    public HttpCaller(ObjectMapper json, javax.net.ssl.SSLContext ssl) {
        this.json = json;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL);
        if (ssl != null) b.sslContext(ssl);
        this.client = b.build();
    }

    /** Sends the request; IOException for a failed connection or a timeout. */
    public Response call(String method, String url, Map<String, String> headers, String body, String contentType,
                         Duration timeout, String idempotencyKey) throws IOException, InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("'" + url + "' is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IOException("'" + url + "' is not an http or https URL");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout == null ? DEFAULT_TIMEOUT : timeout)
                .header("Idempotency-Key", idempotencyKey).header("Accept", "application/json, */*;q=0.5");
        headers.forEach(b::header);
        if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("traceparent"))) b.header("traceparent", traceparent(idempotencyKey));
        if (body != null) {
            if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) b.header("Content-Type", contentType);
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> h = new LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> { if (!v.isEmpty() && !k.startsWith(":")) h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)); });
        return new Response(r.statusCode(), h, parse(r.body(), h.getOrDefault("content-type", "")));
    }

    /**
     * A W3C trace context header: the trace id is the same for every call of one instance (derived from the instance
     * id, the first part of the idempotency key), the span id new for each call.
     */
    static String traceparent(String idempotencyKey) {
        String instance = idempotencyKey == null ? java.util.UUID.randomUUID().toString() : idempotencyKey.split(":", 2)[0];
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(instance.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String trace = java.util.HexFormat.of().formatHex(h, 0, 16);
            long span = java.util.concurrent.ThreadLocalRandom.current().nextLong();
            if (span == 0) span = 1;
            return "00-" + trace + "-" + String.format("%016x", span) + "-01";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The wait a Retry-After header asks for (seconds or an HTTP date), in milliseconds; 0 when absent or unreadable. */
    public static long retryAfterMs(Map<String, String> headers, long now) {
        String v = headers.get("retry-after");
        if (v == null || v.isBlank()) return 0;
        try {
            return Math.max(0, Long.parseLong(v.strip()) * 1000);
        } catch (NumberFormatException e) {
            try {
                return Math.max(0, java.time.ZonedDateTime.parse(v.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant().toEpochMilli() - now);
            } catch (java.time.format.DateTimeParseException e2) {
                return 0;
            }
        }
    }

    private Object parse(String body, String contentType) {
        if (body == null || body.isEmpty()) return null;
        String t = body.strip();
        if (contentType.contains("json") || t.startsWith("{") || t.startsWith("[")) {
            try {
                return json.readValue(t, Object.class);
            } catch (IOException e) {
                return body;
            }
        }
        return body;
    }
}
