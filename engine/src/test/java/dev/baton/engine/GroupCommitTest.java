package dev.baton.engine;

import dev.baton.engine.Engines.Db;
import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.InstanceQuery;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.StartInstanceRequest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.baton.engine.store.jooq.Tables.USER_TASKS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit: commands queued while a commit is under way share the next transaction. A command of that batch that
 * fails is rolled back alone; a caller hears back only after the commit that stored its step.
 */
class GroupCommitTest {
    @TempDir Path dir;

    /** Holds the committer in a command of its own until released, so the commands sent meanwhile queue up together. */
    private static final class Blocker implements AutoCloseable {
        final CountDownLatch running = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CompletableFuture<Void> done;

        Blocker(BatonEngine engine, String instanceId) throws InterruptedException {
            done = CompletableFuture.runAsync(() -> engine.commands().onInstance(instanceId, (step, dsl) -> {
                running.countDown();
                awaitLatch(release);
                return null;
            }));
            assertThat(running.await(30, TimeUnit.SECONDS)).as("the blocking command runs").isTrue();
        }

        @Override
        public void close() throws Exception {
            release.countDown();
            done.get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("the test never released the latch");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String taskOf(BatonEngine engine, String instanceId) {
        return engine.tasks(null, null, null, instanceId).get(0).id();
    }

    private static void awaitQueued(BatonEngine engine, int n) {
        Engines.await(Duration.ofSeconds(30), n + " commands queued for the next commit", () -> engine.commands().queued() == n);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aCommandThatFailsInABatchIsRolledBackAloneAndTheOthersCommit(Db db) throws Exception {
        try (BatonEngine engine = Engines.open(db, dir, b -> b.commitThreads(1))) {
            engine.deploy(Engines.files("order-approval.bpmn"));
            String blocked = Flows.start(engine, "orderApproval", Map.of("amount", 10));
            String a = Flows.start(engine, "orderApproval", Map.of("amount", 10));
            String b = Flows.start(engine, "orderApproval", Map.of("amount", 10));
            String c = Flows.start(engine, "orderApproval", Map.of("amount", 10));
            String taskA = taskOf(engine, a), taskB = taskOf(engine, b), taskC = taskOf(engine, c);
            List<HistoryEvent> historyOfB = engine.history(b);
            CompletableFuture<Void> completeA, failB, completeC;
            try (Blocker blocker = new Blocker(engine, blocked)) {
                completeA = CompletableFuture.runAsync(() -> engine.completeTask(taskA, Map.of("approved", true)));
                // B's command changes rows and its instance, then refuses: all of it must be undone, and only it
                failB = CompletableFuture.runAsync(() -> engine.commands().onInstance(b, (step, dsl) -> {
                    dsl.deleteFrom(USER_TASKS).where(USER_TASKS.INSTANCE_ID.eq(b)).execute();
                    step.setVariables(null, Map.of("touched", true));
                    throw new EngineException.Conflict("refused on purpose");
                }));
                completeC = CompletableFuture.runAsync(() -> engine.completeTask(taskC, Map.of("approved", true)));
                awaitQueued(engine, 3);
                assertThat(completeA).isNotDone();
            }
            completeA.get(30, TimeUnit.SECONDS);
            completeC.get(30, TimeUnit.SECONDS);
            ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> failB.get(30, TimeUnit.SECONDS));
            assertThat(refused.getCause()).isInstanceOf(EngineException.Conflict.class).hasMessage("refused on purpose");

            assertThat(engine.meters().largestCommit()).as("the three commands shared one commit").isGreaterThanOrEqualTo(3);
            assertThat(engine.instance(a).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(engine.instance(c).state()).isEqualTo(InstanceState.COMPLETED);
            assertThat(Flows.entered(engine, a)).contains("Shipped");
            var untouched = engine.instance(b);
            assertThat(untouched.state()).isEqualTo(InstanceState.ACTIVE);
            assertThat(untouched.variables()).doesNotContainKey("touched");
            assertThat(engine.tasks(null, null, null, b)).extracting(t -> t.id()).containsExactly(taskB);
            assertThat(engine.history(b)).isEqualTo(historyOfB);
            // the stream's positions stay gapless: the failed command's events were never numbered
            List<HistoryEvent> all = engine.eventsAfter(0, null, null, 10_000);
            for (int i = 0; i < all.size(); i++) assertThat(all.get(i).id()).isEqualTo(i + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aStartIsAnsweredOnlyAfterTheCommitThatStoredIt(Db db) throws Exception {
        try (BatonEngine engine = Engines.open(db, dir, b -> b.commitThreads(1))) {
            engine.deploy(Engines.files("order-approval.bpmn"));
            String blocked = Flows.start(engine, "orderApproval", Map.of("amount", 10));
            String later = Flows.start(engine, "orderApproval", Map.of("amount", 10));
            List<HistoryEvent> streamed = new CopyOnWriteArrayList<>();
            try (AutoCloseable sub = engine.subscribe(streamed::addAll)) {
                CountDownLatch sameBatchRunning = new CountDownLatch(1);
                CountDownLatch releaseSameBatch = new CountDownLatch(1);
                CompletableFuture<BatonEngine.Started> start;
                CompletableFuture<Void> sameBatch;
                List<HistoryEvent> streamedWhenAnswered = new CopyOnWriteArrayList<>();
                try (Blocker blocker = new Blocker(engine, blocked)) {
                    start = CompletableFuture.supplyAsync(() -> {
                        var s = engine.startInstance("orderApproval", new StartInstanceRequest(Map.of("amount", 5), "late", "late-start"));
                        streamedWhenAnswered.addAll(streamed);
                        return s;
                    });
                    awaitQueued(engine, 1);
                    // a command on another instance queued after the start: in the batch it runs after it, and holds
                    // the commit back
                    sameBatch = CompletableFuture.runAsync(() -> engine.commands().onInstance(later, (step, dsl) -> {
                        sameBatchRunning.countDown();
                        awaitLatch(releaseSameBatch);
                        return null;
                    }));
                    awaitQueued(engine, 2);
                }
                assertThat(sameBatchRunning.await(30, TimeUnit.SECONDS)).isTrue();
                // the start's step is written in the open transaction, but not committed: no answer, nothing visible
                Thread.sleep(200);
                assertThat(start).isNotDone();
                assertThat(engine.instances(new InstanceQuery(null, null, null, "late", null, null, 0, 10)).total()).isZero();
                // the stream was opened after the other instances started: any start on it would be this one
                assertThat(streamed).extracting(HistoryEvent::type).doesNotContain("INSTANCE_STARTED");
                releaseSameBatch.countDown();
                sameBatch.get(30, TimeUnit.SECONDS);
                BatonEngine.Started started = start.get(30, TimeUnit.SECONDS);
                assertThat(started.created()).isTrue();
                assertThat(engine.instance(started.instance().id()).businessKey()).isEqualTo("late");
                assertThat(streamedWhenAnswered).as("the step's events were published before its caller was answered")
                        .anyMatch(e -> e.instanceId().equals(started.instance().id()) && e.type().equals("INSTANCE_STARTED"));
            }
        }
    }
}
