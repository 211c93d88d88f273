package dev.baton.designer.ui;

import dev.baton.designer.model.Command;
import dev.baton.designer.model.DiagramDocument;
import dev.baton.designer.model.DiagramIndex;
import dev.baton.designer.model.ElementType;
import dev.baton.designer.model.Modeling;
import dev.baton.designer.model.ModelingException;
import dev.baton.designer.render.Theme;
import dev.baton.model.Collaboration;
import dev.baton.model.Lane;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.validation.Problem;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the user does to one open diagram, independent of how it was asked for (menu, key, mouse): selection,
 * clipboard, every edit through the document's command stack. Errors from the rules become a status message.
 */
public final class Editor {

    /** Shared by all tabs so that copy in one diagram and paste in another works. */
    private static Modeling.Clipboard clipboard;

    private final DiagramDocument document;
    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private int pasteCount;

    public Editor(DiagramDocument document) {
        this.document = document;
        // forget selected elements that an undo or delete took away
        document.commands().currentProperty().addListener((o, a, b) -> {
            DiagramIndex idx = document.index();
            selection.removeIf(id -> !idx.contains(id));
        });
        document.diagramProperty().addListener(o -> selection.clear());
    }

    public DiagramDocument document() { return document; }

    public DiagramIndex index() { return document.index(); }

    public Modeling modeling() { return document.modeling(); }

    public ObservableSet<String> selection() { return selection; }

    public StringProperty statusProperty() { return status; }

    public ObjectProperty<Theme> themeProperty() { return theme; }

    public ObservableList<Problem> problems() { return problems; }

    /** Runs an edit; a rule violation is shown in the status bar instead of changing anything. */
    public boolean run(Command c) {
        try {
            boolean done = document.execute(c);
            if (done) status.set(c.description());
            return done;
        } catch (ModelingException e) {
            status.set(e.getMessage());
            return false;
        }
    }

    /** Runs the edit the supplier builds; the supplier itself may refuse with a ModelingException. */
    public boolean run(java.util.function.Supplier<Command> edit) {
        try {
            return run(edit.get());
        } catch (ModelingException e) {
            status.set(e.getMessage());
            return false;
        }
    }

    public void select(String id) {
        selection.clear();
        if (id != null) selection.add(id);
    }

    public void selectAll() {
        selection.clear();
        for (DiagramElement de : index().diagramElements()) {
            Object e = index().element(de.elementRef());
            if (e != null && !(e instanceof Collaboration.Participant) && !(e instanceof Lane)) selection.add(de.elementRef());
        }
    }

    public List<String> selected() { return List.copyOf(selection); }

    /** Creates an element centred on a point and selects it; returns its id, or null when the rules refused. */
    public String create(ElementType type, double x, double y) {
        return createAndSelect(() -> modeling().create(index(), type, x, y));
    }

    /** Appends an element after the source, connected to it, and selects it; returns its id, or null when the rules refused. */
    public String append(String sourceId, ElementType type) {
        return createAndSelect(() -> modeling().append(index(), sourceId, type));
    }

    private String createAndSelect(Supplier<Modeling.Created> creation) {
        try {
            Modeling.Created c = creation.get();
            if (!run(c.command())) return null;
            select(c.id());
            return c.id();
        } catch (ModelingException e) {
            status.set(e.getMessage());
            return null;
        }
    }

    public String connect(String source, String target) {
        try {
            Modeling.Created c = modeling().connect(index(), source, target);
            return run(c.command()) ? c.id() : null;
        } catch (ModelingException e) {
            status.set(e.getMessage());
            return null;
        }
    }

    public void deleteSelection() {
        if (selection.isEmpty()) return;
        List<String> ids = selected();
        run(() -> modeling().delete(index(), ids));
    }

    public void moveSelection(double dx, double dy) {
        if (selection.isEmpty()) return;
        List<String> ids = selected();
        run(() -> modeling().move(index(), ids, dx, dy));
    }

    public void rename(String id, String name) {
        run(() -> modeling().rename(index(), id, name));
    }

    public void changeType(String id, ElementType type) {
        run(() -> modeling().changeType(index(), id, type));
    }

    public void copy() {
        if (selection.isEmpty()) return;
        clipboard = modeling().copy(index(), selected());
        pasteCount = 0;
        status.set("Copied " + clipboard.elements().size() + " element(s)");
    }

    public void cut() {
        if (selection.isEmpty()) return;
        copy();
        List<String> ids = selected();
        run(() -> {
            Command del = modeling().delete(index(), ids);
            return Command.compound("Cut " + (ids.size() == 1 ? Modeling.describe(index(), ids.get(0)) : ids.size() + " elements"), List.of(del));
        });
    }

    public void paste() {
        if (clipboard == null || clipboard.isEmpty()) {
            status.set("Nothing to paste.");
            return;
        }
        pasteCount++;
        pasteShifted(clipboard, 30 * pasteCount, 30 * pasteCount, "Paste " + clipboard.elements().size() + " element(s)");
    }

    public void duplicate() {
        if (selection.isEmpty()) return;
        Modeling.Clipboard clip = modeling().copy(index(), selected());
        pasteShifted(clip, 30, 30, "Duplicate " + clip.elements().size() + " element(s)");
    }

    private void pasteShifted(Modeling.Clipboard clip, double dx, double dy, String description) {
        try {
            Modeling.Pasted p = modeling().paste(index(), clip, dx, dy, description);
            if (run(p.command())) {
                selection.clear();
                selection.addAll(p.ids().stream().filter(index()::contains).toList());
            }
        } catch (ModelingException e) {
            status.set(e.getMessage());
        }
    }

    public void align(Modeling.Alignment how) {
        List<String> ids = selected();
        run(() -> modeling().align(index(), ids, how));
    }

    public void distribute(boolean horizontally) {
        List<String> ids = selected();
        run(() -> modeling().distribute(index(), ids, horizontally));
    }

    public void undo() {
        if (document.commands().canUndo()) {
            String what = document.commands().undoDescriptionProperty().get();
            document.commands().undo();
            status.set("Undid " + what);
        }
    }

    public void redo() {
        if (document.commands().canRedo()) {
            String what = document.commands().redoDescriptionProperty().get();
            document.commands().redo();
            status.set("Redid " + what);
        }
    }

    /** Ids whose name or id contains the text, in diagram order. */
    public List<String> search(String text) {
        String q = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        if (q.isEmpty()) return List.of();
        List<String> hits = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (DiagramElement de : index().diagramElements()) {
            String id = de.elementRef();
            Object e = index().element(id);
            if (e == null || !seen.add(id)) continue;
            String name = dev.baton.designer.model.Elements.name(e);
            if (id.toLowerCase(java.util.Locale.ROOT).contains(q) || (name != null && name.toLowerCase(java.util.Locale.ROOT).contains(q))) hits.add(id);
        }
        return hits;
    }

    /** The bounds of what is selected, or null. */
    public Bounds selectionBounds() {
        Bounds u = null;
        for (String id : selection) {
            Bounds b = index().bounds(id);
            if (b == null && index().edge(id) != null) b = dev.baton.designer.render.BpmnRenderer.edgeBounds(index().edge(id));
            if (b != null) u = u == null ? b : u.union(b);
        }
        return u;
    }
}
