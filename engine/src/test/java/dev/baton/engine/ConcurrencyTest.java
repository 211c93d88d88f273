package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.InstanceState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Many calls on one instance at once: each lands exactly once, the instance is never corrupted. */
class ConcurrencyTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void concurrentCallsOnOneInstanceAllApplyOnceAndInOrder(Db db) throws Exception {
        try (BatonEngine engine = Engines.open(db, dir)) {
            engine.deploy(Engines.files("parallel.bpmn"));
            String id = Flows.start(engine, "parallel", Map.of());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                calls.add(pool.submit(() -> engine.setVariables(id, Map.of("v" + n, n))));
            }
            String pack = engine.tasks(null, null, null, id).stream().filter(t -> t.elementId().equals("Pack")).findFirst().orElseThrow().id();
            String bill = engine.tasks(null, null, null, id).stream().filter(t -> t.elementId().equals("Bill")).findFirst().orElseThrow().id();
            calls.add(pool.submit(() -> engine.completeTask(pack, Map.of())));
            calls.add(pool.submit(() -> engine.completeTask(bill, Map.of())));
            for (Future<?> f : calls) f.get();
            pool.shutdown();

            var instance = engine.instance(id);
            assertThat(instance.variables()).hasSize(40);
            assertThat(Flows.tokenElements(engine, id)).containsExactly("Ship");
            List<HistoryEvent> history = engine.history(id);
            assertThat(history).extracting(HistoryEvent::seq).doesNotHaveDuplicates().isSorted();
            assertThat(history.get(history.size() - 1).seq()).isEqualTo(history.size());
            assertThat(history).filteredOn(e -> e.type().equals("VARIABLES_CHANGED")).hasSize(40);
            assertThat(instance.state()).isEqualTo(InstanceState.ACTIVE);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void twoEnginesOnOneDatabaseNeverOverwriteEachOthersChanges(Db db) throws Exception {
        String schema = Engines.freshSchema();
        java.util.function.UnaryOperator<Baton> same = b -> db == Db.POSTGRES
                ? b.jdbc(Engines.PG_URL, "postgres", null).schema(schema) : b.dataDir(dir.resolve("shared"));
        try (BatonEngine a = Engines.open(db, dir, same); BatonEngine b = Engines.open(db, dir, same)) {
            a.deploy(Engines.files("order-approval.bpmn"));
            String id = Flows.start(a, "orderApproval", Map.of());
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int n = i;
                BatonEngine engine = i % 2 == 0 ? a : b;
                calls.add(pool.submit(() -> {
                    try {
                        engine.setVariables(id, Map.of("v" + n, n));
                    } catch (EngineException.Conflict busy) {
                        // the loser of a race may be told to try again; it does
                        engine.setVariables(id, Map.of("v" + n, n));
                    }
                }));
            }
            for (Future<?> f : calls) f.get();
            pool.shutdown();

            assertThat(b.instance(id).variables()).hasSize(30);
            assertThat(a.history(id)).extracting(HistoryEvent::seq).doesNotHaveDuplicates();
        }
    }
}
