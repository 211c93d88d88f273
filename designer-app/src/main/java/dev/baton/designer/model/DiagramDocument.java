package dev.baton.designer.model;

import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.FlowContent;
import dev.baton.model.Process;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Diagram;
import dev.baton.model.di.Plane;
import dev.baton.model.di.Shape;

import java.nio.file.Path;
import java.util.List;

/**
 * One open diagram: the document's current state (semantics and geometry), the command stack that changes it,
 * and the file it came from. The UI reads state from here and changes it only through commands.
 */
public final class DiagramDocument {

    private final CommandStack stack;
    private final javafx.beans.property.IntegerProperty diagram = new javafx.beans.property.SimpleIntegerProperty(this, "diagram", 0);
    private Modeling modeling;
    private Path file;
    private DiagramIndex index;

    public DiagramDocument(Definitions definitions, Path file) {
        this.stack = new CommandStack(definitions);
        this.modeling = new Modeling(0);
        this.file = file;
    }

    /** A new document: one process with a start event, as Camunda Modeler starts. */
    public static DiagramDocument blank() {
        Event start = Event.of("StartEvent_1", null, ElementKind.START_EVENT, null);
        Process p = new Process("Process_1", null, true, null, false, new FlowContent(List.of(start), null, null), null, null);
        Plane plane = new Plane("BPMNPlane_1", "Process_1", List.of(Shape.of("StartEvent_1_di", "StartEvent_1",
                new Bounds(180, 160, 36, 36))), null);
        Diagram dia = new Diagram("BPMNDiagram_1", null, null, null, plane, null, null);
        Definitions d = Definitions.of("Definitions_1", List.of(p), List.of(dia));
        return new DiagramDocument(d, null);
    }

    public Definitions definitions() { return stack.current(); }

    /** Lookups over the current state, rebuilt when the state changes. */
    public DiagramIndex index() {
        Definitions d = stack.current();
        if (index == null || index.definitions() != d || index.diagramIndex() != diagram.get()) index = new DiagramIndex(d, diagram.get());
        return index;
    }

    public CommandStack commands() { return stack; }

    public Modeling modeling() { return modeling; }

    /** Runs an edit; false when it changed nothing. */
    public boolean execute(Command c) { return stack.execute(c); }

    public Path file() { return file; }

    public void setFile(Path file) { this.file = file; }

    public int diagramIndex() { return diagram.get(); }

    /** Which of the file's diagrams is shown and edited (files may hold several BPMNDiagram elements). */
    public javafx.beans.property.ReadOnlyIntegerProperty diagramProperty() { return diagram; }

    public void showDiagram(int i) {
        if (i < 0 || i >= Math.max(1, definitions().diagrams().size())) throw new IllegalArgumentException("no diagram " + (i + 1));
        modeling = new Modeling(i);
        diagram.set(i);
    }

    /** "Name" or id of each diagram, for the diagram chooser. */
    public java.util.List<String> diagramNames() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (var d : definitions().diagrams()) out.add(d.name() != null && !d.name().isBlank() ? d.name() : d.id());
        return out;
    }

    /** The tab title: the file name, or "New diagram". */
    private String name;

    /** A name for a document without a file (a definition fetched from an engine). */
    public void setName(String name) { this.name = name; }

    public String title() {
        if (file == null) return name != null ? name : "New diagram";
        return file.getFileName().toString();
    }
}
