package dev.baton.engine.server;

import dev.baton.engine.Baton;
import dev.baton.engine.BatonEngine;
import dev.baton.engine.Engines;
import dev.baton.engine.Engines.Db;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.StartInstanceRequest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two engines on one database run a few hundred instances from several threads while a stream client on one of
 * them keeps dropping the connection and resuming with after=: it ends with every event exactly once, in order.
 */
class EventStreamLoadTest {
    private static final int THREADS = 4;
    private static final int INSTANCES_PER_THREAD = 60;

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void aClientThatReconnectsWithAfterGetsEveryEventOnceInOrderUnderLoad(Db db) throws Exception {
        String schema = Engines.freshSchema();
        UnaryOperator<Baton> same = b -> db == Db.POSTGRES
                ? b.jdbc(Engines.PG_URL, "postgres", null).schema(schema) : b.dataDir(dir.resolve("shared"));
        try (BatonEngine a = Engines.open(db, dir, same); BatonEngine b = Engines.open(db, dir, same)) {
            a.deploy(Engines.files("parallel.bpmn"));
            Client client = new Client(a);
            client.connect(0);

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < INSTANCES_PER_THREAD; i++) {
                        BatonEngine engine = i % 2 == 0 ? a : b;
                        String id = engine.startInstance("parallel", new StartInstanceRequest(Map.of("n", i), null, null)).instance().id();
                        for (String task : List.of("Pack", "Bill", "Ship")) {
                            String taskId = engine.tasks(null, null, null, id).stream().filter(x -> x.elementId().equals(task))
                                    .findFirst().orElseThrow().id();
                            engine.completeTask(taskId, Map.of());
                        }
                    }
                    return null;
                }));
            }
            while (!workers.stream().allMatch(Future::isDone)) client.reconnectIfDropped();
            for (Future<?> w : workers) w.get();
            pool.shutdown();

            List<Long> stored = new ArrayList<>();
            for (List<HistoryEvent> page = a.eventsAfter(0, null, null, 1000); !page.isEmpty();
                 page = a.eventsAfter(page.get(page.size() - 1).id(), null, null, 1000)) {
                page.forEach(e -> stored.add(e.id()));
            }
            Engines.await(Duration.ofSeconds(30), "the client has all " + stored.size() + " events", () -> {
                client.reconnectIfDropped();
                return client.received.size() >= stored.size();
            });
            client.stop();

            assertThat(stored).as("positions have no gaps").isEqualTo(LongStream.rangeClosed(1, stored.size()).boxed().toList());
            assertThat(stored.size()).as("events of %d instances", THREADS * INSTANCES_PER_THREAD).isGreaterThan(THREADS * INSTANCES_PER_THREAD * 10);
            assertThat(client.received).as("every event exactly once, in order").isEqualTo(stored);
            assertThat(client.connections).as("the client resumed several times").isGreaterThanOrEqualTo(4);
        }
    }

    /** A stream client that drops the connection after a random number of events and resumes after the last it saw. */
    private static final class Client {
        final List<Long> received = Collections.synchronizedList(new ArrayList<>());
        final Semaphore dropped = new Semaphore(0);
        final Random random = new Random(42);
        final BatonEngine engine;
        volatile EventStream stream;
        int connections;

        Client(BatonEngine engine) { this.engine = engine; }

        void connect(long after) {
            int[] budget = {50 + random.nextInt(400)};
            connections++;
            stream = new EventStream(engine, BatonEngine.jsonMapper(), null, null, after, (id, json) -> {
                if (id < 0) return true;
                if (budget[0]-- <= 0) {
                    dropped.release();
                    return false;
                }
                received.add(id);
                return true;
            });
            stream.start();
        }

        void reconnectIfDropped() {
            try {
                if (dropped.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    connect(received.isEmpty() ? 0 : received.get(received.size() - 1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() { stream.close(); }
    }
}
