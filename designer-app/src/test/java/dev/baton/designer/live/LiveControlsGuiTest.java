package dev.baton.designer.live;

import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.InstanceSummary;
import dev.baton.model.api.InstanceView;
import dev.baton.model.api.StartInstanceRequest;
import dev.baton.samples.DemoServices;
import dev.baton.samples.Samples;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.baton.designer.live.LiveDesigner.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor's controls against a real embedded engine over HTTP: moving a token, editing variables, the heatmap,
 * replay, opening a called instance and coming back, list filters and paging, and catching up after the event
 * stream was cut.
 */
@ExtendWith(ApplicationExtension.class)
class LiveControlsGuiTest {

    @TempDir static Path data;
    private LiveDesigner live;

    @Start
    void start(Stage stage) {
        System.setProperty("baton.monitor.pageSize", "4");
        live = LiveDesigner.start(stage, data, "baton-live-controls-test-", 1400, 900);
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("baton.monitor.pageSize");
        live.close();
    }

    @Test
    void a_token_stuck_at_an_incident_is_moved_to_another_element_from_the_instance_view(FxRobot robot) throws Exception {
        Monitor m = live.firstRunDone();
        InstanceView started = tripAtIncident(robot, m, 41);
        await(() -> m.activeElements().equals(java.util.Set.of("ReserveCar")) && !m.selected().incidents().isEmpty(), "the instance view");

        ComboBox<String> from = robot.lookup("#monitor-move-from").queryAs(ComboBox.class);
        ComboBox<String> to = robot.lookup("#monitor-move-to").queryAs(ComboBox.class);
        assertThat(from.getItems()).containsExactly("ReserveCar");
        assertThat(to.getItems()).contains("TripBooked", "ReserveHotel", "CarOk").doesNotContain("f1");
        Button move = robot.lookup("#monitor-move").queryAs(Button.class);
        Button confirm = robot.lookup("#monitor-move-confirm").queryAs(Button.class);
        assertThat(move.isDisabled()).isTrue();
        robot.interact(() -> {
            from.setValue("ReserveCar");
            to.setValue("TripBooked");
        });
        assertThat(move.isDisabled()).isFalse();
        assertThat(confirm.getParent().isVisible()).isFalse();
        robot.interact(move::fire);
        // nothing happens before the confirmation
        assertThat(confirm.getParent().isVisible()).isTrue();
        assertThat(live.session.client().instance(started.id()).state()).isEqualTo(InstanceState.ACTIVE);
        robot.interact(confirm::fire);

        await(() -> m.selected().state() == InstanceState.COMPLETED, "the moved instance to complete at 'Trip booked'");
        List<String> types = m.history().stream().map(e -> e.type() + " " + e.elementId()).toList();
        assertThat(types).containsSubsequence("INSTANCE_MODIFIED null", "INCIDENT_RESOLVED ReserveCar", "ELEMENT_CANCELED ReserveCar",
                "ELEMENT_ENTERED TripBooked");
        await(() -> m.counts("ReserveCar")[1] == 0, "the incident badge gone");
        assertThat(m.pathTaken()).contains("TripBooked").doesNotContain("CarOk");
        assertThat(confirm.getParent().isVisible()).isFalse();
    }

