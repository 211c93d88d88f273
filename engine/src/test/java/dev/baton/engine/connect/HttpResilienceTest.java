package dev.baton.engine.connect;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.Engines;
import dev.baton.engine.Engines.Db;
import dev.baton.engine.job.HttpSettings;
import dev.baton.model.api.IncidentView;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.StartInstanceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP calls: a circuit breaker per host, credentials from named secrets, TLS with a CA file; all against loopback servers. */
class HttpResilienceTest {
    static final ObjectMapper JSON = BatonEngine.jsonMapper();
    static final String TOKEN = "tok-9f8e7d6c5b4a3921";
    static final String API_KEY = "key-1a2b3c4d5e6f7788";

    record Seen(String path, String authorization, String apiKey, long at) {}

    @TempDir Path dir;
    HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final AtomicBoolean down = new AtomicBoolean(true);
    final AtomicInteger secureCalls = new AtomicInteger();
    String url;

    @BeforeEach
    void service() throws Exception {
        // TCP_NODELAY: else each answer waits ~40 ms for the client's delayed ACK (the JDK reads it once, at its first server)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            String auth = ex.getRequestHeaders().getFirst("Authorization"), key = ex.getRequestHeaders().getFirst("X-Api-Key");
            seen.add(new Seen(path, auth, key, System.currentTimeMillis()));
            int status = 200;
            String body = "{\"ok\":true}";
            if (path.equals("/flaky") && down.get()) {
                status = 503;
                body = "{\"error\":\"down for maintenance\"}";
            }
            if (path.equals("/secure") && secureCalls.getAndIncrement() == 0) {
                // a careless service that echoes the credentials in its error answer
                status = 500;
                body = "{\"error\":\"rejected " + auth + " with key " + key + "\"}";
            }
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static void await(String what, java.util.function.BooleanSupplier condition) {
        Engines.await(Duration.ofSeconds(30), what, condition);
    }

    long calls(String path) { return seen.stream().filter(s -> s.path().equals(path)).count(); }

    @Test
    void anOpenCircuitBreakerHoldsJobsBackWithoutSpendingTheirTriesAndAProbeClosesIt() throws Exception {
        HttpSettings http = HttpSettings.DEFAULT.withBreaker(3, Duration.ofMillis(2000), 1);
        try (BatonEngine engine = Engines.open(Db.H2, dir, b -> b.http(http))) {
            engine.deploy(Engines.files("http-resilience.bpmn"));
            String hostTag = "host=\"127.0.0.1:" + server.getAddress().getPort() + "\"";
            String first = engine.startInstance("flakyCall", new StartInstanceRequest(Map.of("serviceUrl", url), null, null)).instance().id();
            await("three failed tries end in an incident", () -> engine.incidents(first, true).size() == 1);
            assertThat(calls("/flaky")).isEqualTo(3);
            long opened = seen.get(seen.size() - 1).at();
            assertThat(engine.metrics()).contains("baton_http_circuit_state{" + hostTag + ",state=\"open\"} 1.0");

            // a job for the same host while the breaker is open: it must not call and must not spend its two tries
            String second = engine.startInstance("flakyCallTwoTries", new StartInstanceRequest(Map.of("serviceUrl", url), null, null))
                    .instance().id();
            Thread.sleep(700);
            assertThat(calls("/flaky")).as("no call while the breaker is open").isEqualTo(3);
            assertThat(engine.history(second)).noneMatch(e -> e.type().equals("JOB_FAILED"));
            assertThat(engine.metrics()).containsPattern("baton_http_deferred_total\\{" + java.util.regex.Pattern.quote(hostTag) + "} [1-9]");

            down.set(false);
            await("the held-back instance completed", () -> engine.instance(second).state() == InstanceState.COMPLETED);
            assertThat(calls("/flaky")).as("one probe, which succeeded").isEqualTo(4);
            assertThat(seen.get(seen.size() - 1).at() - opened).as("the probe waited for the open time").isGreaterThanOrEqualTo(1900);
            assertThat(engine.history(second)).noneMatch(e -> e.type().equals("JOB_FAILED"));
            assertThat(engine.metrics()).contains("baton_http_circuit_state{" + hostTag + ",state=\"closed\"} 1.0")
                    .contains("baton_http_circuit_state{" + hostTag + ",state=\"open\"} 0.0");
        }
    }

    @Test
    void aFailedProbeOpensTheBreakerAgain() throws Exception {
        HttpSettings http = HttpSettings.DEFAULT.withBreaker(2, Duration.ofMillis(800), 1);
        try (BatonEngine engine = Engines.open(Db.H2, dir, b -> b.http(http))) {
            engine.deploy(Engines.files("http-resilience.bpmn"));
            String id = engine.startInstance("flakyCall", new StartInstanceRequest(Map.of("serviceUrl", url), null, null)).instance().id();
            // try 1 and 2 fail and open the breaker; try 3 is the probe after 800 ms, it fails too: no tries are left
            await("an incident after three tries", () -> engine.incidents(id, true).size() == 1);
            List<Seen> flaky = seen.stream().filter(s -> s.path().equals("/flaky")).toList();
            assertThat(flaky).hasSize(3);
            assertThat(flaky.get(2).at() - flaky.get(1).at()).as("the third try waited for the breaker").isGreaterThanOrEqualTo(700);
            assertThat(engine.metrics()).contains("baton_http_circuit_state{host=\"127.0.0.1:" + server.getAddress().getPort()
                    + "\",state=\"open\"} 1.0");
        }
    }

    @Test
    void namedSecretsReachTheServiceButNotHistoryIncidentsVariablesOrLogs() throws Exception {
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "# payments\nPAYMENTS_TOKEN=" + TOKEN + "\n");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger baton = (Logger) LoggerFactory.getLogger("dev.baton");
        Level before = baton.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        baton.setLevel(Level.DEBUG);
        try (BatonEngine engine = Engines.open(Db.H2, dir, b -> b.http(HttpSettings.DEFAULT.withSecretsFile(secrets))
                .environment(name -> name.equals("API_KEY") ? API_KEY : null))) {
            engine.deploy(Engines.files("http-resilience.bpmn"));
            String id = engine.startInstance("securedCall", new StartInstanceRequest(Map.of("serviceUrl", url,
                    "order", Map.of("amount", 12)), null, null)).instance().id();
            await("the instance completed", () -> engine.instance(id).state() == InstanceState.COMPLETED);

            List<Seen> calls = seen.stream().filter(s -> s.path().equals("/secure")).toList();
            assertThat(calls).hasSize(2).allSatisfy(s -> {
                assertThat(s.authorization()).isEqualTo("Bearer " + TOKEN);
                assertThat(s.apiKey()).isEqualTo(API_KEY);
            });
            String history = JSON.writeValueAsString(engine.history(id));
            assertThat(history).as("the failed try is in the history, redacted").contains("JOB_FAILED").contains("rejected Bearer ***");
            String everything = history + JSON.writeValueAsString(engine.variables(id)) + JSON.writeValueAsString(engine.incidents(id, false))
                    + String.join("\n", logs.list.stream().map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                    : e.getThrowableProxy().getMessage())).toList());
            assertThat(everything).doesNotContain(TOKEN).doesNotContain(API_KEY);
            assertThat(logs.list).as("logs were captured").isNotEmpty();

