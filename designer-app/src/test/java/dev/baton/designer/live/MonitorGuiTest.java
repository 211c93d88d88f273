package dev.baton.designer.live;

import dev.baton.model.api.IncidentView;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.InstanceSummary;
import dev.baton.model.api.InstanceView;
import dev.baton.samples.DemoServices;
import dev.baton.samples.Samples;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.baton.designer.live.LiveDesigner.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given the designer with no remote engine configured, it starts an embedded engine, deploys the samples, starts a
 * few instances and shows them live on the diagram; an incident can be retried from the instance view.
 */
@ExtendWith(ApplicationExtension.class)
class MonitorGuiTest {

    @TempDir static Path data;
    private LiveDesigner live;

    @Start
    void start(Stage stage) {
        live = LiveDesigner.start(stage, data, "baton-monitor-test-", 1400, 900);
    }

    @AfterEach
    void stop() throws Exception {
        live.close();
    }

    @Test
    void the_first_run_shows_the_samples_instances_and_their_completed_counts_on_the_diagram(FxRobot robot) throws Exception {
        Monitor m = live.monitorOpened();
        assertThat(m.definitionId()).isEqualTo("flightBooking:1");
        assertThat(live.window.current().getText()).isEqualTo("flightBooking:1 (engine)");
        // the designer's first run started two trips; both book flight, hotel and car
        await(() -> m.counts("TripBooked")[2] == 2, "two trips counted at 'Trip booked'");
        assertThat(m.counts("ReserveCar")[2]).isEqualTo(2);
        TableView<?> table = robot.lookup("#monitor-instances").queryAs(TableView.class);
        await(() -> table.getItems().size() == 2
                && m.instances().stream().allMatch(i -> i.state() == InstanceState.COMPLETED), "two completed trips in the list");
        assertThat(robot.lookup("#engine-status").queryAs(Label.class).getText()).startsWith("Engine: connected (embedded");
    }

    @Test
    void an_instance_started_live_appears_and_its_incident_is_drawn_then_retried_from_the_instance_view(FxRobot robot) throws Exception {
        // the first run's two trips must be through before the car service fails, or they would fail too
        Monitor m = live.firstRunDone();
        InstanceView started = live.startTripWhileCarsFail(77);

        // the live stream adds it to the list and, after the car service's three failed tries, draws the incident
        await(() -> m.instances().stream().anyMatch(i -> i.id().equals(started.id())), "trip-77 in the instance list");
        await(() -> m.counts("ReserveCar")[1] == 1, "an incident badge on 'Reserve car'");

        TableView<InstanceSummary> table = robot.lookup("#monitor-instances").queryAs(TableView.class);
        int row = rowOf(table, started.id());
        robot.interact(() -> table.getSelectionModel().select(row));
        await(() -> m.selected() != null && m.selected().id().equals(started.id()) && !m.selected().incidents().isEmpty(), "the instance view");
        assertThat(m.incidentElements()).containsExactly("ReserveCar");
        assertThat(m.activeElements()).containsExactly("ReserveCar");
        assertThat(m.pathTaken()).contains("TripRequested", "ReserveFlight", "FlightOk", "ReserveHotel", "HotelOk", "ReserveCar", "f1", "f4");
        ListView<IncidentView> incidents = robot.lookup("#monitor-incidents").queryAs(ListView.class);
        await(() -> incidents.getItems().size() == 1, "the incident in the panel");
        assertThat(incidents.getItems().get(0).message()).contains("answered 500");

        live.session.demoServices().set("cars", DemoServices.Mode.OK, 0);
        // the list's cells are laid out on a later pulse than the one that set its items
        await(() -> retryButton(robot, incidents) != null, "the incident's Retry button to be laid out");
        robot.interact(() -> retryButton(robot, incidents).fire());
        await(() -> m.selected().state() == InstanceState.COMPLETED, "the retried instance to complete");
        await(() -> m.counts("ReserveCar")[1] == 0 && m.counts("TripBooked")[2] == 3, "the incident badge gone and the trip counted");
        assertThat(robot.lookup("#monitor-instance").queryAs(Label.class).getText()).contains("trip-77").endsWith("COMPLETED");
        assertThat(m.pathTaken()).contains("ReserveCar", "CarOk", "TripBooked");
        assertThat(m.activeElements()).isEmpty();
    }

