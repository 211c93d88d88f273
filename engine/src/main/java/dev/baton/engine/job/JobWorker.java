package dev.baton.engine.job;

import dev.baton.engine.store.Database;
import dev.baton.engine.store.jooq.tables.records.JobsRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static dev.baton.engine.store.jooq.Tables.JOBS;

/**
 * Takes due jobs from the database under a lease and runs them on a small pool. A job whose worker died is
 * taken again when its lease runs out, so every job runs at least once.
 */
public final class JobWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final Database db;
    private final Consumer<JobsRecord> handler;
    private final String owner;
    private final long leaseMs;
    private final long pollMs;
    private final int threads;
    private final ExecutorService pool;
    private final Semaphore free;
    private final Object signal = new Object();
    private volatile boolean running;
    private volatile boolean woken;
    private volatile long lastPoll;
    private volatile long lastRenewal;
    private final java.util.Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private Thread poller;

    public JobWorker(Database db, Consumer<JobsRecord> handler, String owner, int threads, long leaseMs, long pollMs) {
        this.db = db;
        this.handler = handler;
        this.owner = owner;
        this.leaseMs = leaseMs;
        this.pollMs = pollMs;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "baton-job");
            t.setDaemon(true);
            return t;
        });
        this.free = new Semaphore(threads);
    }

    public String owner() { return owner; }

    public long leaseMs() { return leaseMs; }

    public void start() {
        running = true;
        poller = new Thread(this::loop, "baton-job-poller");
        poller.setDaemon(true);
        poller.start();
    }

    /** New work may be due: look now instead of at the next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    public boolean isRunning() { return running && poller != null && poller.isAlive(); }

    /** When the poller last looked for work, epoch milliseconds. */
    public long lastPoll() { return lastPoll; }

    private void loop() {
        while (running) {
            try {
                lastPoll = System.currentTimeMillis();
                renewLeases();
                int claimed = claimAndRun();
                synchronized (signal) {
                    if (!woken && running && claimed == 0) signal.wait(pollMs);
                    woken = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("job poll failed: {}", e.getMessage());
                try {
                    Thread.sleep(pollMs);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Jobs still running keep their lease, so a slow call is not taken by a second worker. */
    private void renewLeases() {
        long now = System.currentTimeMillis();
        if (inFlight.isEmpty() || now - lastRenewal < leaseMs / 3) return;
        lastRenewal = now;
        db.dsl().update(JOBS).set(JOBS.LEASE_UNTIL, now + leaseMs).where(JOBS.ID.in(inFlight)).and(JOBS.LEASE_OWNER.eq(owner)).execute();
    }

    private int claimAndRun() throws InterruptedException {
        int slots = free.availablePermits();
        if (slots == 0) {
            if (free.tryAcquire(Math.max(10, leaseMs / 3), java.util.concurrent.TimeUnit.MILLISECONDS)) free.release();
            return 0;
        }
        long now = System.currentTimeMillis();
        List<String> due = db.dsl().select(JOBS.ID).from(JOBS)
                .where(JOBS.SUSPENDED.isFalse()).and(JOBS.DUE_AT.le(now)).and(JOBS.KIND.ne("EXTERNAL"))
                .and(JOBS.LEASE_UNTIL.isNull().or(JOBS.LEASE_UNTIL.lt(now)))
                .orderBy(JOBS.DUE_AT).limit(slots * 2).fetch(JOBS.ID);
        int claimed = 0;
        for (String id : due) {
            if (!free.tryAcquire()) break;
            int n = db.dsl().update(JOBS).set(JOBS.LEASE_OWNER, owner).set(JOBS.LEASE_UNTIL, now + leaseMs)
                    .where(JOBS.ID.eq(id)).and(JOBS.LEASE_UNTIL.isNull().or(JOBS.LEASE_UNTIL.lt(now))).execute();
            JobsRecord job = n == 1 ? db.dsl().selectFrom(JOBS).where(JOBS.ID.eq(id)).fetchOne() : null;
            if (job == null) {
                free.release();
                continue;
            }
            claimed++;
            inFlight.add(id);
            pool.execute(() -> {
                try {
                    handler.accept(job);
                } catch (RuntimeException e) {
                    log.warn("job {} ({} at {}) failed unexpectedly; it runs again when its lease ends", job.getId(),
                            job.getKind(), job.getElementId(), e);
                } finally {
                    inFlight.remove(id);
                    free.release();
                    wake();
                }
            });
        }
        return claimed;
    }

    @Override
    public void close() {
        running = false;
        wake();
        if (poller != null) poller.interrupt();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
