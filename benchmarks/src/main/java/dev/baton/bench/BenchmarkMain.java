package dev.baton.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Runs every engine on every scenario, each pair in a fresh JVM with a fresh H2 directory, one after another, and
 * writes target/benchmark-results.json and target/benchmark-results.md. The loopback stub service for S2 runs here,
 * so its CPU is not charged to any engine. Exits non-zero when any engine failed to complete all its instances.
 */
public final class BenchmarkMain {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> PEERS = List.of("camunda", "flowable");

    /** Instances per repetition and warm-up, by scenario; quick mode is a smoke test of a few minutes. */
    record Sizes(int n, int warmup) {}

    public static void main(String[] args) throws Exception {
        boolean quick = Boolean.getBoolean("bench.quick");
        List<String> engines = Arrays.stream(System.getProperty("bench.engines", "baton,camunda,flowable").split(",")).map(String::trim).toList();
        List<Scenario> scenarios = Arrays.stream(System.getProperty("bench.scenarios", "S1,S2,S3,S4,S2-REST").split(",")).map(Scenario::of).toList();
        int reps = Integer.getInteger("bench.reps", 3);
        int s4 = Integer.getInteger("bench.s4.n", 50_000);
        boolean jfr = Boolean.parseBoolean(System.getProperty("bench.jfr", "true"));
        // also record Baton's other scenarios (baton-S1.jfr, ...), for a look by hand; only S2's goes into the report
        boolean jfrAll = Boolean.getBoolean("bench.jfr.all");
        Path out = Path.of(System.getProperty("bench.out", "target"));
        Path logs = Files.createDirectories(out.resolve("bench-logs"));

        Map<Scenario, Sizes> sizes = new LinkedHashMap<>();
        sizes.put(Scenario.S1, quick ? new Sizes(500, 200) : new Sizes(10_000, 2000));
        sizes.put(Scenario.S2, quick ? new Sizes(200, 50) : new Sizes(3000, 500));
        sizes.put(Scenario.S3, quick ? new Sizes(40, 10) : new Sizes(500, 100));
        sizes.put(Scenario.S4, quick ? new Sizes(Math.min(s4, 1000), 50) : new Sizes(s4, 500));
        sizes.put(Scenario.S2_REST, sizes.get(Scenario.S2));

        ObjectNode report = JSON.createObjectNode();
        report.put("startedAt", Instant.now().toString());
        report.put("mode", quick ? "quick" : "full");
        report.set("machine", machine());
        report.put("command", "mvn -Pbenchmarks -pl benchmarks -am verify" + (quick ? " -Dbench.quick=true" : ""));
        ArrayNode runs = report.putArray("runs");
        ArrayNode failures = report.putArray("failures");

        AtomicLong stubCalls = new AtomicLong();
        HttpServer stub = stub(stubCalls);
        String stubUrl = "http://127.0.0.1:" + stub.getAddress().getPort();
        Path jfrFile = null;
        Instant profileFrom = Instant.EPOCH;
        try {
            for (Scenario scenario : scenarios) {
                for (String engine : engines) {
                    String name = engine;
                    if (scenario == Scenario.S2_REST) {
                        if (!engine.equals("baton")) continue;
                        name = "baton-rest";
                    }
                    Sizes size = sizes.get(scenario);
                    Path profile = jfr && name.equals("baton") && (scenario == Scenario.S2 || jfrAll)
                            ? out.resolve("baton-" + scenario.label() + ".jfr") : null;
                    long callsBefore = stubCalls.get();
                    System.out.printf(Locale.ROOT, "%s %-10s %-8s n=%d warm-up=%d reps=%d ...%n", Instant.now(), name, scenario.label(),
                            size.n, size.warmup, reps);
                    Child child = runChild(name, scenario, size, reps, stubUrl, logs, profile);
                    for (JsonNode r : child.results) runs.add(r);
                    String problem = child.problem();
                    if (problem == null && scenario.processId().equals("s2")) {
                        long calls = stubCalls.get() - callsBefore, expected = 3L * child.done.path("expected").asLong();
                        if (calls < expected) problem = "the stub service saw " + calls + " calls, expected " + expected;
                    }
                    if (problem != null) {
                        ObjectNode f = failures.addObject();
                        f.put("engine", name).put("scenario", scenario.label()).put("problem", problem).put("log", child.log.toString());
                        System.out.println("  FAILED: " + problem + " (log " + child.log + ")");
                    } else {
                        System.out.printf(Locale.ROOT, "  ok: %s%n", summaryLine(child.results));
                    }
                    if (profile != null && scenario == Scenario.S2 && Files.exists(profile)) {
                        jfrFile = profile;
                        profileFrom = child.measuredFrom;
                    }
                }
            }
        } finally {
            stub.stop(0);
            ((ExecutorService) stub.getExecutor()).shutdownNow();
        }

        ArrayNode summary = report.putArray("summary");
        Map<String, Map<String, ObjectNode>> byScenario = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            for (String engine : List.of("baton", "baton-rest", "camunda", "flowable")) {
                List<JsonNode> mine = new ArrayList<>();
                runs.forEach(r -> { if (r.path("engine").asText().equals(engine) && r.path("scenario").asText().equals(scenario.label())) mine.add(r); });
                if (mine.isEmpty()) continue;
                ObjectNode s = summarize(engine, scenario, mine);
                summary.add(s);
                byScenario.computeIfAbsent(scenario.label(), k -> new LinkedHashMap<>()).put(engine, s);
            }
        }
        ArrayNode ratios = report.putArray("ratios");
        for (Scenario scenario : scenarios) {
            Map<String, ObjectNode> row = byScenario.get(scenario.label());
            Map<String, ObjectNode> peers = byScenario.get(scenario == Scenario.S2_REST ? "S2" : scenario.label());
            if (row == null || peers == null) continue;
            ObjectNode baton = row.get(scenario == Scenario.S2_REST ? "baton-rest" : "baton");
            if (baton == null) continue;
            ObjectNode ratio = ratios.addObject().put("scenario", scenario.label());
            for (String metric : List.of("perSecond", "perCpuSecond", "startsPerSecond")) {
                double best = PEERS.stream().map(peers::get).filter(p -> p != null && p.has(metric))
                        .mapToDouble(p -> p.path(metric).path("median").asDouble()).max().orElse(Double.NaN);
                if (!Double.isNaN(best) && baton.has(metric)) ratio.put(metric, baton.path(metric).path("median").asDouble() / best);
            }
        }
        if (jfrFile != null) report.set("batonS2Profile", Profile.summarize(jfrFile, 15, profileFrom));
        if (Boolean.parseBoolean(System.getProperty("bench.designer", "true"))) {
            System.out.println(Instant.now() + " designer: read and lay out a 2,000-element file ...");
            try {
                report.set("designer", DesignerNumbers.measure(2000, quick ? 3 : 7));
            } catch (Exception | StackOverflowError e) {
                failures.addObject().put("engine", "designer").put("scenario", "open+layout").put("problem", String.valueOf(e));
            }
        }

