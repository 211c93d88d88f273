package dev.baton.designer.ui;

import dev.baton.designer.model.ElementType;
import dev.baton.designer.model.Modeling;
import dev.baton.designer.render.Theme;
import dev.baton.model.Collaboration;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.FlowNode;
import dev.baton.model.Lane;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Point;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.TilePane;

import java.util.List;

/** Buttons beside the selected element: append, connect, change type, delete. */
final class ContextPad extends TilePane {

    private final DiagramCanvas canvas;
    private final LabelEditor labels;

    ContextPad(DiagramCanvas canvas, LabelEditor labels) {
        this.canvas = canvas;
        this.labels = labels;
        setId("context-pad");
        getStyleClass().add("context-pad");
        setPrefColumns(3);
        setHgap(2);
        setVgap(2);
        setVisible(false);
        setManaged(false);
    }

    void update() {
        Editor ed = canvas.editor();
        getChildren().clear();
        if (ed.selection().size() != 1 || labels.isEditing()) {
            setVisible(false);
            return;
        }
        String id = ed.selection().iterator().next();
        Object e = ed.index().element(id);
        Bounds b = ed.index().bounds(id);
        if (b == null || e == null) {
            setVisible(false);
            return;
        }
        Theme theme = ed.themeProperty().get();
        boolean canAppend = e instanceof FlowNode n && n.kind() != ElementKind.END_EVENT;
        if (canAppend) {
            getChildren().add(append(id, ElementType.TASK, theme));
            getChildren().add(append(id, ElementType.EXCLUSIVE_GATEWAY, theme));
            getChildren().add(append(id, ElementType.INTERMEDIATE_THROW_EVENT, theme));
            getChildren().add(append(id, ElementType.END_EVENT, theme));
        }
        if (e instanceof Collaboration.Participant p && p.processRef() != null) {
            getChildren().add(button("pad-add-lane", "Add lane", Icons.of("mdi2t-table-row-plus-after"),
                    () -> ed.run(() -> ed.modeling().addLane(ed.index(), id))));
        }
        if (!(e instanceof Lane)) getChildren().add(button("pad-connect", "Connect", Icons.of("mdi2v-vector-polyline"), () -> canvas.startConnect(id)));
        if (e instanceof FlowNode || e instanceof dev.baton.model.Artifact.TextAnnotation || e instanceof Collaboration.Participant) {
            getChildren().add(button("pad-edit", "Edit label", Icons.of("mdi2p-pencil-outline"), () -> labels.open(id)));
        }
        List<ElementType> types = ElementType.replacementsFor(e, ed.index().shape(id) != null && !Modeling.isExpanded(ed.index().shape(id)));
        if (!types.isEmpty()) {
            Button change = button("pad-change-type", "Change type", Icons.of("mdi2w-wrench-outline"), null);
            change.setOnAction(x -> {
                ContextMenu menu = new ContextMenu();
                for (ElementType t : types) {
                    MenuItem item = new MenuItem(t.label(), Palette.icon(t, theme));
                    item.setId("type-" + t.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                    item.setOnAction(y -> ed.changeType(id, t));
                    menu.getItems().add(item);
                }
                menu.show(change, javafx.geometry.Side.RIGHT, 0, 0);
            });
            getChildren().add(change);
        }
        getChildren().add(button("pad-delete", "Delete", Icons.of("mdi2d-delete-outline"), ed::deleteSelection));
        Point p = canvas.view().toScreen(b.maxX(), b.y());
        double cols = Math.min(3, getChildren().size());
        setPrefColumns((int) cols);
        relocate(p.x() + 8, p.y() - 4);
        resize(cols * 30 + (cols - 1) * 2, Math.ceil(getChildren().size() / cols) * 32);
        setVisible(true);
    }

    private Button append(String id, ElementType t, Theme theme) {
        Button b = button("pad-append-" + t.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                "Append " + t.label().toLowerCase(java.util.Locale.ROOT), Palette.icon(t, theme), () -> canvas.editor().append(id, t));
        return b;
    }

    private Button button(String id, String tip, javafx.scene.Node graphic, Runnable action) {
        Button b = new Button(null, graphic);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.getStyleClass().addAll("context-pad-button", "flat");
        b.setPrefSize(30, 30);
        b.setMinSize(30, 30);
        if (action != null) b.setOnAction(e -> {
            action.run();
            if (!"pad-edit".equals(id)) canvas.requestFocus();
        });
        return b;
    }
}
