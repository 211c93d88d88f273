package dev.baton.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code baton deploy FILE... [--engine URL] [--token-env VAR]}: deploys BPMN and DMN files to a running engine through its REST
 * API, for pipelines. Exit 0 deployed (the definitions are printed), 1 rejected by the engine (its problems are printed
 * with file, line and element id), 2 a usage error, an unreadable file or an engine that cannot be reached.
 */
final class Deploy {

    static final String USAGE = """
            usage: baton deploy FILE|DIR... [--engine URL] [--token-env VAR]

            Deploys BPMN and DMN files (a folder: its *.bpmn and *.dmn files) to a running engine, all in one
            deployment: either every file is deployed or none is. Business rule tasks call the DMN decisions.
              --engine URL      the engine's address (default $BATON_ENGINE_URL, else http://127.0.0.1:8080)
              --token-env VAR   read the engine's API token from the environment variable VAR; it is sent as
                                'Authorization: Bearer ...' and never printed
            Exit codes: 0 deployed, 1 the engine rejected the files (its problems are listed), 2 usage error, a file
            that cannot be read, or an engine that cannot be reached.""";

    static final String DEFAULT_ENGINE = "http://127.0.0.1:8080";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> environment;

    Deploy(PrintStream out, PrintStream err, Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    static int run(List<String> args) {
        return new Deploy(System.out, System.err, System::getenv).deploy(args);
    }

    int deploy(List<String> args) {
        String engineUrl = null;
        String tokenVar = null;
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--engine" -> engineUrl = value(args, ++i, a);
                    case "--token-env" -> tokenVar = value(args, ++i, a);
                    default -> {
                        if (a.startsWith("-")) throw new IllegalArgumentException("unknown option " + a);
                        files.addAll(deployableFiles(Path.of(a)));
                    }
                }
            }
            if (files.isEmpty()) throw new IllegalArgumentException("no BPMN or DMN files given");
        } catch (IllegalArgumentException e) {
            err.println("baton deploy: " + e.getMessage() + "\n\n" + USAGE);
            return 2;
        }
        if (engineUrl == null) {
            String fromEnv = environment.apply("BATON_ENGINE_URL");
            engineUrl = fromEnv == null || fromEnv.isBlank() ? DEFAULT_ENGINE : fromEnv;
        }
        String token = null;
        if (tokenVar != null) {
            token = environment.apply(tokenVar);
            if (token == null || token.isBlank()) {
                err.println("baton deploy: the environment variable " + tokenVar + " (--token-env) is not set or empty");
                return 2;
            }
        }
        URI endpoint;
        try {
            endpoint = URI.create(engineUrl.replaceAll("/+$", "") + "/api/deployments");
            if (endpoint.getHost() == null || !List.of("http", "https").contains(String.valueOf(endpoint.getScheme()))) {
                throw new IllegalArgumentException("not an http(s) address");
            }
        } catch (IllegalArgumentException e) {
            err.println("baton deploy: --engine " + engineUrl + " is not an engine address like " + DEFAULT_ENGINE);
            return 2;
        }

        String boundary = "baton-" + UUID.randomUUID();
        byte[] body;
        try {
            body = multipart(files, boundary);
        } catch (IOException e) {
            err.println("baton deploy: cannot read " + e.getMessage());
            return 2;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) request.header("Authorization", "Bearer " + token);

        HttpResponse<String> response;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            err.println("baton deploy: cannot reach the engine at " + engineUrl + " (is it running? 'baton engine' starts one;"
                    + " --engine URL names another)");
            return 2;
        } catch (HttpTimeoutException e) {
            err.println("baton deploy: the engine at " + engineUrl + " did not answer within 60 s");
            return 2;
        } catch (IOException e) {
            err.println("baton deploy: talking to the engine at " + engineUrl + " failed: " + describe(e));
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
        return report(engineUrl, files, response);
    }

    private int report(String engineUrl, List<Path> files, HttpResponse<String> response) {
        JsonNode json;
        try {
            json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            json = JSON.nullNode();
        }
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            out.println("deployed " + files.size() + " file" + (files.size() == 1 ? "" : "s") + " to " + engineUrl
                    + " (deployment " + json.path("id").asText("?") + ")");
            for (JsonNode d : json.path("definitions")) {
                out.printf("  %-40s version %-4s %s%n", d.path("processId").asText(), d.path("version").asText(), d.path("id").asText());
            }
            for (JsonNode d : json.path("decisions")) {
                out.printf("  %-40s version %-4s %s (decision)%n", d.path("key").asText(), d.path("version").asText(), d.path("id").asText());
            }
            return 0;
        }
        if (status == 422) {
            out.println("the engine rejected the deployment: nothing was deployed");
            // the engine knows a file by its name; the user knows it by the path they typed
            Map<String, String> given = new java.util.HashMap<>();
            for (Path f : files) {
                String name = f.getFileName().toString();
                given.merge(name, f.toString(), (a, b) -> name); // two files of one name: keep the name alone
            }
            for (JsonNode p : json.path("problems")) {
                out.println(problemLine(p, given.getOrDefault(p.path("file").asText(), p.path("file").asText("?"))));
            }
            return 1;
        }
        String detail = json.path("detail").asText(json.path("title").asText(response.body().strip()));
        if (status == 401 || status == 403) {
            err.println("baton deploy: the engine at " + engineUrl + " refused the API token (" + status + "): " + detail
                    + "\n(--token-env VAR names the environment variable that holds the token)");
            return 2;
        }
        err.println("baton deploy: the engine at " + engineUrl + " answered " + status + ": " + detail);
        return status >= 400 && status < 500 ? 1 : 2;
    }

    /** {@code file:line: SEVERITY [elementId] message}, the shape compilers use, so editors and CI logs link to the line. */
    static String problemLine(JsonNode p, String file) {
        StringBuilder s = new StringBuilder(file);
        if (p.hasNonNull("line") && p.path("line").asInt() > 0) s.append(':').append(p.path("line").asInt());
        s.append(": ").append(p.path("severity").asText("ERROR"));
        if (p.hasNonNull("elementId") && !p.path("elementId").asText().isBlank()) s.append(" [").append(p.path("elementId").asText()).append(']');
        s.append(' ').append(p.path("message").asText());
        return s.toString();
    }

    private static List<Path> deployableFiles(Path arg) {
        if (Files.isDirectory(arg)) {
            try (Stream<Path> in = Files.list(arg)) {
                List<Path> found = in.filter(f -> (f.getFileName().toString().endsWith(".bpmn") || f.getFileName().toString().endsWith(".dmn"))
                        && Files.isRegularFile(f)).sorted().toList();
                if (found.isEmpty()) throw new IllegalArgumentException(arg + " has no .bpmn or .dmn files");
                return found;
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot list " + arg + ": " + describe(e));
            }
        }
        if (!Files.isRegularFile(arg)) throw new IllegalArgumentException(arg + ": no such file");
        return List.of(arg);
    }

    private static byte[] multipart(List<Path> files, String boundary) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Path f : files) {
            byte[] content;
            try {
                content = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new IOException(f + ": " + describe(e), e);
            }
            String name = f.getFileName().toString().replace("\"", "%22").replace("\r", "").replace("\n", "");
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
        return args.get(i);
    }
}
