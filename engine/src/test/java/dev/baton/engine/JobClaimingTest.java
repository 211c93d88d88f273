package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.InstanceQuery;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.StartInstanceRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How jobs reach the workers: claimed in batches by one statement per poll, or handed over by the transaction of this
 * engine that created them. Either way each job runs once while its lease holds.
 */
class JobClaimingTest {
    @TempDir Path dir;

    private static long completed(BatonEngine engine) {
        return engine.instances(new InstanceQuery("httpOrder", null, InstanceState.COMPLETED, null, null, null, 0, 1)).total();
    }

    private static List<TestService.Request> calls(TestService service, String path) {
        return service.requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private static TestService okService() throws Exception {
        return new TestService().answer(r -> r.path().startsWith("/reserve")
                ? TestService.Answer.json(200, "{\"reservation\":{\"id\":\"R-" + r.path().substring(r.path().lastIndexOf('/') + 1) + "\"}}")
                : TestService.Answer.json(200, "{\"charged\":true}"));
    }

    /** The poll interval is an hour and the lease a minute: only the hand-over can run these jobs in time. */
    @ParameterizedTest
    @EnumSource(Db.class)
    void jobsCreatedByThisEngineRunWithoutAPoll(Db db) throws Exception {
        int n = 30;
        try (TestService service = okService();
             BatonEngine engine = Engines.open(db, dir, b -> b.pollInterval(Duration.ofHours(1)).jobLease(Duration.ofMinutes(1)))) {
            engine.deploy(Engines.files("http-order.bpmn"));
            // the first poll ran at start; let it finish so that none is due while the instances start
            Thread.sleep(200);
            for (int i = 0; i < n; i++) {
                engine.startInstance("httpOrder", new StartInstanceRequest(Map.of("serviceUrl", service.url(), "orderId", "o" + i), null, null));
            }
            Engines.await(Duration.ofSeconds(20), n + " instances completed", () -> completed(engine) == n);
            for (int i = 0; i < n; i++) {
                assertThat(calls(service, "/reserve/o" + i)).as("calls for o" + i).hasSize(1);
                assertThat(calls(service, "/charge/R-o" + i)).as("charges for o" + i).hasSize(1);
            }
        }
    }

    /**
     * One engine without workers creates the jobs; three engines with workers on the same database claim them in
     * batches at the same time. Leases last a minute, so a job leased twice would call the service twice.
     */
    @ParameterizedTest
    @EnumSource(Db.class)
    void enginesClaimingBatchesFromOneDatabaseRunEachJobOnce(Db db) throws Exception {
        int n = 60;
        String schema = Engines.freshSchema();
        Path data = dir.resolve("shared-" + UUID.randomUUID().toString().substring(0, 8));
        if (db == Db.POSTGRES) {
            Assumptions.assumeTrue(Engines.postgresAnswers(), "PostgreSQL does not answer at " + Engines.PG_URL);
        }
        java.util.function.IntFunction<BatonEngine> open = threads -> {
            Baton b = Baton.builder().pollInterval(Duration.ofMillis(20)).jobLease(Duration.ofMinutes(1)).jobThreads(threads);
            if (db == Db.POSTGRES) b.jdbc(Engines.PG_URL, "postgres", null).schema(schema);
            else b.dataDir(data);
            return b.build();
        };
        try (TestService service = okService(); BatonEngine starter = open.apply(0)) {
            starter.deploy(Engines.files("http-order.bpmn"));
            for (int i = 0; i < n; i++) {
                starter.startInstance("httpOrder", new StartInstanceRequest(Map.of("serviceUrl", service.url(), "orderId", "o" + i), null, null));
            }
            List<BatonEngine> workers = new ArrayList<>();
            try {
                for (int k = 0; k < 3; k++) workers.add(open.apply(2));
                Engines.await(Duration.ofSeconds(60), n + " instances completed", () -> completed(starter) == n);
            } finally {
                for (BatonEngine w : workers) w.close();
            }
            for (int i = 0; i < n; i++) {
                assertThat(calls(service, "/reserve/o" + i)).as("calls for o" + i).hasSize(1);
                assertThat(calls(service, "/charge/R-o" + i)).as("charges for o" + i).hasSize(1);
            }
        }
    }
}
