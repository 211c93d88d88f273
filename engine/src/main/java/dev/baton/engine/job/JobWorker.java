package dev.baton.engine.job;

import dev.baton.engine.store.Database;
import dev.baton.engine.store.jooq.tables.records.JobsRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static dev.baton.engine.store.jooq.Tables.JOBS;

/**
 * Takes due jobs from the database under a lease and runs them on a small pool. A job whose worker died is
 * taken again when its lease runs out, so every job runs at least once.
 */
public final class JobWorker implements AutoCloseable, dev.baton.engine.store.StepWriter.Leases {
    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final Database db;
    private final Consumer<JobsRecord> handler;
    private final String owner;
    private final long leaseMs;
    private final long pollMs;
    private final int threads;
    private final ExecutorService pool;
    /** The last claim filled every slot, so more jobs may be due than were taken. */
    private volatile boolean moreDue;
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
    }

    @Override
    public String owner() { return owner; }

    @Override
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
                claimAndRun();
                synchronized (signal) {
                    if (!woken && running) signal.wait(pollMs);
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
        // rows locked right now are being consumed by a commit (which may hold many jobs' rows): skip them rather than
        // wait, so this statement never holds one job's lock while waiting for another's (no deadlock with a batch);
        // a lease skipped now is renewed at the next round, long before it runs out
        db.inTransaction(dsl -> {
            List<String> unlocked = dsl.select(JOBS.ID).from(JOBS).where(JOBS.ID.in(inFlight)).and(JOBS.LEASE_OWNER.eq(owner))
                    .forUpdate().skipLocked().fetch(JOBS.ID);
            // the ids as a list, not a subquery: H2 would run the subquery for every row of the table
            return unlocked.isEmpty() ? 0 : dsl.update(JOBS).set(JOBS.LEASE_UNTIL, now + leaseMs).where(JOBS.ID.in(unlocked)).execute();
        });
    }

    /** Jobs handed over or claimed but not finished, queued ones included: what this engine holds. */
    private int held() { return inFlight.size(); }

    /** How many jobs this engine takes at most: the running ones plus a short queue per thread. */
    private int capacity() { return threads * 2; }

    /**
     * Whether a job created in this engine's next transaction may be leased to this engine right away (see
     * {@link #handOver}). A soft bound: a few concurrent transactions may each see room.
     */
    @Override
    public boolean canTakeNew() { return running && held() < threads * HAND_OVER_PER_THREAD; }

    /**
     * Jobs handed over per worker thread at most; beyond that new jobs wait in the table for any engine's poll. They
     * queue in memory only as their ids and rows, and keep their leases while they wait (see renewLeases).
     */
    private static final int HAND_OVER_PER_THREAD = 32;

    /**
     * Runs jobs that a committed transaction of this engine inserted already leased to {@link #owner()}: no claim
     * statement, no poll. Should the process die first, the lease runs out and any engine takes them.
     */
    public void handOver(List<dev.baton.engine.runtime.Rows.Job> jobs) {
        long until = System.currentTimeMillis() + leaseMs;
        for (var job : jobs) submit(dev.baton.engine.store.StepWriter.leasedRecord(job, owner, until));
    }

    /**
     * Claims up to capacity due jobs with one statement: an UPDATE of the lease on the oldest due, unleased jobs
     * that returns the rows it changed (PostgreSQL: the candidates are locked with SKIP LOCKED, so engines on the
     * same database do not wait for each other; H2 re-checks the lease condition on a row another transaction
     * changed meanwhile, so a job is never leased twice).
     */
    private int claimAndRun() throws InterruptedException {
        int slots = capacity() - held();
        if (slots <= 0) {
            moreDue = true;
            return 0;
        }
        long now = System.currentTimeMillis();
        var free = JOBS.LEASE_UNTIL.isNull().or(JOBS.LEASE_UNTIL.lt(now));
        var candidates = db.dsl().select(JOBS.ID).from(JOBS)
                .where(JOBS.SUSPENDED.isFalse()).and(JOBS.DUE_AT.le(now)).and(JOBS.KIND.ne("EXTERNAL")).and(free)
                .orderBy(JOBS.DUE_AT).limit(slots);
        var select = db.dialect() == org.jooq.SQLDialect.POSTGRES ? candidates.forUpdate().skipLocked() : candidates;
        List<JobsRecord> claimed = db.dsl().update(JOBS).set(JOBS.LEASE_OWNER, owner).set(JOBS.LEASE_UNTIL, now + leaseMs)
                .where(JOBS.ID.in(select)).and(free)
                .returning().fetchInto(JobsRecord.class);
        moreDue = claimed.size() >= slots;
        for (JobsRecord job : claimed) submit(job);
        return claimed.size();
    }

    private void submit(JobsRecord job) {
        String id = job.getId();
        inFlight.add(id);
        try {
            pool.execute(() -> {
                try {
                    handler.accept(job);
                } catch (RuntimeException e) {
                    log.warn("job {} ({} at {}) failed unexpectedly; it runs again when its lease ends", job.getId(),
                            job.getKind(), job.getElementId(), e);
                } finally {
                    inFlight.remove(id);
                    // a full claim may have left due jobs behind: look again now that a slot is free
                    if (moreDue) wake();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: the job keeps its lease and runs again when it ends
            inFlight.remove(id);
        }
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
