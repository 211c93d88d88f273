package dev.baton.designer.ui;

import dev.baton.designer.model.Elements;
import dev.baton.designer.render.BpmnRenderer;
import dev.baton.model.Activity;
import dev.baton.model.Artifact;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;

/** In-place editing of an element's name on the canvas: Enter commits, Shift+Enter breaks the line, Esc cancels. */
final class LabelEditor extends TextArea {

    private final DiagramCanvas canvas;
    private String editing;
    private boolean closing;

    LabelEditor(DiagramCanvas canvas) {
        this.canvas = canvas;
        setId("label-editor");
        setWrapText(true);
        setVisible(false);
        setManaged(false);
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShiftDown()) {
                e.consume();
                commit();
            } else if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                insertText(getCaretPosition(), "\n");
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                close();
            }
        });
        focusedProperty().addListener((o, was, is) -> {
            if (!is && editing != null) commit();
        });
    }

    boolean isEditing() { return editing != null; }

    void open(String id) {
        Object e = canvas.editor().index().element(id);
        if (!Elements.isNamed(e)) return;
        editing = id;
        String name = Elements.name(e);
        setText(name == null ? "" : name);
        Bounds b = area(id, e);
        Point a = canvas.view().toScreen(b.x(), b.y());
        double s = canvas.view().scale();
        resizeRelocate(a.x(), a.y(), Math.max(90, b.width() * s), Math.max(40, b.height() * s));
        setVisible(true);
        requestFocus();
        selectAll();
    }

    private Bounds area(String id, Object e) {
        var idx = canvas.editor().index();
        Shape s = idx.shape(id);
        if (s != null) {
            if (e instanceof Activity || e instanceof Artifact.TextAnnotation) return s.bounds();
            if (s.label() != null && s.label().bounds() != null) return s.label().bounds();
            Bounds b = s.bounds();
            if (e instanceof dev.baton.model.Collaboration.Participant || e instanceof dev.baton.model.Lane) return new Bounds(b.x(), b.y(), 200, 60);
            return new Bounds(b.centerX() - 50, b.maxY() + 4, 100, 40);
        }
        Edge ed = idx.edge(id);
        if (ed != null) {
            if (ed.label() != null && ed.label().bounds() != null) return ed.label().bounds();
            Point m = dev.baton.designer.model.Di.midpoint(ed.waypoints());
            return new Bounds(m.x() - 50, m.y() - 20, 100, 40);
        }
        return BpmnRenderer.contentBounds(idx);
    }

    void commit() {
        if (editing == null || closing) return;
        String id = editing;
        String text = getText();
        close();
        canvas.editor().rename(id, text.isBlank() ? null : text.strip());
    }

    void close() {
        closing = true;
        editing = null;
        setVisible(false);
        canvas.requestFocus();
        closing = false;
    }
}
