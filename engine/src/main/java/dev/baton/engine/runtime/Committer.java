package dev.baton.engine.runtime;

import dev.baton.engine.EngineException;
import dev.baton.engine.store.Database;
import dev.baton.engine.store.StepWriter;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Group commit: commands that are ready at the same time share one transaction. Callers queue their command and
 * wait; a committer thread takes what is queued (at most a batch, never waiting for more), runs each command in a savepoint
 * of its own (one that throws is rolled back alone and its caller gets the exception), writes all their history
 * events last, commits once, and only then tells the listener (job hand-over, live stream) and answers the callers.
 * Nothing a command did leaves the engine before the commit that stored it.
 */
final class Committer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Committer.class);

    /** A command's database work: writes its steps' rows (not their history) and lists the steps in steps. */
    interface Unit {
        Object run(DSLContext dsl, List<Step> steps);
    }

    /** A queued command and, once its batch committed, its outcome. */
    private static final class Pending {
        final Unit unit;
        /** The instance it works on; null for a start, which creates one. */
        final String instanceId;
        /** The start's idempotency key: its unique index entry is the only existing lock a start waits for. */
        final String startKey;
        final CountDownLatch done = new CountDownLatch(1);
        List<Step> steps = List.of();
        Object value;
        RuntimeException error;

        Pending(Unit unit, String instanceId, String startKey) {
            this.unit = unit;
            this.instanceId = instanceId;
            this.startKey = startKey;
        }
    }

    /**
     * The order commands run in within a batch, the same in every engine so two engines' batches lock rows in the
     * same order and cannot deadlock: starts (by idempotency key), then instances by id. The sort is stable, so
     * commands for one instance keep the order they were queued in.
     */
    private static final Comparator<Pending> LOCK_ORDER = Comparator
            .comparing((Pending p) -> p.instanceId != null)
            .thenComparing(p -> p.instanceId != null ? p.instanceId : p.startKey, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Database db;
    private final StepWriter writer;
    private final Commands.Listener listener;
    private final int maxBatch;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final List<Thread> threads = new ArrayList<>();
    private boolean closed;

    /**
     * @param maxBatch commands per commit at most; 1 runs each command alone on its caller's thread
     * @param threads  committer threads: while one batch waits for a row lock (held by another engine) or commits, the
     *                 next one runs
     */
    Committer(Database db, StepWriter writer, Commands.Listener listener, int maxBatch, int threads) {
        this.db = db;
        this.writer = writer;
        this.listener = listener;
        this.maxBatch = maxBatch;
        if (maxBatch > 1) {
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(this::loop, "baton-commit-" + (i + 1));
                t.setDaemon(true);
                this.threads.add(t);
            }
            this.threads.forEach(Thread::start);
        }
    }

    boolean batched() { return !threads.isEmpty(); }

    /** Commands waiting for a commit (not counting the batch being committed). */
    int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /**
     * Runs the command and returns its value once it is committed (and the listener heard of it); rethrows what it
     * threw, in which case none of its writes were kept.
     */
    Object submit(Unit unit, String instanceId, String startKey) {
        if (threads.isEmpty() || threads.contains(Thread.currentThread())) return runAlone(unit);
        Pending p = new Pending(unit, instanceId, startKey);
        synchronized (queue) {
            if (closed) throw new EngineException("The engine is closing; the call was not run");
            queue.add(p);
            queue.notifyAll();
        }
        awaitUninterruptibly(p);
        if (p.error != null) throw p.error;
        return p.value;
    }

    private static void awaitUninterruptibly(Pending p) {
        boolean interrupted = false;
        while (true) {
            try {
                p.done.await();
                break;
            } catch (InterruptedException e) {
                // the command may be in a batch being committed: its outcome is what the caller must hear
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** One command in a transaction of its own. */
    Object runAlone(Unit unit) {
        List<Step> steps = new ArrayList<>();
        Object value = db.inTransaction(dsl -> {
            steps.clear();
            Object r = unit.run(dsl, steps);
            writer.writeHistory(dsl, steps);
            return r;
        });
        listener.committedTogether(1);
        tell(steps);
        return value;
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (true) {
            synchronized (queue) {
                while (queue.isEmpty() && !closed) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        // only close() stops this thread, after the queue is empty
                    }
                }
                if (queue.isEmpty()) return;
                // what is queued now: an idle engine commits a lone command at once
                while (!queue.isEmpty() && batch.size() < maxBatch) batch.add(queue.poll());
            }
            try {
                runBatch(batch);
            } catch (RuntimeException | Error e) {
                // never leave a caller waiting
                log.error("a commit batch failed unexpectedly", e);
                for (Pending p : batch) {
                    if (p.done.getCount() > 0) {
                        p.error = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                        p.done.countDown();
                    }
                }
            }
            batch.clear();
        }
    }

    private void runBatch(List<Pending> batch) {
        if (batch.size() == 1) {
            Pending p = batch.get(0);
            try {
                p.value = runAlone(p.unit);
            } catch (RuntimeException e) {
                p.error = e;
            }
            p.done.countDown();
            return;
        }
        List<Pending> ordered = new ArrayList<>(batch);
        ordered.sort(LOCK_ORDER);
        try {
            db.inTransaction(dsl -> {
                List<Step> all = new ArrayList<>();
                for (Pending p : ordered) {
                    List<Step> steps = new ArrayList<>();
                    try {
                        p.value = dsl.transactionResult(cfg -> p.unit.run(cfg.dsl(), steps)); // a savepoint
                        p.steps = steps;
                        all.addAll(steps);
                    } catch (RuntimeException e) {
                        p.error = e;
                        p.steps = List.of();
                    }
                }
                writer.writeHistory(dsl, all);
                return null;
            });
        } catch (RuntimeException e) {
            // the shared transaction failed as a whole (a deadlock with another engine, the database went away):
            // nothing of it was kept, so each command runs again alone and its caller hears its own outcome
            log.debug("a commit of {} commands failed ({}); running them one by one", batch.size(), e.toString());
            for (Pending p : batch) {
                p.error = null;
                p.steps = List.of();
                try {
                    p.value = runAlone(p.unit);
                } catch (RuntimeException alone) {
                    p.error = alone;
                }
                p.done.countDown();
            }
            return;
        }
        listener.committedTogether(batch.size());
        for (Pending p : batch) {
            if (p.error == null) tell(p.steps);
            p.done.countDown();
        }
    }

    private void tell(List<Step> steps) {
        for (Step s : steps) {
            try {
                listener.committed(s, s.published);
            } catch (RuntimeException e) {
                log.warn("after the commit of a step of instance {}, its listener failed", s.instance.id, e);
            }
        }
    }

    /** Runs what is queued, then stops; later calls are refused. */
    @Override
    public void close() {
        if (threads.isEmpty()) return;
        synchronized (queue) {
            closed = true;
            queue.notifyAll();
        }
        try {
            for (Thread t : threads) t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
