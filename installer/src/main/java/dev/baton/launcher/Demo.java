package dev.baton.launcher;

import dev.baton.engine.Baton;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.connect.kafka.KafkaConnector;
import dev.baton.engine.server.EngineServer;
import dev.baton.samples.DemoKafka;
import dev.baton.samples.DemoServices;
import dev.baton.samples.DemoSetup;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/** {@code baton demo}: the demo services, an engine with the samples deployed, and instances starting every few seconds. */
final class Demo {

    static final String USAGE = """
            usage: baton demo [--port N] [--services-port N] [--data DIR] [--every SECONDS] [--no-kafka]

            Starts the sample processes' demo services (default port 8090), a Kafka broker for the order-events
            sample (in this process, on a free port; --no-kafka leaves it and that sample out), an engine (default
            port 8080, H2 under DIR, default ~/.baton/demo), deploys the samples, starts two instances of each and
            then one more every SECONDS (default 5; 0 for none). Ctrl-C stops everything.""";

    private Demo() {}

    static int run(List<String> args) {
        int port = 8080, servicesPort = 8090, every = 5;
        boolean kafka = true;
        Path data = Path.of(System.getProperty("user.home"), ".baton", "demo");
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return 0;
                    }
                    case "--port" -> port = Integer.parseInt(value(args, ++i, a));
                    case "--services-port" -> servicesPort = Integer.parseInt(value(args, ++i, a));
                    case "--data" -> data = Path.of(value(args, ++i, a));
                    case "--every" -> every = Integer.parseInt(value(args, ++i, a));
                    case "--no-kafka" -> kafka = false;
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("baton demo: " + e.getMessage() + "\n\n" + USAGE);
            return 2;
        }
        // the broker takes a few seconds: it starts while the services do
        CompletableFuture<DemoKafka> broker = kafka ? DemoKafka.startInBackground() : CompletableFuture.completedFuture(null);
        DemoServices services;
        try {
            services = DemoServices.start(servicesPort);
        } catch (IllegalStateException e) {
            System.err.println("baton demo: " + e.getMessage() + " (is a demo already running? try --services-port)");
            broker.thenAccept(b -> { if (b != null) b.close(); });
            return 1;
        }
        services.defaultDelay(1500); // slow enough to see tokens wait on each call
        DemoKafka brokerStarted;
        try {
            brokerStarted = broker.get();
        } catch (ExecutionException e) {
            System.err.println("baton demo: " + e.getCause().getMessage() + " (--no-kafka runs the demo without it)");
            services.close();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            services.close();
            return 1;
        }
        Baton builder = Baton.builder().dataDir(data);
        if (brokerStarted != null) builder.kafka(new KafkaConnector.Settings(brokerStarted.bootstrapServers(), "baton-demo", null));
        try (services;
             DemoKafka ignored = brokerStarted;
             BatonEngine engine = builder.build();
             EngineServer server = EngineServer.start(engine, "127.0.0.1", port, null);
             DemoSetup setup = new DemoSetup(URI.create("http://127.0.0.1:" + server.port()), services.url(), null)) {
            if (brokerStarted != null) setup.kafka(brokerStarted.bootstrapServers());
            setup.deploy();
            int started = setup.startInstances(2);
            if (every > 0) setup.keepStarting(Duration.ofSeconds(every));
            System.out.println("engine        http://127.0.0.1:" + server.port() + "  (data in " + data + ")");
            System.out.println("demo services " + services.url() + "  (POST /admin/payment?mode=decline|error|ok&delayMs=N)");
            if (brokerStarted != null) {
                System.out.println("kafka         " + brokerStarted.bootstrapServers() + "  (order events: topic " + DemoKafka.ORDERS
                        + " in, topic " + DemoKafka.ORDER_STATUS + " out)");
            }
            System.out.println("deployed the samples and started " + started + " instances"
                    + (every > 0 ? "; one more every " + every + " s" : "") + ". Ctrl-C stops.");
            System.out.println("watch them: BATON_ENGINE_URL=http://127.0.0.1:" + server.port() + " ./baton");
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
            return 0;
        } catch (IOException e) {
            System.err.println("baton demo: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (RuntimeException e) {
            System.err.println("baton demo: " + e.getMessage());
            return 1;
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
        return args.get(i);
    }
}
