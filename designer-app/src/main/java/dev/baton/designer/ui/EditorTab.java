package dev.baton.designer.ui;

import dev.baton.designer.model.DiagramDocument;
import javafx.application.Platform;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/** One open diagram: palette, canvas (with context pad, label editor and minimap), properties and problems. */
public final class EditorTab extends Tab {

    private final Editor editor;
    private final DiagramCanvas canvas;
    private final PropertiesPanel properties;
    private final ProblemsPanel problems;
    private final ContextPad pad;
    private final LabelEditor labels;
    private final Minimap minimap;

    public EditorTab(DiagramDocument document, dev.baton.designer.render.Theme theme) {
        editor = new Editor(document);
        editor.themeProperty().set(theme);
        canvas = new DiagramCanvas(editor);
        canvas.setId("diagram-canvas");
        labels = new LabelEditor(canvas);
        pad = new ContextPad(canvas, labels);
        minimap = new Minimap(canvas);
        Pane overlay = new Pane(pad, labels);
        overlay.setPickOnBounds(false);
        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(minimap, new Insets(10));
        StackPane stack = new StackPane(canvas, overlay, minimap);
        if (document.definitions().diagrams().size() > 1) {
            javafx.scene.control.ChoiceBox<String> which = new javafx.scene.control.ChoiceBox<>();
            which.setId("diagram-choice");
            which.getItems().setAll(document.diagramNames());
            which.getSelectionModel().select(0);
            which.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
                if (b.intValue() >= 0) document.showDiagram(b.intValue());
            });
            which.setTooltip(new javafx.scene.control.Tooltip("This file holds several diagrams"));
            StackPane.setAlignment(which, Pos.TOP_RIGHT);
            StackPane.setMargin(which, new Insets(8));
            stack.getChildren().add(which);
        }
        stack.setMinSize(100, 100);
        properties = new PropertiesPanel(editor);
        problems = new ProblemsPanel(editor, canvas::reveal);
        SplitPane vertical = new SplitPane(stack, problems);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.8);
        SplitPane horizontal = new SplitPane(vertical, properties);
        horizontal.setDividerPositions(0.77);
        BorderPane root = new BorderPane(horizontal);
        root.setLeft(new Palette(canvas));
        setContent(root);
        canvas.setOnEditLabel(labels::open);
        canvas.setOnViewChanged(() -> {
            pad.update();
            minimap.drawFrame();
        });
        editor.selection().addListener((SetChangeListener<String>) c -> pad.update());
        document.commands().currentProperty().addListener(o -> pad.update());
        labels.visibleProperty().addListener(o -> pad.update());
        textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> (document.commands().isDirty() ? "* " : "") + document.title(), document.commands().dirtyProperty()));
        setOnClosed(e -> canvas.stop());
        // keep the whole diagram in view while the window settles, until the user moves the view
        javafx.beans.InvalidationListener refit = o -> {
            if (!canvas.userMovedView() && canvas.getWidth() > 0 && canvas.getHeight() > 0) Platform.runLater(() -> {
                if (canvas.userMovedView()) return;
                canvas.fit();
                minimap.drawFrame();
            });
        };
        canvas.widthProperty().addListener(refit);
        canvas.heightProperty().addListener(refit);
    }

    public Editor editor() { return editor; }

    /** Puts a panel (the engine monitor) at the tab's right edge. */
    public void setSidePanel(javafx.scene.Node panel) {
        ((BorderPane) getContent()).setRight(panel);
    }

    public DiagramCanvas canvas() { return canvas; }

    public ProblemsPanel problemsPanel() { return problems; }

    public PropertiesPanel propertiesPanel() { return properties; }

    public void editLabel(String id) { labels.open(id); }

    /** The tab's title changes when the file is saved under a new name. */
    public void refreshTitle() {
        textProperty().unbind();
        DiagramDocument d = editor.document();
        textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> (d.commands().isDirty() ? "* " : "") + d.title(), d.commands().dirtyProperty()));
    }
}
