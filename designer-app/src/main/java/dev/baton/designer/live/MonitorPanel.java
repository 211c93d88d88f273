package dev.baton.designer.live;

import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.IncidentView;
import dev.baton.model.api.InstanceSummary;
import dev.baton.model.api.InstanceView;
import dev.baton.model.api.InstanceFamily;
import dev.baton.model.api.InstanceState;
import dev.baton.model.api.TokenView;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The monitor's side panel: the definition's instances (live), and the selected instance's details and controls. */
final class MonitorPanel extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final Monitor monitor;
    private final LiveSession session;
    private final TableView<InstanceSummary> table = new TableView<>();
    private final Label title = new Label(), instanceTitle = new Label();
    private final Button suspend = new Button("Suspend"), resume = new Button("Resume"), cancel = new Button("Cancel");
    private final ListView<IncidentView> incidents = new ListView<>();
    private final TextArea variables = new TextArea();
    private final ListView<HistoryEvent> history = new ListView<>();
    private final VBox details;
    // list filters and paging
    private final ChoiceBox<String> stateFilter = new ChoiceBox<>();
    private final TextField keyFilter = new TextField();
    private final Button prev = new Button("◀"), next = new Button("▶");
    private final Label pageLabel = new Label();
    private final ChoiceBox<String> heat = new ChoiceBox<>();
    // variables
    private final Button saveVariables = new Button("Save variables");
    private final Label variablesError = new Label();
    private String shownVariables = "";
    // moving a token
    private final ComboBox<String> moveFrom = new ComboBox<>(), moveTo = new ComboBox<>();
    private final Button move = new Button("Move token…"), moveConfirm = new Button("Confirm move"), moveCancel = new Button("Keep");
    private final Label moveQuestion = new Label();
    private final HBox moveConfirmRow;
    // replay
    private final Slider scrubber = new Slider(0, 1, 1);
    private final Button play = new Button("▶ Replay"), live = new Button("Live");
    private final Label replayLabel = new Label("live");
    private AnimationTimer player;
    private boolean settingScrubber;
    // call activities
    private final ListView<String> children = new ListView<>();
    private final Button openChild = new Button("Open called instance"), backToParent = new Button("◀ Back to parent");
    private final VBox childBox;

    MonitorPanel(Monitor monitor, LiveSession session) {
        this.monitor = monitor;
        this.session = session;
        setId("monitor-panel");
        setPrefWidth(380);
        setMinWidth(300);
        setSpacing(6);
        setPadding(new Insets(8));
        title.setText("Monitoring " + monitor.definitionId());
        title.setStyle("-fx-font-weight: bold");
        Button start = new Button("Start instance…");
        start.setId("monitor-start");
        start.setOnAction(e -> session.startInstanceDialog(monitor.processId()));
        Button overview = new Button("All instances");
        overview.setId("monitor-overview");
        overview.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            monitor.select(null);
        });

        TableColumn<InstanceSummary, String> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> new SimpleStringProperty(String.valueOf(c.getValue().state())));
        TableColumn<InstanceSummary, String> key = new TableColumn<>("Business key");
        key.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().businessKey() == null ? "" : c.getValue().businessKey()));
        TableColumn<InstanceSummary, String> started = new TableColumn<>("Started");
        started.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().startedAt() == null ? "" : TIME.format(c.getValue().startedAt())));
        state.setPrefWidth(90);
        key.setPrefWidth(120);
        started.setPrefWidth(110);
        table.getColumns().add(state);
        table.getColumns().add(key);
        table.getColumns().add(started);
        table.setId("monitor-instances");
        table.setItems(monitor.instances());
        table.setPrefHeight(220);
        table.setMinHeight(140);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && (monitor.selected() == null || !monitor.selected().id().equals(b.id()))) monitor.select(b.id());
        });

        instanceTitle.setId("monitor-instance");
        instanceTitle.setWrapText(true);
        suspend.setOnAction(e -> session.act(() -> { monitor.client().suspend(monitor.selected().id()); return null; }, "Suspended"));
        resume.setOnAction(e -> session.act(() -> { monitor.client().resume(monitor.selected().id()); return null; }, "Resumed"));
        cancel.setOnAction(e -> session.act(() -> { monitor.client().cancel(monitor.selected().id()); return null; }, "Canceled"));
        suspend.setId("monitor-suspend");
        resume.setId("monitor-resume");
        cancel.setId("monitor-cancel");
        incidents.setId("monitor-incidents");
        incidents.setPrefHeight(90);
        incidents.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(IncidentView i, boolean empty) {
                super.updateItem(i, empty);
                if (empty || i == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label msg = new Label(i.elementId() + ": " + i.message());
                msg.setWrapText(true);
                msg.setMaxWidth(250);
                Button retry = new Button("Retry");
                retry.getStyleClass().add("incident-retry");
                retry.setOnAction(e -> session.act(() -> { monitor.client().retry(i.id()); return null; }, "Retried the incident at " + i.elementId()));
                HBox row = new HBox(6, msg, retry);
                setGraphic(row);
                setText(null);
            }
        });
        variables.setId("monitor-variables");
        variables.setPrefRowCount(5);
        history.setId("monitor-history");
        history.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : TIME.format(e.time()) + "  " + e.type() + (e.elementId() == null ? "" : "  " + e.elementId())
                        + (e.durationMs() == null ? "" : "  " + e.durationMs() + " ms"));
            }
        });
        VBox.setVgrow(history, Priority.ALWAYS);

        // ---- filters, paging and the heatmap of the definition view
        stateFilter.getItems().addAll("All states", "ACTIVE", "SUSPENDED", "COMPLETED", "CANCELED");
        stateFilter.setValue("All states");
        stateFilter.setId("monitor-filter-state");
        keyFilter.setPromptText("business key starts with…");
        keyFilter.setId("monitor-filter-key");
        HBox.setHgrow(keyFilter, Priority.ALWAYS);
        Runnable applyFilter = () -> monitor.filter("All states".equals(stateFilter.getValue()) ? null : stateFilter.getValue(), keyFilter.getText());
        stateFilter.valueProperty().addListener(o -> applyFilter.run());
        keyFilter.textProperty().addListener(o -> applyFilter.run());
        prev.setId("monitor-page-prev");
        next.setId("monitor-page-next");
        pageLabel.setId("monitor-page");
        prev.setOnAction(e -> monitor.page(-1));
        next.setOnAction(e -> monitor.page(1));
        heat.getItems().addAll(HEAT_OFF, HEAT_FREQUENCY, HEAT_DURATION);
        heat.setValue(HEAT_OFF);
        heat.setId("monitor-heat");
        heat.valueProperty().addListener((o, a, b) -> monitor.setHeat(HEAT_FREQUENCY.equals(b) ? Monitor.Heat.FREQUENCY
                : HEAT_DURATION.equals(b) ? Monitor.Heat.DURATION : Monitor.Heat.OFF));

        // ---- variables: edited as JSON, checked before sending
        variables.setEditable(true);
        saveVariables.setId("monitor-save-variables");
        variablesError.setId("monitor-variables-error");
        variablesError.setTextFill(Color.web("#d32f2f"));
        variablesError.setWrapText(true);
        variables.textProperty().addListener(o -> checkVariables());
        saveVariables.setOnAction(e -> saveVariables());

        // ---- move a token: from an active element to any element, confirmed
        moveFrom.setId("monitor-move-from");
        moveTo.setId("monitor-move-to");
        moveFrom.setPromptText("from (active)");
        moveTo.setPromptText("to element");
        moveFrom.setMaxWidth(150);
        moveTo.setMaxWidth(150);
        move.setId("monitor-move");
        moveConfirm.setId("monitor-move-confirm");
        moveQuestion.setWrapText(true);
        moveConfirmRow = new HBox(6, moveConfirm, moveCancel);
        showConfirm(false);
        move.disableProperty().bind(moveFrom.valueProperty().isNull().or(moveTo.valueProperty().isNull()));
        move.setOnAction(e -> {
            moveQuestion.setText("Cancel the token at " + moveFrom.getValue() + " and start one before " + moveTo.getValue() + "?");
            showConfirm(true);
        });
        moveCancel.setOnAction(e -> showConfirm(false));
        moveConfirm.setOnAction(e -> {
            String id = monitor.selected().id(), from = moveFrom.getValue(), to = moveTo.getValue();
            showConfirm(false);
            session.act(() -> monitor.client().modify(id, java.util.List.of(from), java.util.List.of(to)),
                    "Moved the token from " + from + " to " + to);
        });

        // ---- replay: the history from start to now, on a scrubber
        scrubber.setId("monitor-replay");
        play.setId("monitor-replay-play");
        live.setId("monitor-replay-live");
        replayLabel.setId("monitor-replay-time");
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.valueProperty().addListener((o, a, b) -> {
            if (settingScrubber) return;
            long t = (long) b.doubleValue();
            monitor.replay(t);
            replayLabel.setText(TIME.format(java.time.Instant.ofEpochMilli(t)) + "  (replay: " + Monitor.duration(t - monitor.historyStart())
                    + " of " + Monitor.duration(monitor.historyEnd() - monitor.historyStart()) + ", "
                    + monitor.stateAt(t).events() + " of " + monitor.history().size() + " events)");
        });
        play.setOnAction(e -> { if (player != null) pause(); else play(); });
        live.setOnAction(e -> {
            pause();
            monitor.replay(null);
            replayLabel.setText("live");
            setScrubber(monitor.historyEnd());
        });

        // ---- call activities: open a called instance, or go back to the caller
        children.setId("monitor-children");
        children.setPrefHeight(60);
        openChild.setId("monitor-open-child");
        backToParent.setId("monitor-back-to-parent");
        openChild.disableProperty().bind(children.getSelectionModel().selectedItemProperty().isNull());
        openChild.setOnAction(e -> {
            int i = children.getSelectionModel().getSelectedIndex();
            InstanceFamily f = monitor.family();
            if (f != null && i >= 0 && i < f.childInstanceIds().size()) session.openInstance(f.childInstanceIds().get(i));
        });
        children.setOnMouseClicked(e -> { if (e.getClickCount() == 2 && !openChild.isDisabled()) openChild.fire(); });
        backToParent.setOnAction(e -> {
            InstanceFamily f = monitor.family();
            if (f != null && f.parentInstanceId() != null) session.openInstance(f.parentInstanceId());
        });
        childBox = new VBox(4, new Label("Called instances"), children, openChild);

        details = new VBox(6, instanceTitle, new HBox(6, suspend, resume, cancel, backToParent),
                new HBox(6, play, live, scrubber), replayLabel,
                new Label("Incidents"), incidents,
                new Label("Move a token"), new HBox(6, moveFrom, moveTo, move), moveQuestion, moveConfirmRow,
                new Label("Variables (JSON object)"), variables, new HBox(6, saveVariables, variablesError),
                childBox, new Label("History"), history);
        VBox.setVgrow(details, Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        // the details scroll as a whole: each list keeps its height instead of being squeezed to nothing
        incidents.setMinHeight(70);
        variables.setMinHeight(90);
        history.setMinHeight(160);
        history.setPrefHeight(220);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        this.detailsScroll = scroll;
        getChildren().addAll(title, new HBox(6, start, overview, new Label("Show"), heat), new HBox(6, stateFilter, keyFilter),
                table, new HBox(6, prev, next, pageLabel), scroll);
        monitor.addListener(this::refresh);
        // for screenshots and demos: follow the newest running instance once the list arrives
        if ("first".equals(System.getProperty("baton.monitor.select"))) {
            monitor.instances().addListener((javafx.collections.ListChangeListener<InstanceSummary>) c -> {
                if (table.getSelectionModel().isEmpty() && !monitor.instances().isEmpty()
                        && monitor.instances().get(0).state() == dev.baton.model.api.InstanceState.ACTIVE)
                    Platform.runLater(() -> table.getSelectionModel().select(0));
            });
        }
        refresh();
    }

    private static final String HEAT_OFF = "Badges", HEAT_FREQUENCY = "Heatmap: frequency", HEAT_DURATION = "Heatmap: time spent";
    private final ScrollPane detailsScroll;
    private String shownInstance;

    private void showConfirm(boolean on) {
        moveQuestion.setVisible(on);
        moveQuestion.setManaged(on);
        moveConfirmRow.setVisible(on);
        moveConfirmRow.setManaged(on);
    }

    private void checkVariables() {
        String problem = LiveSession.parseProblem(variables.getText());
        if (problem == null && !variables.getText().equals(shownVariables)) {
            Map<String, Object> now = parseObject(variables.getText());
            InstanceView v = monitor.selected();
            if (v != null) {
                List<String> gone = v.variables().keySet().stream().filter(k -> !now.containsKey(k)).toList();
                if (!gone.isEmpty()) problem = "Variables cannot be removed here: " + gone;
                else if (now.containsValue(null)) problem = "A variable cannot be set to null";
            }
        }
        variablesError.setText(problem == null ? "" : problem);
        saveVariables.setDisable(problem != null || variables.getText().equals(shownVariables) || !running());
    }

    private boolean running() {
        InstanceView v = monitor.selected();
        return v != null && (v.state() == InstanceState.ACTIVE || v.state() == InstanceState.SUSPENDED);
    }

    /** Sends only what changed (added or replaced values) as one PATCH. */
    private void saveVariables() {
        InstanceView v = monitor.selected();
        String problem = LiveSession.parseProblem(variables.getText());
        if (v == null || problem != null) {
            variablesError.setText(problem == null ? "" : problem);
            return;
        }
        Map<String, Object> now = parseObject(variables.getText());
        Map<String, Object> changed = new LinkedHashMap<>();
        now.forEach((k, val) -> { if (!java.util.Objects.equals(v.variables().get(k), val)) changed.put(k, val); });
        if (changed.isEmpty()) return;
        String id = v.id();
        shownVariables = variables.getText(); // until the engine's answer replaces it
        saveVariables.setDisable(true);
        session.act(() -> monitor.client().setVariables(id, changed), "Set " + changed.keySet() + " of instance " + id.substring(0, 8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseObject(String json) {
        try {
            return EngineClient.JSON.readValue(json.isBlank() ? "{}" : json, LinkedHashMap.class);
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    private void play() {
        long start = monitor.historyStart(), end = monitor.historyEnd();
        if (end <= start) return;
        if (monitor.replayTime() == null || monitor.replayTime() >= end) setScrubberAndReplay(start);
        double perNano = (end - start) / 8e9; // the whole history in about 8 seconds
        play.setText("❚❚ Pause");
        player = new AnimationTimer() {
            long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    double t = Math.min(scrubber.getMax(), scrubber.getValue() + (now - last) * perNano);
                    scrubber.setValue(t);
                    if (t >= scrubber.getMax()) pause();
                }
                last = now;
            }
        };
        player.start();
    }

    private void pause() {
        if (player != null) player.stop();
        player = null;
        play.setText("▶ Replay");
    }

    /** Whether the replay is playing. */
    boolean playing() { return player != null; }

    private void setScrubberAndReplay(long t) {
        scrubber.setValue(t);
        monitor.replay(t);
    }

    private void setScrubber(long t) {
        settingScrubber = true;
        scrubber.setValue(t);
        settingScrubber = false;
    }

    private void refresh() {
        long total = monitor.total();
        int from = monitor.offset();
        pageLabel.setText(total == 0 ? "no instances" : (from + 1) + "–" + Math.min(total, from + monitor.pageSize()) + " of " + total);
        prev.setDisable(from == 0);
        next.setDisable(from + monitor.pageSize() >= total);
        InstanceView v = monitor.selected();
        detailsScroll.setVisible(v != null);
        detailsScroll.setManaged(v != null);
        if (v == null) {
            pause();
            shownInstance = null;
            return;
        }
        boolean fresh = !v.id().equals(shownInstance);
        shownInstance = v.id();
        // replay range: the history so far; live keeps the scrubber at the end
        long start = monitor.historyStart(), end = Math.max(start + 1, monitor.historyEnd());
        settingScrubber = true;
        scrubber.setMin(start);
        scrubber.setMax(end);
        if (monitor.replayTime() == null) scrubber.setValue(end);
        settingScrubber = false;
        if (fresh) {
            pause();
            replayLabel.setText("live");
        }
        // move: from the instance's active elements, to any flow node of the diagram
        List<String> activeIds = v.tokens().stream().map(TokenView::elementId).distinct().sorted().toList();
        if (!moveFrom.getItems().equals(activeIds)) {
            String keep = moveFrom.getValue();
            moveFrom.getItems().setAll(activeIds);
            moveFrom.setValue(activeIds.contains(keep) ? keep : null);
        }
        if (fresh || moveTo.getItems().isEmpty()) {
            var idx = monitor.tab().editor().index();
            List<String> targets = new ArrayList<>();
            for (var de : idx.diagramElements()) {
                String id = de.elementRef();
                // a token cannot start before a boundary event: the engine would refuse it
                if (idx.flowElement(id).map(f -> f instanceof dev.baton.model.FlowNode n
                        && n.kind() != dev.baton.model.ElementKind.BOUNDARY_EVENT).orElse(false)) targets.add(id);
            }
            targets.sort(null);
            moveTo.getItems().setAll(targets);
            moveTo.setValue(null);
        }
        move.setVisible(running());
        // call activities
        InstanceFamily f = monitor.family();
        List<String> kids = new ArrayList<>();
        if (f != null) for (String c : f.childInstanceIds()) kids.add(f.calledBy().getOrDefault(c, "call") + " → " + c.substring(0, 8));
        if (!children.getItems().equals(kids)) children.getItems().setAll(kids);
        childBox.setVisible(!kids.isEmpty());
        childBox.setManaged(!kids.isEmpty());
        boolean hasParent = f != null && f.parentInstanceId() != null;
        backToParent.setVisible(hasParent);
        backToParent.setManaged(hasParent);
        instanceTitle.setText("Instance " + (v.businessKey() == null ? v.id() : v.businessKey() + " (" + v.id().substring(0, 8) + ")")
                + ": " + v.state());
        boolean running = v.state() == dev.baton.model.api.InstanceState.ACTIVE;
        suspend.setDisable(!running);
        resume.setDisable(v.state() != dev.baton.model.api.InstanceState.SUSPENDED);
        cancel.setDisable(!running && v.state() != dev.baton.model.api.InstanceState.SUSPENDED);
        incidents.getItems().setAll(v.incidents().stream().filter(i -> i.resolvedAt() == null).toList());
        String text;
        try {
            text = EngineClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(v.variables());
        } catch (Exception e) {
            text = String.valueOf(v.variables());
        }
        // the engine's variables replace the text unless the user is editing it
        boolean editing = !variables.getText().equals(shownVariables) && !fresh;
        if (!editing || text.equals(variables.getText())) {
            shownVariables = text;
            variables.setText(text);
        }
        checkVariables();
        history.getItems().setAll(monitor.history());
        Platform.runLater(() -> history.scrollTo(history.getItems().size() - 1));
    }
}