        Files.writeString(out.resolve("benchmark-results.json"), JSON.writeValueAsString(report));
        String table = Table.markdown(report);
        Files.writeString(out.resolve("benchmark-results.md"), table);
        System.out.println();
        System.out.println(table);
        System.out.println("Results: " + out.resolve("benchmark-results.json") + " and " + out.resolve("benchmark-results.md"));
        if (!failures.isEmpty()) {
            System.err.println(failures.size() + " engine run(s) FAILED: " + failures);
            System.exit(1);
        }
    }

    private static String summaryLine(List<JsonNode> results) {
        StringBuilder b = new StringBuilder();
        for (JsonNode r : results) {
            b.append(String.format(Locale.ROOT, "[%.0f/s p99 %.0f ms] ", r.path("perSecond").asDouble(), r.path("p99Ms").asDouble()));
        }
        return b.toString();
    }

    static final List<String> METRICS = List.of("perSecond", "perCpuSecond", "p50Ms", "p99Ms", "peakHeapMb", "startsPerSecond",
            "heapAfterGcWaitingMb", "dbBytesPerWaiting", "liveBytesPerWaiting");

    /** Median, min and max over the repetitions of every metric. */
    private static ObjectNode summarize(String engine, Scenario scenario, List<JsonNode> reps) {
        ObjectNode s = JSON.createObjectNode().put("engine", engine).put("scenario", scenario.label()).put("reps", reps.size())
                .put("instances", reps.get(0).path("instances").asInt());
        for (String m : METRICS) {
            double[] v = reps.stream().filter(r -> r.has(m)).mapToDouble(r -> r.path(m).asDouble()).sorted().toArray();
            if (v.length == 0) continue;
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            s.putObject(m).put("median", median).put("min", v[0]).put("max", v[v.length - 1]);
        }
        return s;
    }

    private static ObjectNode machine() {
        ObjectNode m = JSON.createObjectNode();
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        m.put("memoryGb", Math.round(os.getTotalMemorySize() / 1e9 * 10) / 10.0);
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("loadAverageAtStart", os.getSystemLoadAverage());
        return m;
    }

    /** A service that accepts any POST and answers {"ok":true}: the cheapest possible remote step. */
    private static HttpServer stub(AtomicLong calls) throws IOException {
        // without TCP_NODELAY the JDK server's answer (headers, then body) waits for the client's delayed ACK: about
        // 40 ms per call on Linux, which made every engine's S2 wait on the stub rather than on its own work
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                calls.incrementAndGet();
                byte[] body = ("{\"ok\":true,\"id\":" + calls.get() + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return server;
    }

    static final class Child {
        final List<JsonNode> results = new ArrayList<>();
        JsonNode done = JSON.createObjectNode();
        Instant measuredFrom = Instant.EPOCH;
        int exit;
        Path log;

        String problem() {
            if (exit != 0) return "exit code " + exit + (done.isEmpty() ? "" : ", history counts " + done);
            if (done.isEmpty()) return "no final counts were reported";
            if (done.path("completed").asLong() != done.path("expected").asLong()) return "history counts " + done;
            return null;
        }
    }

    private static Child runChild(String engine, Scenario scenario, Sizes size, int reps, String stubUrl, Path logs, Path jfr)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("baton-bench-" + engine + "-");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("bench.xmx", "2g"), "-XX:+UseG1GC"));
        if (jfr != null) {
            Files.deleteIfExists(jfr);
            cmd.add("-XX:StartFlightRecording=filename=" + jfr.toAbsolutePath() + ",settings=profile");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Dbench.engine=" + engine, "-Dbench.scenario=" + scenario.label(), "-Dbench.dir=" + dir,
                "-Dbench.n=" + size.n, "-Dbench.warmup=" + size.warmup, "-Dbench.reps=" + reps, "-Dbench.stub=" + stubUrl));
        for (String p : List.of("bench.threads", "bench.inflight", "bench.stallSeconds")) {
            if (System.getProperty(p) != null) cmd.add("-D" + p + "=" + System.getProperty(p));
        }
        cmd.add(EngineRun.class.getName());
        Child child = new Child();
        child.log = logs.resolve(engine + "-" + scenario.label() + ".log");
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(child.log))) {
            String line;
            while ((line = in.readLine()) != null) {
                log.println(line);
                if (line.startsWith(EngineRun.RESULT)) child.results.add(JSON.readTree(line.substring(EngineRun.RESULT.length())));
                else if (line.startsWith(EngineRun.DONE)) child.done = JSON.readTree(line.substring(EngineRun.DONE.length()));
                else if (line.startsWith(EngineRun.MEASURED_FROM)) {
                    child.measuredFrom = Instant.ofEpochMilli(Long.parseLong(line.substring(EngineRun.MEASURED_FROM.length()).trim()));
                }
            }
        }
        if (!process.waitFor(6, TimeUnit.HOURS)) process.destroyForcibly();
        child.exit = process.exitValue();
        deleteTree(dir);
        return child;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
