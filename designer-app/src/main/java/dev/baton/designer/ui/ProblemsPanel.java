package dev.baton.designer.ui;

import dev.baton.model.Definitions;
import dev.baton.model.validation.Problem;
import dev.baton.model.validation.Validator;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The validation rules' findings, recomputed off the UI thread shortly after each edit; clicking a problem
 * selects its element. Results for an outdated document state are dropped.
 */
public final class ProblemsPanel extends BorderPane {

    private static final ExecutorService VALIDATION = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "baton-validation");
        t.setDaemon(true);
        return t;
    });

    private final Editor editor;
    private final TableView<Problem> table = new TableView<>();
    private final Label summary = new Label();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(250));
    private final Validator validator = new Validator();
    private volatile Definitions pending;

    public ProblemsPanel(Editor editor, Consumer<String> reveal) {
        this.editor = editor;
        getStyleClass().add("problems-panel");
        table.setId("problems-table");
        TableColumn<Problem, String> sev = new TableColumn<>("Severity");
        sev.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().severity().name().toLowerCase(java.util.Locale.ROOT)));
        sev.setPrefWidth(80);
        TableColumn<Problem, String> el = new TableColumn<>("Element");
        el.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().elementId() == null ? "" : c.getValue().elementId()));
        el.setPrefWidth(160);
        TableColumn<Problem, String> msg = new TableColumn<>("Problem");
        msg.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().message()));
        msg.setPrefWidth(600);
        TableColumn<Problem, String> rule = new TableColumn<>("Rule");
        rule.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().rule()));
        rule.setPrefWidth(160);
        table.getColumns().addAll(List.of(sev, el, msg, rule));
        table.setItems(editor.problems());
        table.setPlaceholder(new Label("No problems."));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null && p.elementId() != null && editor.index().contains(p.elementId())) reveal.accept(p.elementId());
        });
        summary.getStyleClass().add("problems-summary");
        setTop(summary);
        setCenter(table);
        setPrefHeight(150);
        debounce.setOnFinished(e -> validateNow());
        editor.document().commands().currentProperty().addListener(o -> debounce.playFromStart());
        validateNow();
    }

    /** Starts a validation of the current state; the result replaces the list if the state is still current. */
    public void validateNow() {
        Definitions d = editor.document().definitions();
        pending = d;
        VALIDATION.submit(() -> {
            List<Problem> result;
            try {
                result = validator.validate(d);
            } catch (RuntimeException ex) {
                result = List.of(Problem.error("validator", null, "Validation failed: " + ex));
            }
            List<Problem> found = result;
            Platform.runLater(() -> {
                if (pending != d) return;
                editor.problems().setAll(found);
                long errors = found.stream().filter(Problem::isError).count();
                summary.setText(found.isEmpty() ? "No problems" : errors + " error(s), " + (found.size() - errors) + " warning(s)");
            });
        });
    }

    /** True when the shown problems belong to the current document state. */
    public boolean isCurrent() { return pending == editor.document().definitions(); }
}