    @Test
    void events_reach_the_screen_quickly_while_a_hundred_instances_a_second_start(FxRobot robot) throws Exception {
        Monitor m = live.monitorOpened();
        String url = live.session.demoServices().url();
        live.session.latency().reset();
        live.session.arrivalLatency().reset();
        // pulse intervals, printed with the latency: a busy JavaFX thread shows as long intervals
        List<Double> pulses = java.util.Collections.synchronizedList(new ArrayList<>());
        javafx.animation.AnimationTimer pulse = new javafx.animation.AnimationTimer() {
            long last;

            @Override
            public void handle(long now) {
                if (last != 0) pulses.add((now - last) / 1e6);
                last = now;
            }
        };
        robot.interact(pulse::start);
        long begin = System.nanoTime();
        List<Thread> starters = new ArrayList<>();
        // 3 seconds at 100 instances a second, over HTTP as any client would
        for (int t = 0; t < 4; t++) {
            int offset = t;
            Thread th = new Thread(() -> {
                for (int k = 0; k < 75; k++) {
                    int n = 1000 + offset * 1000 + k;
                    long due = begin + (long) ((k * 4 + offset) * 10_000_000L);
                    while (System.nanoTime() < due) Thread.onSpinWait();
                    try {
                        live.session.client().start("flightBooking", Samples.variables("flightBooking", n, url), "trip-" + n);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            th.start();
            starters.add(th);
        }
        for (Thread th : starters) th.join();
        double seconds = (System.nanoTime() - begin) / 1e9;
        await(180, () -> m.counts("TripBooked")[2] + m.counts("NotBooked")[2] >= 300, "300 trips to end");
        robot.interact(pulse::stop);
        List<Double> gaps = new ArrayList<>(pulses);
        java.util.Collections.sort(gaps);
        List<Double> frames = new ArrayList<>(m.tab().canvas().frameMillis());
        java.util.Collections.sort(frames);
        if (!gaps.isEmpty() && !frames.isEmpty()) System.out.printf("  pulse interval median %.0f ms, p99 %.0f ms, max %.0f ms (%d); diagram paint median %.1f ms, p99 %.1f ms%n",
                gaps.get(gaps.size() / 2), gaps.get((int) (gaps.size() * 0.99)), gaps.get(gaps.size() - 1), gaps.size(),
                frames.get(frames.size() / 2), frames.get((int) (frames.size() * 0.99)));
        long p50 = live.session.latency().percentile(50), p99 = live.session.latency().percentile(99);
        System.out.printf("event-to-screen latency: %d events, p50 %d ms, p99 %d ms (300 instances started in %.1f s)%n",
                live.session.latency().count(), p50, p99, seconds);
        System.out.printf("  of which event time to arrival at the designer: p50 %d ms, p99 %d ms; load average %.1f%n",
                live.session.arrivalLatency().percentile(50), live.session.arrivalLatency().percentile(99),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(live.session.latency().count()).isGreaterThan(300);
        assertThat(p50).isBetween(0L, 1000L);
    }

    private static javafx.scene.control.Button retryButton(FxRobot robot, ListView<IncidentView> incidents) {
        return robot.from(incidents).lookup(".incident-retry")
                .match(n -> n.getScene() != null && n.isVisible()).tryQuery()
                .map(javafx.scene.control.Button.class::cast).orElse(null);
    }

    private static int rowOf(TableView<InstanceSummary> table, String id) {
        for (int i = 0; i < table.getItems().size(); i++) if (table.getItems().get(i).id().equals(id)) return i;
        throw new AssertionError("instance " + id + " is not in the list");
    }
}
