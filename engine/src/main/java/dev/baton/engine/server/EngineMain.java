package dev.baton.engine.server;

import dev.baton.engine.Baton;
import dev.baton.engine.BatonEngine;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * {@code baton engine [--port 8080] [--bind 127.0.0.1] [--data DIR] [--db JDBC-URL] [--db-user U]
 * [--db-password-env VAR] [--api-token-env VAR] [--config FILE]}: runs the engine with its REST API until stopped.
 * A config file holds the same keys without dashes (port=8080, db=jdbc:...); the command line wins.
 */
public final class EngineMain {
    private EngineMain() {}

    static final String USAGE = """
            Usage: baton engine [options]
              --port N               HTTP port (default 8080; 0 picks a free one)
              --bind ADDRESS         address to listen on (default 127.0.0.1; others need an API token)
              --data DIR             where the embedded H2 database lives (default ~/.baton)
              --db JDBC-URL          use this database instead, e.g. jdbc:postgresql://localhost:5432/baton
              --db-user USER         database user
              --db-schema SCHEMA     a schema of its own in that database (created when missing)
              --db-password-env VAR  environment variable holding the database password
              --api-token-env VAR    environment variable holding the API token (default BATON_API_TOKEN)
              --job-threads N        jobs run at once (default 32)
              --job-lease SECONDS    how long a job is held before another worker may take it (default 30)
              --kafka-bootstrap HOST:PORT[,...]  Kafka brokers (publishing, messages with a Kafka channel)
              --kafka-group G        consumer group (default baton)
              --kafka-security-protocol P  PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
              --kafka-sasl-mechanism M     PLAIN (default), SCRAM-SHA-256 or SCRAM-SHA-512
              --kafka-user U         with --kafka-password-env VAR: the environment variable holding the password
              --kafka-ca-file FILE   PEM CA certificates to trust besides the JDK's
              --rabbit-uri URI       RabbitMQ, e.g. amqp://127.0.0.1:5672 (amqps:// for TLS)
              --rabbit-user U        with --rabbit-password-env VAR: the environment variable holding the password
              --http-breaker-failures N  consecutive failures of one host that open its circuit breaker (default 5, 0: off)
              --http-breaker-open S  seconds an open breaker holds calls to its host back (default 30)
              --http-breaker-half-open-calls N  probes let through after that (default 1)
              --http-ca-file FILE    PEM CA certificates trusted for HTTPS calls besides the JDK's
              --secrets-file FILE    NAME=value lines: named secrets for HTTP calls (environment variables win)
              --config FILE          a properties file with the same keys (port=8080, db=..., ...)
            """;

    public static void main(String[] args) {
        int code = run(java.util.List.of(args));
        if (code != 0) System.exit(code);
    }

    /**
     * Runs {@code baton engine ARGS}: starts the engine and blocks until the process is stopped. Returns the exit code
     * (0 after --help, 2 for wrong arguments, 1 when the engine cannot start). For the launcher's subcommand table.
     */
    public static int run(java.util.List<String> args) {
        Map<String, String> options;
        try {
            options = parse(args.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        if (options.containsKey("help")) {
            System.out.println(USAGE);
            return 0;
        }
        try {
            run(options);
            return 0;
        } catch (RuntimeException e) {
            System.err.println("The engine could not start: " + e.getMessage());
            return 1;
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> cli = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                cli.put("help", "true");
                continue;
            }
            if (!a.startsWith("--")) throw new IllegalArgumentException("Unknown argument: " + a);
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else {
                if (i + 1 >= args.length) throw new IllegalArgumentException("--" + key + " needs a value");
                value = args[++i];
            }
            cli.put(key, value);
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (cli.containsKey("config")) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(Path.of(cli.get("config")))) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the config file " + cli.get("config") + ": " + e.getMessage());
            }
            p.forEach((k, v) -> options.put(String.valueOf(k), String.valueOf(v)));
        }
        options.putAll(cli);
        for (String k : options.keySet()) {
            if (!java.util.List.of("port", "bind", "data", "db", "db-user", "db-schema", "db-password-env", "api-token-env", "config",
                    "job-threads", "job-lease", "help", "kafka-bootstrap", "kafka-group", "kafka-security-protocol",
                    "kafka-sasl-mechanism", "kafka-user", "kafka-password-env", "kafka-ca-file", "rabbit-uri", "rabbit-user",
                    "rabbit-password-env", "http-breaker-failures", "http-breaker-open", "http-breaker-half-open-calls",
                    "http-ca-file", "secrets-file").contains(k)) {
                throw new IllegalArgumentException("Unknown option --" + k);
            }
        }
        return options;
    }

    static void run(Map<String, String> o) {
        Baton b = Baton.builder();
        // passwords named by *-password-env come from the environment, else from the secrets file
        java.util.function.UnaryOperator<String> secrets = secretLookup(o, System::getenv);
        if (o.containsKey("data")) b.dataDir(Path.of(o.get("data")));
        if (o.containsKey("db")) {
            String password = o.containsKey("db-password-env") ? secrets.apply(o.get("db-password-env")) : null;
            b.jdbc(o.get("db"), o.get("db-user"), password);
            if (o.containsKey("db-schema")) b.schema(o.get("db-schema"));
        }
        if (o.containsKey("job-threads")) b.jobThreads(number(o, "job-threads"));
        if (o.containsKey("job-lease")) b.jobLease(Duration.ofSeconds(number(o, "job-lease")));
        if (o.containsKey("rabbit-uri")) b.rabbit(dev.baton.engine.connect.rabbit.RabbitConnector.Settings.fromOptions(o, secrets));
        if (o.containsKey("kafka-bootstrap")) b.kafka(dev.baton.engine.connect.kafka.KafkaConnector.Settings.fromOptions(o, secrets));
        b.http(dev.baton.engine.job.HttpSettings.fromOptions(o));
        String token = System.getenv(o.getOrDefault("api-token-env", "BATON_API_TOKEN"));
        int port = o.containsKey("port") ? number(o, "port") : 8080;
        String bind = o.getOrDefault("bind", "127.0.0.1");
        BatonEngine engine = b.build();
        EngineServer server;
        try {
            server = EngineServer.start(engine, bind, port, token);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            engine.close();
            stopped.countDown();
        }, "baton-shutdown"));
        System.out.println("Baton engine listening on http://" + bind + ":" + server.port() + " (API under /api, health at /health)");
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Looks a named secret up: the environment variable, else the secrets-file entry; null when neither has it. */
    static java.util.function.UnaryOperator<String> secretLookup(Map<String, String> o, java.util.function.Function<String, String> env) {
        var store = new dev.baton.engine.job.Secrets(env, dev.baton.engine.job.HttpSettings.fromOptions(o).secretsFile());
        return name -> {
            try {
                return store.resolve(name);
            } catch (dev.baton.engine.job.Secrets.Missing e) {
                return null;
            }
        };
    }

    private static int number(Map<String, String> o, String key) {
        try {
            return Integer.parseInt(o.get(key).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number, not " + o.get(key));
        }
    }
}