    @Test
    void variables_are_edited_as_json_checked_before_sending_and_the_change_is_in_the_history(FxRobot robot) throws Exception {
        Monitor m = live.firstRunDone();
        InstanceView started = tripAtIncident(robot, m, 42);
        await(() -> m.selected().variables().containsKey("tripId"), "the instance's variables");
        TextArea vars = robot.lookup("#monitor-variables").queryAs(TextArea.class);
        Button save = robot.lookup("#monitor-save-variables").queryAs(Button.class);
        Label error = robot.lookup("#monitor-variables-error").queryAs(Label.class);
        assertThat(vars.isEditable()).isTrue();
        assertThat(save.isDisabled()).isTrue(); // nothing changed yet

        robot.interact(() -> vars.setText("{\"tripId\": \"trip-42\", "));
        assertThat(error.getText()).startsWith("Not JSON at line 1");
        assertThat(save.isDisabled()).isTrue();
        robot.interact(() -> vars.setText("[1, 2]"));
        assertThat(error.getText()).contains("must be a JSON object");
        robot.interact(() -> vars.setText("{\"tripId\": \"trip-42\"}"));
        assertThat(error.getText()).contains("cannot be removed").contains("servicesUrl");
        assertThat(save.isDisabled()).isTrue();

        Map<String, Object> now = new java.util.LinkedHashMap<>(m.selected().variables());
        now.put("traveller", Map.of("name", "Ada", "seats", 2));
        String edited = EngineClient.JSON.writeValueAsString(now);
        robot.interact(() -> vars.setText(edited));
        assertThat(error.getText()).isEmpty();
        assertThat(save.isDisabled()).isFalse();
        robot.interact(save::fire);

        await(() -> m.selected().variables().get("traveller") instanceof Map<?, ?> t && "Ada".equals(t.get("name")), "the new variable");
        Map<String, Object> inEngine = live.session.client().instance(started.id()).variables();
        assertThat(inEngine).containsEntry("tripId", "trip-42").containsKey("traveller");
        await(() -> m.history().stream().anyMatch(e -> e.type().equals("VARIABLES_CHANGED")
                && ((Map<?, ?>) e.payload().get("variables")).keySet().equals(java.util.Set.of("traveller"))), "the change in the history");
        await(() -> vars.getText().contains("\"seats\" : 2") && save.isDisabled(), "the engine's variables shown again");
    }

    @Test
    void the_heatmap_colours_elements_by_frequency_or_time_spent_and_replay_scrubs_through_an_instance(FxRobot robot) throws Exception {
        Monitor m = live.firstRunDone();
        DemoServices services = live.session.demoServices();
        services.defaultDelay(60);
        services.set("cars", DemoServices.Mode.OK, 400);
        // trips whose number is a multiple of 4 get no car: their flight and hotel are compensated
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            ids.add(live.session.client().start("flightBooking", Samples.variables("flightBooking", n, services.url()), "trip-" + n).id());
        }
        await(() -> m.counts("TripBooked")[2] == 8 && m.counts("TripFailed")[2] == 2, "the ten trips to end");
        await(() -> m.averageDuration("ReserveCar") != null && m.averageDuration("ReserveCar") >= 300, "the durations");
        assertThat(m.averageDuration("ReserveCar")).isGreaterThan(m.averageDuration("ReserveFlight"));

        ChoiceBox<String> heat = robot.lookup("#monitor-heat").queryAs(ChoiceBox.class);
        robot.interact(() -> heat.setValue("Heatmap: frequency"));
        assertThat(m.heat()).isEqualTo(Monitor.Heat.FREQUENCY);
        assertThat(m.counts("ReserveFlight")[2]).isEqualTo(10);
        WaitForAsyncUtils.waitForFxEvents();
        Path frequency = live.shot(robot, "monitor-heatmap-frequency");
        robot.interact(() -> heat.setValue("Heatmap: time spent"));
        assertThat(m.heat()).isEqualTo(Monitor.Heat.DURATION);
        WaitForAsyncUtils.waitForFxEvents();
        Path duration = live.shot(robot, "monitor-heatmap-duration");
        // the canvas changed with the heat: red where the car service took longest
        assertThat(Files.readAllBytes(duration)).isNotEqualTo(Files.readAllBytes(frequency));
        assertThat(Monitor.heatColor(1).getRed()).isGreaterThan(Monitor.heatColor(1).getGreen());
        assertThat(Monitor.heatColor(0).getGreen()).isGreaterThan(Monitor.heatColor(0).getRed());
        robot.interact(() -> heat.setValue("Badges"));

