package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.InstanceView;
import dev.baton.model.api.StartInstanceRequest;
import dev.baton.model.api.TokenView;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** async-before.bpmn: baton:asyncBefore makes a commit point before an activity; its work then runs as a job. */
class AsyncBeforeTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Db.class)
    void anAsyncBranchWaitsCommittedForAWorkerAndThenRuns(Db db) {
        Path data = dir.resolve("h2");
        String schema = Engines.freshSchema();
        java.util.function.IntFunction<BatonEngine> open = threads -> Engines.open(db, dir, b -> {
            b.jobThreads(threads).pollInterval(Duration.ofMillis(50));
            return db == Db.POSTGRES ? b.schema(schema) : b.dataDir(data);
        });
        String id;
        // no workers: the start commits with the two async branches waiting at their activities and C done
        try (BatonEngine engine = open.apply(0)) {
            engine.deploy(Engines.files("async-before.bpmn"));
            id = engine.startInstance("asyncFanOut", new StartInstanceRequest(Map.of(), null, null)).instance().id();
            InstanceView waiting = engine.instance(id);
            assertThat(waiting.state()).isEqualTo(InstanceState.ACTIVE);
            assertThat(waiting.tokens()).extracting(TokenView::elementId).contains("BranchA", "BranchB").doesNotContain("BranchC");
            assertThat(waiting.variables()).containsEntry("c", "c").doesNotContainKeys("a", "b");
        }
        // another engine on the same database takes the committed jobs and finishes the instance
        try (BatonEngine engine = open.apply(2)) {
            Engines.await(Duration.ofSeconds(20), "instance " + id + " completed",
                    () -> engine.instance(id).state() == InstanceState.COMPLETED);
            assertThat(engine.instance(id).variables()).containsEntry("a", "a").containsEntry("b", "b").containsEntry("c", "c");
            assertThat(engine.history(id)).filteredOn(e -> e.type().equals("ELEMENT_ENTERED") && e.elementId().equals("BranchA"))
                    .as("the commit point is not a second entry").hasSize(1);
        }
    }
}
