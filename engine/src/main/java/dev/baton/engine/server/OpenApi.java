package dev.baton.engine.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The API's OpenAPI 3 description, kept beside the routes as a resource. */
final class OpenApi {
    private static volatile String document;

    private OpenApi() {}

    /** A plain HTML page listing every operation with its parameters, for people reading the API in a browser. */
    static String page(com.fasterxml.jackson.databind.ObjectMapper json) {
        try {
            var doc = json.readTree(document());
            StringBuilder b = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Baton engine API</title>"
                    + "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}code{background:#eee;padding:0 .3em}"
                    + "h2{font-size:1.1em;margin-top:1.5em}.m{font-weight:bold;display:inline-block;width:4.5em}</style></head><body>");
            b.append("<h1>").append(esc(doc.path("info").path("title").asText())).append("</h1><p>")
                    .append(esc(doc.path("info").path("description").asText()))
                    .append("</p><p>Machine-readable: <a href=\"/openapi\">/openapi</a> (OpenAPI 3 JSON).</p>");
            doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                b.append("<h2><span class=\"m\">").append(op.getKey().toUpperCase(java.util.Locale.ROOT)).append("</span><code>")
                        .append(esc(path.getKey())).append("</code></h2><p>").append(esc(op.getValue().path("summary").asText())).append("</p>");
                var params = op.getValue().path("parameters");
                if (params.size() > 0) {
                    b.append("<p>Parameters: ");
                    for (int i = 0; i < params.size(); i++) {
                        if (i > 0) b.append(", ");
                        b.append("<code>").append(esc(params.get(i).path("name").asText())).append("</code> (")
                                .append(esc(params.get(i).path("in").asText())).append(')');
                    }
                    b.append("</p>");
                }
                b.append("<p>Answers: ").append(esc(String.join(", ", (Iterable<String>) op.getValue().path("responses")::fieldNames)))
                        .append("</p>");
            }));
            return b.append("</body></html>").toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("openapi.json cannot be read", e);
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String document() {
        if (document == null) {
            try (InputStream in = OpenApi.class.getResourceAsStream("openapi.json")) {
                if (in == null) throw new IllegalStateException("openapi.json is missing from the engine");
                document = withFragments(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("openapi.json cannot be read", e);
            }
        }
        return document;
    }

    /** Resources whose paths and schemas join openapi.json: the Camunda 7 calls under /engine-rest. */
    private static final java.util.List<String> FRAGMENTS = java.util.List.of("openapi-engine-rest.json");

    private static String withFragments(String main) throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(main);
        for (String name : FRAGMENTS) {
            try (InputStream in = OpenApi.class.getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException(name + " is missing from the engine");
                var fragment = json.readTree(in);
                doc.with("paths").setAll((com.fasterxml.jackson.databind.node.ObjectNode) fragment.path("paths"));
                doc.with("components").with("schemas").setAll((com.fasterxml.jackson.databind.node.ObjectNode) fragment.path("components").path("schemas"));
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }
}
