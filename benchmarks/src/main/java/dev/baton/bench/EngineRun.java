package dev.baton.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One engine, one scenario, in a JVM of its own (started by {@link BenchmarkMain}): a warm-up, then the measured
 * repetitions. Prints one {@code RESULT <json>} line per repetition and a {@code DONE <json>} line with the counts
 * taken from the engine's own history; exits non-zero when any instance did not complete.
 */
public final class EngineRun {
    static final String RESULT = "RESULT ";
    static final String DONE = "DONE ";
    /** When the warm-up ended (epoch ms): the profile of the run counts only what came after. */
    static final String MEASURED_FROM = "MEASURED_FROM ";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longest time without a single instance finishing before the run is declared stuck. */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("bench.stallSeconds", 120));

    private final BenchEngine engine;
    private final Scenario scenario;
    private final String serviceUrl;
    private final int threads = Integer.getInteger("bench.threads", 4);
    private final int inFlight = Integer.getInteger("bench.inflight", 200);

    private EngineRun(BenchEngine engine, Scenario scenario, String serviceUrl) {
        this.engine = engine;
        this.scenario = scenario;
        this.serviceUrl = serviceUrl;
    }

    public static void main(String[] args) throws Exception {
        String engineName = System.getProperty("bench.engine");
        Scenario scenario = Scenario.of(System.getProperty("bench.scenario"));
        Path dir = Path.of(System.getProperty("bench.dir"));
        int n = Integer.getInteger("bench.n"), warmup = Integer.getInteger("bench.warmup"), reps = Integer.getInteger("bench.reps");
        Files.createDirectories(dir);
        BenchEngine engine = switch (engineName) {
            case "baton" -> new BatonBench(dir, false);
            case "baton-rest" -> new BatonBench(dir, true);
            case "camunda" -> new CamundaBench(dir);
            case "flowable" -> new FlowableBench(dir);
            default -> throw new IllegalArgumentException("Unknown engine " + engineName + " (baton, baton-rest, camunda, flowable)");
        };
        int exit = 0;
        try {
            engine.deploy(scenario);
            EngineRun run = new EngineRun(engine, scenario, System.getProperty("bench.stub"));
            exit = run.all(dir, n, warmup, reps);
        } catch (Throwable t) {
            System.err.println("FAILED " + engineName + " " + scenario.label() + ": " + t);
            t.printStackTrace();
            exit = 2;
        } finally {
            try {
                engine.close();
            } catch (RuntimeException e) {
                System.err.println("closing " + engineName + ": " + e);
            }
        }
        System.out.flush();
        System.exit(exit);
    }

    private int all(Path dir, int n, int warmup, int reps) throws Exception {
        long expected = 0;
        if (scenario == Scenario.S4) {
            waiting(dir, warmup, "w-", false);
            expected += warmup;
            System.out.println(MEASURED_FROM + System.currentTimeMillis());
            for (int r = 1; r <= reps; r++) {
                Map<String, Object> result = waiting(dir, n, "r" + r + "-", r == 1);
                emit(r, n, result);
                expected += n;
            }
        } else {
            through(warmup, "w-");
            expected += warmup;
            System.out.println(MEASURED_FROM + System.currentTimeMillis());
            for (int r = 1; r <= reps; r++) {
                Measured m = through(n, "r" + r + "-");
                emit(r, n, m.toMap(n));
                expected += n;
            }
        }
        long completed = engine.completed(scenario.processId());
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("expected", expected);
        done.put("completed", completed);
        if (scenario.processId().equals("s2")) {
            done.put("atEnd", engine.passedThrough("s2", "End"));
            done.put("atRejected", engine.passedThrough("s2", "Rejected"));
        }
        System.out.println(DONE + JSON.writeValueAsString(done));
        boolean ok = completed == expected && (!done.containsKey("atEnd") || ((Long) done.get("atEnd")) == expected);
        if (!ok) System.err.println("INCOMPLETE " + engine.name() + " " + scenario.label() + ": " + done);
        return ok ? 0 : 3;
    }

    private void emit(int rep, int n, Map<String, Object> values) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engine", engine.name());
        out.put("scenario", scenario.label());
        out.put("rep", rep);
        out.put("instances", n);
        out.putAll(values);
        System.out.println(RESULT + JSON.writeValueAsString(out));
    }

    private Map<String, Object> variables(String businessKey) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("orderId", businessKey);
        v.put("amount", 42);
        if (scenario.processId().equals("s2")) v.put("serviceUrl", serviceUrl);
        return v;
    }

    /** S1 to S3: start n instances and wait until every one has ended. */
    private Measured through(int n, String prefix) throws Exception {
        return drive(n, prefix, bk -> engine.start(scenario, bk, variables(bk)), true);
    }

    /** S4: start n instances that wait, measure what waiting costs, then correlate all of them. */
    private Map<String, Object> waiting(Path dir, int n, String prefix, boolean measureDatabase) throws Exception {
        long before = measureDatabase ? databaseBytes(dir) : 0;
        long liveBefore = measureDatabase ? liveBytes(dir) : 0;
        Map<String, String> ids = new ConcurrentHashMap<>();
        Measured starts = drive(n, prefix, bk -> {
            String id = engine.start(scenario, bk, variables(bk));
            ids.put(bk, id);
            return id;
        }, false);
        if (Ends.COUNT.get() != 0) throw new IllegalStateException(Ends.COUNT.get() + " instances ended without their message");
        long heapWaiting = heapAfterGc();
        long after = measureDatabase ? databaseBytes(dir) : 0;
        long liveAfter = measureDatabase ? liveBytes(dir) : 0;
        Measured correlations = drive(n, prefix, bk -> {
            engine.correlate(Processes.MESSAGE, bk);
            return ids.get(bk);
        }, true);
        Map<String, Object> out = correlations.toMap(n);
        out.put("startsPerSecond", n / starts.seconds);
        out.put("heapAfterGcWaitingMb", heapWaiting / 1048576.0);
        if (measureDatabase) {
            out.put("dbBytesPerWaiting", (after - before) / (double) n);
            out.put("liveBytesPerWaiting", (liveAfter - liveBefore) / (double) n);
        }
        return out;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200); // lets concurrent collectors and reference processing finish between collections
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The live data in the database: its files copied after a CHECKPOINT (nothing writes while the instances wait),
     * the copy compacted with SHUTDOWN COMPACT, then measured. H2's file grows by whole chunks per commit and keeps
     * old chunks for a while, so the file's growth is mostly space it will reuse; this is what the rows and indexes
     * take.
     */
    private long liveBytes(Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection(engine.jdbcUrl(), engine.jdbcUser(), ""); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
        Path copy = Files.createTempDirectory("bench-live");
        try {
            List<Path> databases;
            try (Stream<Path> files = Files.walk(dir)) {
                databases = files.filter(p -> p.getFileName().toString().endsWith(".mv.db")).toList();
            }
            long total = 0;
            for (Path db : databases) {
                String name = db.getFileName().toString();
                name = name.substring(0, name.length() - ".mv.db".length());
                Path target = copy.resolve(name + ".mv.db");
                Files.copy(db, target);
                String url = "jdbc:h2:file:" + copy.resolve(name).toAbsolutePath().toString().replace('\\', '/');
                try (Connection c = DriverManager.getConnection(url, engine.jdbcUser(), ""); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN COMPACT");
                }
                total += Files.size(target);
            }
            return total;
        } finally {
            try (Stream<Path> files = Files.walk(copy)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** The database's files after a CHECKPOINT, so that everything committed is in them. */
    private long databaseBytes(Path dir) throws SQLException {
        try (Connection c = DriverManager.getConnection(engine.jdbcUrl(), engine.jdbcUser(), ""); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Measured(double seconds, double cpuSeconds, long[] latencyNanos, long peakHeap) {
        Map<String, Object> toMap(int n) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seconds", seconds);
            m.put("perSecond", n / seconds);
            m.put("cpuSeconds", cpuSeconds);
            m.put("perCpuSecond", n / cpuSeconds);
            m.put("p50Ms", percentile(latencyNanos, 0.50) / 1e6);
            m.put("p99Ms", percentile(latencyNanos, 0.99) / 1e6);
            m.put("peakHeapMb", peakHeap / 1048576.0);
            return m;
        }

        static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) return Double.NaN;
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }
    }

    private static Thread startThread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.start();
        return t;
    }

    /**
     * Calls the engine n times from a few client threads. With awaitEnds, each call's latency runs until its instance
     * ended (a committed end), and at most inFlight instances run at once; the time runs until the last one ended.
     */
    private Measured drive(int n, String prefix, Function<String, String> call, boolean awaitEnds) throws Exception {
        Ends.reset(awaitEnds ? inFlight : Integer.MAX_VALUE);
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Long> started = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            clients.add(startThread("bench-client-" + t, () -> {
                int i;
                while (failure.get() == null && (i = next.getAndIncrement()) < n) {
                    try {
                        if (awaitEnds) Ends.inFlight.acquire();
                        long s = System.nanoTime();
                        String id = call.apply(prefix + i);
                        long after = System.nanoTime();
                        started.put(id, awaitEnds ? s : s - after); // without ends: the negative call time, made positive below
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Thread c : clients) c.join();
        if (failure.get() != null) throw new IllegalStateException("A call to " + engine.name() + " failed", failure.get());
        if (started.size() != n) throw new IllegalStateException(engine.name() + " answered " + started.size() + " distinct instance ids for " + n + " calls");
        long end;
        long[] latencies = new long[n];
        if (awaitEnds) {
            long seen = -1, lastProgress = System.nanoTime();
            while (Ends.COUNT.get() < n) {
                long c = Ends.COUNT.get();
                if (c != seen) {
                    seen = c;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
                    throw new IllegalStateException(engine.name() + " " + scenario.label() + ": only " + c + " of " + n
                            + " instances ended, none for " + TimeUnit.NANOSECONDS.toSeconds(STALL_NANOS) + " s");
                }
                Thread.sleep(5);
            }
            end = 0;
            int k = 0;
            for (Map.Entry<String, Long> e : started.entrySet()) {
                Long at = Ends.AT.get(e.getKey());
                if (at == null) throw new IllegalStateException(engine.name() + ": instance " + e.getKey() + " never ended");
                latencies[k++] = at - e.getValue();
                end = Math.max(end, at);
            }
        } else {
            end = System.nanoTime();
            int k = 0;
            for (long v : started.values()) latencies[k++] = -v;
        }
        long cpu1 = os.getProcessCpuTime();
        Arrays.sort(latencies);
        long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measured((end - t0) / 1e9, (cpu1 - cpu0) / 1e9, latencies, peak);
    }
}