        // replay trip-4: booked flight and hotel, no car, compensated
        String trip4 = ids.get(3);
        select(robot, m, trip4);
        await(() -> m.selected().state() == InstanceState.COMPLETED && m.pathTaken().contains("TripFailed"), "trip-4's history");
        Slider scrubber = robot.lookup("#monitor-replay").queryAs(Slider.class);
        assertThat(scrubber.getMin()).isEqualTo((double) m.historyStart());
        assertThat(scrubber.getMax()).isEqualTo((double) m.historyEnd());
        assertThat(m.replayTime()).isNull();
        long hotelEntered = m.history().stream().filter(e -> e.type().equals("ELEMENT_ENTERED") && "ReserveHotel".equals(e.elementId()))
                .map(HistoryEvent::time).findFirst().orElseThrow().toEpochMilli();
        robot.interact(() -> scrubber.setValue(hotelEntered));
        assertThat(m.replayTime()).isEqualTo(hotelEntered);
        Monitor.Snapshot atHotel = m.stateAt(hotelEntered);
        assertThat(atHotel.active()).containsExactly("ReserveHotel");
        assertThat(atHotel.path()).contains("TripRequested", "ReserveFlight", "FlightOk", "ReserveHotel").doesNotContain("ReserveCar", "TripFailed");
        assertThat(robot.lookup("#monitor-replay-time").queryAs(Label.class).getText()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  \\(replay: .* of .*, \\d+ of \\d+ events\\)");
        WaitForAsyncUtils.waitForFxEvents();
        live.shot(robot, "monitor-replay");
        Monitor.Snapshot atStart = m.stateAt(m.historyStart() - 1);
        assertThat(atStart.active()).isEmpty();
        assertThat(atStart.events()).isZero();
        Monitor.Snapshot atEnd = m.stateAt(m.historyEnd());
        assertThat(atEnd.active()).isEmpty();
        assertThat(atEnd.path()).contains("CancelHotel", "CancelFlight", "TripFailed");
        assertThat(atEnd.events()).isEqualTo(m.history().size());

        // play from the start: the scrubber runs to the end by itself and stops
        robot.interact(() -> scrubber.setValue(scrubber.getMin()));
        Button play = robot.lookup("#monitor-replay-play").queryAs(Button.class);
        robot.interact(play::fire);
        await(() -> play.getText().contains("Pause"), "playing");
        await(() -> m.replayTime() != null && m.replayTime() > scrubber.getMin() && m.replayTime() < scrubber.getMax(), "the replay under way");
        await(() -> m.replayTime() != null && m.replayTime() >= (long) scrubber.getMax() && play.getText().contains("Replay"),
                "the replay to reach the end");
        robot.interact(() -> robot.lookup("#monitor-replay-live").queryAs(Button.class).fire());
        assertThat(m.replayTime()).isNull();
    }