            String missing = engine.startInstance("missingSecretCall", new StartInstanceRequest(Map.of("serviceUrl", url,
                    "order", Map.of("amount", 1)), null, null)).instance().id();
            await("an incident for the missing secret", () -> engine.incidents(missing, true).size() == 1);
            IncidentView incident = engine.incidents(missing, true).get(0);
            assertThat(incident.message()).contains("Secret NOT_DEFINED is not defined").contains("was not sent");
            assertThat(calls("/secure")).as("nothing was sent without the secret").isEqualTo(2);
        } finally {
            root.detachAppender(logs);
            baton.setLevel(before);
        }
    }

    @Test
    void httpsWithASelfSignedCertificateNeedsItsCaFile() throws Exception {
        Path keystore = dir.resolve("server.p12"), ca = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-alias", "server", "-rfc", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-file", ca.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ssl));
        AtomicInteger served = new AtomicInteger();
        https.createContext("/", ex -> {
            served.incrementAndGet();
            byte[] out = "{\"secure\":true}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        https.start();
        String httpsUrl = "https://127.0.0.1:" + https.getAddress().getPort();
        try {
            try (BatonEngine engine = Engines.open(Db.H2, dir, b -> b)) {
                engine.deploy(Engines.files("http-resilience.bpmn"));
                String id = engine.startInstance("flakyCallTwoTries", new StartInstanceRequest(Map.of("serviceUrl", httpsUrl), null, null))
                        .instance().id();
                await("an incident: the certificate is not trusted", () -> engine.incidents(id, true).size() == 1);
                assertThat(engine.incidents(id, true).get(0).message()).contains("TLS handshake failed")
                        .contains("not trusted").contains("http-ca-file");
                assertThat(served.get()).isZero();
            }
            try (BatonEngine engine = Engines.open(Db.H2, dir, b -> b.http(HttpSettings.DEFAULT.withCaFile(ca)))) {
                engine.deploy(Engines.files("http-resilience.bpmn"));
                String id = engine.startInstance("flakyCallTwoTries", new StartInstanceRequest(Map.of("serviceUrl", httpsUrl), null, null))
                        .instance().id();
                await("the call went through", () -> engine.instance(id).state() == InstanceState.COMPLETED);
                assertThat(served.get()).isEqualTo(1);
                assertThat(engine.variables(id)).containsEntry("secure", true);
            }
        } finally {
            https.stop(0);
        }
    }

    static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("keytool " + String.join(" ", args) + ": " + out).isZero();
    }
}
