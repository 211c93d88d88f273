package dev.baton.designer.live;

import dev.baton.model.api.HistoryEvent;
import dev.baton.model.api.IncidentView;
import dev.baton.model.api.InstanceSummary;
import dev.baton.model.api.InstanceView;
import javafx.application.Platform;
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
        table.setPrefHeight(260);
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
        variables.setEditable(false);
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
        details = new VBox(6, instanceTitle, new HBox(6, suspend, resume, cancel), new Label("Incidents"), incidents,
                new Label("Variables"), variables, new Label("History"), history);
        VBox.setVgrow(details, Priority.ALWAYS);
        getChildren().addAll(title, new HBox(6, start, overview), table, details);
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

    private void refresh() {
        InstanceView v = monitor.selected();
        details.setVisible(v != null);
        details.setManaged(v != null);
        if (v == null) return;
        instanceTitle.setText("Instance " + (v.businessKey() == null ? v.id() : v.businessKey() + " (" + v.id().substring(0, 8) + ")")
                + ": " + v.state());
        boolean running = v.state() == dev.baton.model.api.InstanceState.ACTIVE;
        suspend.setDisable(!running);
        resume.setDisable(v.state() != dev.baton.model.api.InstanceState.SUSPENDED);
        cancel.setDisable(!running && v.state() != dev.baton.model.api.InstanceState.SUSPENDED);
        incidents.getItems().setAll(v.incidents().stream().filter(i -> i.resolvedAt() == null).toList());
        try {
            variables.setText(EngineClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(v.variables()));
        } catch (Exception e) {
            variables.setText(String.valueOf(v.variables()));
        }
        history.getItems().setAll(monitor.history());
        Platform.runLater(() -> history.scrollTo(history.getItems().size() - 1));
    }
}