    @Test
    void a_called_instance_opens_in_its_definitions_monitor_and_back_to_parent_returns(FxRobot robot) throws Exception {
        live.firstRunDone();
        EngineClient client = live.session.client();
        client.deploy("call-child.bpmn", LiveDesigner.resource("live/call-child.bpmn"));
        client.deploy("call-parent.bpmn", LiveDesigner.resource("live/call-parent.bpmn"));
        InstanceView parent = client.start("shipOrder", Map.of("orderId", "o-7"), "ship-7");
        await(() -> !client.family(parent.id()).childInstanceIds().isEmpty(), "the called instance");
        String child = client.family(parent.id()).childInstanceIds().get(0);

        robot.interact(() -> live.session.openInstance(parent.id()));
        await(() -> live.monitor() != null && live.monitor().definitionId().equals("shipOrder:1") && live.monitor().selected() != null
                && live.monitor().family() != null, "the parent's monitor with the instance");
        Monitor parentMonitor = live.monitor();
        assertThat(parentMonitor.activeElements()).containsExactly("PickItems");
        ListView<String> children = robot.lookup("#monitor-children").queryAs(ListView.class);
        await(() -> children.getItems().size() == 1, "the called instance listed");
        assertThat(children.getItems().get(0)).startsWith("PickItems → " + child.substring(0, 8));
        assertThat(robot.lookup("#monitor-back-to-parent").queryAs(Button.class).isVisible()).isFalse();
        robot.interact(() -> children.getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#monitor-open-child").queryAs(Button.class).fire());

        await(() -> live.monitor() != null && live.monitor().definitionId().equals("pickItems:1") && live.monitor().selected() != null
                && live.monitor().selected().id().equals(child) && live.monitor().family() != null, "the child's monitor with the called instance");
        assertThat(live.monitor().activeElements()).containsExactly("Pick");
        assertThat(live.window.current().getText()).isEqualTo("pickItems:1 (engine)");
        Button back = robot.lookup("#monitor-back-to-parent").match(n -> n.isVisible()).queryAs(Button.class);
        robot.interact(back::fire);

        await(() -> live.monitor() == parentMonitor && parentMonitor.selected() != null && parentMonitor.selected().id().equals(parent.id()),
                "back at the parent in its tab");
        assertThat(live.window.current().getText()).isEqualTo("shipOrder:1 (engine)");
    }

    @Test
    void the_instance_list_filters_by_state_and_business_key_and_pages_on_the_server(FxRobot robot) throws Exception {
        Monitor m = live.firstRunDone();
        DemoServices services = live.session.demoServices();
        services.set("cars", DemoServices.Mode.ERROR, 0);
        int[] numbers = {501, 502, 503, 505, 506}; // a multiple of 4 would be declined before the car service fails
        for (int n = 1; n <= 5; n++) {
            live.session.client().start("flightBooking", Samples.variables("flightBooking", numbers[n - 1], services.url()), "page-" + n);
        }
        await(() -> m.counts("ReserveCar")[1] == 5, "five trips waiting at an incident");
        TableView<InstanceSummary> table = robot.lookup("#monitor-instances").queryAs(TableView.class);
        Label page = robot.lookup("#monitor-page").queryAs(Label.class);
        await(() -> m.total() == 7 && table.getItems().size() == 4, "the first page of seven");
        assertThat(page.getText()).isEqualTo("1–4 of 7");

        TextField key = robot.lookup("#monitor-filter-key").queryAs(TextField.class);
        robot.interact(() -> key.setText("page-"));
        await(() -> m.total() == 5 && table.getItems().size() == 4, "the five page- trips, four on the first page");
        assertThat(table.getItems()).allMatch(i -> i.businessKey().startsWith("page-"));
        robot.interact(() -> robot.lookup("#monitor-page-next").queryAs(Button.class).fire());
        await(() -> m.offset() == 4 && table.getItems().size() == 1, "the second page");
        assertThat(page.getText()).isEqualTo("5–5 of 5");
        assertThat(robot.lookup("#monitor-page-next").queryAs(Button.class).isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#monitor-page-prev").queryAs(Button.class).fire());
        await(() -> m.offset() == 0 && table.getItems().size() == 4, "back on the first page");

        ChoiceBox<String> state = robot.lookup("#monitor-filter-state").queryAs(ChoiceBox.class);
        robot.interact(() -> state.setValue("COMPLETED"));
        await(() -> m.total() == 0 && table.getItems().isEmpty(), "no completed page- trip");
        robot.interact(() -> key.setText(""));
        await(() -> m.total() == 2 && table.getItems().size() == 2, "the first run's two completed trips");
        assertThat(table.getItems()).allMatch(i -> i.state() == InstanceState.COMPLETED);
        robot.interact(() -> state.setValue("ACTIVE"));
        await(() -> m.total() == 5, "the five active trips");

        // the list stays filtered while it updates live
        String url = services.url();
        live.session.client().start("flightBooking", Samples.variables("flightBooking", 507, url), "page-6");
        await(() -> m.total() == 6 && table.getItems().size() == 4, "the new active trip counted");
        robot.interact(() -> key.setText("page-6"));
        await(() -> m.total() == 1 && table.getItems().get(0).businessKey().equals("page-6"), "only page-6");
    }

    @Test
    void after_the_event_stream_drops_the_monitor_reconnects_and_catches_up_on_missed_events(FxRobot robot) throws Exception {
        Monitor m = live.firstRunDone();
        Label status = robot.lookup("#engine-status").queryAs(Label.class);
        List<String> seen = new CopyOnWriteArrayList<>();
        robot.interact(() -> status.textProperty().addListener((o, a, b) -> seen.add(b)));
        EmbeddedEngine embedded = live.session.embedded();

        embedded.stopServer();
        await(() -> status.getText().startsWith("Engine: connection lost, reconnecting"), "the status bar to show the loss");
        // while nobody can connect, the engine runs three more trips: the designer misses their events
        String url = live.session.demoServices().url();
        for (int n = 69; n < 72; n++) { // none a multiple of 4: all three get a car
            embedded.engine().startInstance("flightBooking", new StartInstanceRequest(Samples.variables("flightBooking", n, url), "missed-" + n, null));
        }
        dev.baton.engine.BatonEngine engine = embedded.engine();
        await(() -> engine.instances(new dev.baton.model.api.InstanceQuery("flightBooking", null, InstanceState.COMPLETED, null, null, null, 0, 10))
                .total() == 5, "the three trips to end in the engine");
        Thread.sleep(300);
        assertThat(m.counts("TripBooked")[2]).isEqualTo(2); // nothing arrived yet

        embedded.startServer();
        await(() -> status.getText().startsWith("Engine: connected"), "the status bar to show the connection again");
        await(() -> m.counts("TripBooked")[2] == 5, "the missed trips counted on the diagram");
        await(() -> m.instances().stream().filter(i -> i.businessKey() != null && i.businessKey().startsWith("missed-")).count() == 3,
                "the missed trips in the list");
        int lost = indexOf(seen, "Engine: connection lost"), back = lastIndexOf(seen, "Engine: connected");
        assertThat(lost).isGreaterThanOrEqualTo(0);
        assertThat(back).isGreaterThan(lost);
        // the stream replays the missed events: a trip started after reconnecting is counted once, like the rest
        live.session.client().start("flightBooking", Samples.variables("flightBooking", 81, url), "after-81");
        await(() -> m.counts("TripBooked")[2] == 6, "the next trip counted");
        Thread.sleep(800);
        assertThat(m.counts("TripBooked")[2]).isEqualTo(6);
    }

    // ---------------------------------------------------------------- helpers

    /** Trip n with the car service failing, waited for at its incident at 'Reserve car' and selected in the monitor. */
    private InstanceView tripAtIncident(FxRobot robot, Monitor m, int n) throws Exception {
        InstanceView started = live.startTripWhileCarsFail(n);
        await(() -> m.counts("ReserveCar")[1] == 1, "the incident at 'Reserve car'");
        select(robot, m, started.id());
        return started;
    }

    private static void select(FxRobot robot, Monitor m, String id) throws Exception {
        robot.interact(() -> m.select(id));
        await(() -> m.selected() != null && m.selected().id().equals(id), "instance " + id + " selected");
    }

    private static int indexOf(List<String> l, String prefix) {
        for (int i = 0; i < l.size(); i++) if (l.get(i).startsWith(prefix)) return i;
        return -1;
    }

    private static int lastIndexOf(List<String> l, String prefix) {
        for (int i = l.size() - 1; i >= 0; i--) if (l.get(i).startsWith(prefix)) return i;
        return -1;
    }
}
