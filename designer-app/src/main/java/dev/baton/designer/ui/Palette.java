package dev.baton.designer.ui;

import dev.baton.designer.model.DiagramIndex;
import dev.baton.designer.model.ElementType;
import dev.baton.designer.render.BpmnRenderer;
import dev.baton.designer.render.FxPainter;
import dev.baton.designer.render.Theme;
import dev.baton.model.Collaboration;
import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.Process;
import dev.baton.model.RootElement;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Diagram;
import dev.baton.model.di.Plane;
import dev.baton.model.di.Shape;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.List;

/** Tools and element types; click one then click the canvas, or drag it onto the canvas. Icons are drawn by the renderers. */
public final class Palette extends VBox {

    private final DiagramCanvas canvas;

    public Palette(DiagramCanvas canvas) {
        this.canvas = canvas;
        getStyleClass().add("palette");
        setSpacing(4);
        setPrefWidth(92);
        FlowPane tools = new FlowPane(2, 2);
        tools.getChildren().addAll(
                tool("Lasso: select by dragging a frame (or Shift+drag)", "mdi2s-selection-drag", "palette-lasso",
                        () -> canvas.setTool(DiagramCanvas.Tool.LASSO, null)),
                tool("Space tool: drag right to make room, left to remove it", "mdi2a-arrow-expand-horizontal", "palette-space",
                        () -> canvas.setTool(DiagramCanvas.Tool.SPACE, null)),
                tool("Connect: click the source, then the target", "mdi2v-vector-polyline", "palette-connect",
                        () -> canvas.setTool(DiagramCanvas.Tool.CONNECT, null)));
        FlowPane types = new FlowPane(2, 2);
        for (ElementType t : ElementType.palette()) types.getChildren().add(typeButton(t, canvas.editor().themeProperty().get()));
        canvas.editor().themeProperty().addListener((o, a, b) -> {
            types.getChildren().clear();
            for (ElementType t : ElementType.palette()) types.getChildren().add(typeButton(t, b));
        });
        getChildren().addAll(tools, new Separator(), types);
    }

    private Button tool(String tip, String icon, String id, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.getStyleClass().add("palette-button");
        b.setOnAction(e -> {
            action.run();
            canvas.requestFocus();
        });
        return b;
    }

    private Button typeButton(ElementType t, Theme theme) {
        Button b = new Button(null, icon(t, theme));
        b.setId("palette-" + t.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        b.setTooltip(new Tooltip("Create " + t.label().toLowerCase(java.util.Locale.ROOT) + " (click, then click the canvas; or drag)"));
        b.getStyleClass().add("palette-button");
        b.setOnAction(e -> {
            canvas.setTool(DiagramCanvas.Tool.CREATE, t);
            canvas.editor().statusProperty().set("Click on the canvas to place the " + t.label().toLowerCase(java.util.Locale.ROOT));
            canvas.requestFocus();
        });
        b.setOnDragDetected(e -> {
            Dragboard db = b.startDragAndDrop(TransferMode.COPY);
            ClipboardContent c = new ClipboardContent();
            c.putString("baton:" + t.name());
            db.setContent(c);
            e.consume();
        });
        return b;
    }

    /** A small picture of the element type drawn by the real renderer. */
    static Canvas icon(ElementType t, Theme theme) {
        Canvas c = new Canvas(30, 30);
        Bounds size = iconSize(t);
        double scale = Math.min(26 / size.width(), 26 / size.height());
        var g = c.getGraphicsContext2D();
        g.translate(15, 15);
        g.scale(scale, scale);
        g.translate(-size.width() / 2, -size.height() / 2);
        Definitions sample = sample(t, size);
        new BpmnRenderer().render(new FxPainter(g), new DiagramIndex(sample), theme, null);
        return c;
    }

    /** Shapes shrunk for the palette so that type icons and markers (drawn at fixed size) stay visible. */
    private static Bounds iconSize(ElementType t) {
        if (t == ElementType.POOL) return new Bounds(0, 0, 60, 36);
        if (t == ElementType.GROUP || t == ElementType.TEXT_ANNOTATION) return new Bounds(0, 0, 40, 32);
        if (t.kind() != null && (t.kind().isTask() || t.kind().isSubProcess() || t.kind() == ElementKind.CALL_ACTIVITY)) return new Bounds(0, 0, 44, 34);
        return t.defaultSize();
    }

    private static Definitions sample(ElementType t, Bounds size) {
        String id = "sample";
        RootElement root;
        Object element;
        if (t == ElementType.POOL) {
            root = new Collaboration("c", null, false, List.of(new Collaboration.Participant(id, null, "p", null, null)), null, null, null, null);
            Process p = Process.of("p", null, null);
            Plane plane = new Plane("pl", "c", List.of(Shape.of("s", id, size)), null);
            return Definitions.of("d", List.of(root, p), List.of(new Diagram("dia", null, null, null, plane, null, null)));
        }
        if (t.isFlowNode()) {
            element = t.kind() == ElementKind.BOUNDARY_EVENT
                    ? new dev.baton.model.Event(id, null, ElementKind.INTERMEDIATE_CATCH_EVENT,
                    ((dev.baton.model.Event) t.createNode(id, null, "x")).eventDefinitions(), true, null, false, null, null, null, null, null, null)
                    : t.createNode(id, null, null);
        } else if (t == ElementType.DATA_OBJECT) {
            element = new dev.baton.model.DataObjectReference(id, null, null, null, null, null);
        } else if (t == ElementType.DATA_STORE) {
            element = new dev.baton.model.DataStoreReference(id, null, null, null, null, null);
        } else if (t == ElementType.TEXT_ANNOTATION) {
            element = new dev.baton.model.Artifact.TextAnnotation(id, "Text", null, null, null);
        } else {
            element = new dev.baton.model.Artifact.Group(id, null, null, null);
        }
        FlowContent content = element instanceof FlowElement fe ? new FlowContent(List.of(fe), null, null)
                : new FlowContent(null, List.of((dev.baton.model.Artifact) element), null);
        Shape s = Shape.of("s", id, size);
        if (t.kind() != null && t.kind().isSubProcess()) s = s.withExpanded(t.expanded());
        if (t == ElementType.EXCLUSIVE_GATEWAY) s = new Shape("s", id, size, null, null, true, null, null, null, null, null);
        Plane plane = new Plane("pl", "p", List.of(s), null);
        return Definitions.of("d", List.of(Process.of("p", null, content)), List.of(new Diagram("dia", null, null, null, plane, null, null)));
    }
}
