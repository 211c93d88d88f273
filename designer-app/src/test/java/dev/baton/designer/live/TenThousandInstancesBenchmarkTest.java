package dev.baton.designer.live;

import dev.baton.model.api.DefinitionSummary;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The designer's numbers with 10,000 active instances of one definition while more start at 100 a second: the
 * JavaFX pulse interval, the time a task posted to the JavaFX thread waits, the time to fetch the badges' statistics
 * from the engine, the time to paint the monitored diagram and the event-to-screen latency. Prints them for
 * docs/monitoring.md and docs/performance.md; judges nothing (timings belong to benchmarks, not to tests). Minutes
 * of CPU, so it runs only when asked: {@code -Dbaton.bench=true -Dtest=TenThousandInstancesBenchmarkTest}.
 */
@EnabledIfSystemProperty(named = "baton.bench", matches = "true")
@ExtendWith(ApplicationExtension.class)
class TenThousandInstancesBenchmarkTest {

    @TempDir static Path data;
    private LiveDesigner live;

    @Start
    void start(Stage stage) {
        live = LiveDesigner.start(stage, data, "baton-tenk-bench-", 1400, 900);
    }

    @AfterEach
    void stop() throws Exception {
        live.close();
    }

    @Test
    void pulses_badges_and_latency_with_ten_thousand_active_instances(FxRobot robot) throws Exception {
        int n = TenThousandInstancesGuiTest.INSTANCES;
        LiveDesigner.await(TenThousandInstancesGuiTest.TIMEOUT_SECONDS, () -> live.session.ready() && live.session.client() != null, "the engine");
        EngineClient client = live.session.client();
        client.deploy("tenk.bpmn", TenThousandInstancesGuiTest.PROCESS);
        DefinitionSummary def = client.definitions().stream().filter(d -> d.processId().equals("tenk")).findFirst().orElseThrow();
        CompletableFuture<Monitor> opened = new CompletableFuture<>();
        Platform.runLater(() -> opened.complete(live.session.openMonitor(def, TenThousandInstancesGuiTest.PROCESS)));
        Monitor m = opened.get(30, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        TenThousandInstancesGuiTest.startAll(client, n);
        double startSeconds = (System.nanoTime() - t0) / 1e9;
        LiveDesigner.await(TenThousandInstancesGuiTest.TIMEOUT_SECONDS, () -> m.counts("Approve")[0] == n, n + " tokens at 'Approve'");

        // badges: the engine's statistics for the definition (what the monitor re-fetches), best and median of 10
        List<Double> stats = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long s = System.nanoTime();
            client.statistics(def.id());
            stats.add((System.nanoTime() - s) / 1e6);
        }

        // while 500 more start at 100 a second: pulse intervals, JavaFX queue waits, paint times, event-to-screen
        List<Double> pulses = Collections.synchronizedList(new ArrayList<>()), waits = Collections.synchronizedList(new ArrayList<>()),
                paints = Collections.synchronizedList(new ArrayList<>());
        AnimationTimer pulse = new AnimationTimer() {
            long last;

            @Override
            public void handle(long now) {
                if (last != 0) pulses.add((now - last) / 1e6);
                last = now;
            }
        };
        robot.interact(pulse::start);
        live.session.latency().reset();
        live.session.arrivalLatency().reset();
        stopProbe = false;
        Thread prober = new Thread(() -> {
            while (!stopProbe) {
                long s = System.nanoTime();
                CompletableFuture<Void> f = new CompletableFuture<>();
                Platform.runLater(() -> {
                    waits.add((System.nanoTime() - s) / 1e6);
                    long p = System.nanoTime();
                    m.tab().canvas().paintNow();
                    paints.add((System.nanoTime() - p) / 1e6);
                    f.complete(null);
                });
                try {
                    f.get(60, TimeUnit.SECONDS);
                    Thread.sleep(50);
                } catch (Exception e) {
                    return;
                }
            }
        });
        prober.start();
        long begin = System.nanoTime();
        List<Thread> starters = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            Thread th = new Thread(() -> {
                for (int k = 0; k < 125; k++) {
                    long due = begin + (long) ((k * 4 + offset) * 10_000_000L);
                    while (System.nanoTime() < due) Thread.onSpinWait();
                    try {
                        client.start("tenk", Map.of("n", n + k * 4 + offset), "more-" + (k * 4 + offset));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            th.start();
            starters.add(th);
        }
        for (Thread th : starters) th.join();
        double moreSeconds = (System.nanoTime() - begin) / 1e9;
        LiveDesigner.await(TenThousandInstancesGuiTest.TIMEOUT_SECONDS, () -> m.counts("Approve")[0] == n + 500, (n + 500) + " tokens at 'Approve'");
        stopProbe = true;
        prober.join();
        robot.interact(pulse::stop);

        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("BENCHMARK tenk: %d instances started over HTTP (4 threads) in %.1f s; load average %.1f on %d cores%n",
                n, startSeconds, load, Runtime.getRuntime().availableProcessors());
        System.out.printf("BENCHMARK tenk: statistics fetch (badges) with %d active: best %.0f ms, median %.0f ms%n",
                n, min(stats), pct(stats, 50));
        System.out.printf("BENCHMARK tenk: while 500 more start in %.1f s: FX pulse interval median %.1f ms, p99 %.1f ms, max %.1f ms (%d pulses)%n",
                moreSeconds, pct(pulses, 50), pct(pulses, 99), max(pulses), pulses.size());
        System.out.printf("BENCHMARK tenk: runLater wait median %.1f ms, p99 %.1f ms; diagram paint median %.1f ms, p99 %.1f ms (%d probes)%n",
                pct(waits, 50), pct(waits, 99), pct(paints, 50), pct(paints, 99), waits.size());
        System.out.printf("BENCHMARK tenk: event-to-screen %d events, p50 %d ms, p99 %d ms (arrival at the designer p50 %d ms, p99 %d ms)%n",
                live.session.latency().count(), live.session.latency().percentile(50), live.session.latency().percentile(99),
                live.session.arrivalLatency().percentile(50), live.session.arrivalLatency().percentile(99));
        assertThat(pulses).isNotEmpty();
        assertThat(live.session.latency().count()).isGreaterThanOrEqualTo(500);
    }

    private volatile boolean stopProbe;

    private static double pct(List<Double> xs, double p) {
        List<Double> s;
        synchronized (xs) {
            s = new ArrayList<>(xs);
        }
        if (s.isEmpty()) return -1;
        Collections.sort(s);
        return s.get((int) Math.min(s.size() - 1, Math.max(0, Math.ceil(p / 100 * s.size()) - 1)));
    }

    private static double min(List<Double> xs) { return xs.stream().mapToDouble(Double::doubleValue).min().orElse(-1); }

    private static double max(List<Double> xs) {
        synchronized (xs) {
            return xs.stream().mapToDouble(Double::doubleValue).max().orElse(-1);
        }
    }
}
