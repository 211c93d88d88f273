package dev.baton.designer.ui;

import dev.baton.designer.io.BpmnFiles;
import dev.baton.designer.model.DiagramIndex;
import dev.baton.model.Definitions;
import dev.baton.model.Documentation;
import dev.baton.model.FlowElement;
import dev.baton.model.SequenceFlow;
import dev.baton.model.Task;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;
import javafx.geometry.Point2D;
import javafx.scene.control.ButtonBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** Given the designer on a headless screen, when an analyst draws with the mouse, then the saved file reads back equal. */
@ExtendWith(ApplicationExtension.class)
public class DesignerGuiTest {

    private MainWindow window;
    private Preferences prefs;

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("baton-designer-test-" + System.nanoTime());
        prefs.putDouble("width", 1200);
        prefs.putDouble("height", 800);
        window = new MainWindow(stage, prefs);
        window.setSavePrompt(title -> ButtonBar.ButtonData.NO);
        window.setDialogsEnabled(false);
        window.newDiagram();
        stage.show();
    }

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
    }

    private DiagramCanvas canvas() { return window.current().canvas(); }

    private Editor editor() { return window.current().editor(); }

    private Point2D screen(double wx, double wy) {
        Point p = canvas().view().toScreen(wx, wy);
        return canvas().localToScreen(p.x(), p.y());
    }

    private Point2D center(String id) {
        Bounds b = editor().index().bounds(id);
        return screen(b.centerX(), b.centerY());
    }

    private static void settle() { WaitForAsyncUtils.waitForFxEvents(); }

    @Test
    void drawAProcessWithTheMouseSaveAndReadItBackEqual(FxRobot robot, @TempDir Path dir) throws Exception {
        settle();
        // palette: click the task tool, then click the canvas
        robot.clickOn("#palette-task");
        robot.clickOn(screen(400, 180));
        settle();
        String task = editor().selection().iterator().next();
        assertThat(editor().index().element(task)).isInstanceOf(Task.class);

        // connect the start event to the task with the context pad
        robot.clickOn(center("StartEvent_1"));
        robot.clickOn("#pad-connect");
        robot.clickOn(center(task));
        settle();
        assertThat(editor().index().connectionsOf(task)).hasSize(1);

        // label in place: double click, type, Enter
        robot.doubleClickOn(center(task), MouseButton.PRIMARY);
        settle();
        // on a loaded machine the two clicks can arrive too far apart to count as one double click: try once more
        if (!robot.lookup("#label-editor").query().isVisible()) {
            robot.doubleClickOn(center(task), MouseButton.PRIMARY);
            settle();
        }
        assertThat(robot.lookup("#label-editor").query().isVisible()).isTrue();
        robot.write("Check order");
        robot.type(KeyCode.ENTER);
        settle();
        assertThat(((Task) editor().index().element(task)).name()).isEqualTo("Check order");

        // properties panel: documentation, committed when the field loses the focus
        robot.clickOn(center(task));
        robot.clickOn("#prop-documentation");
        robot.write("Looks at the order lines.");
        robot.clickOn(canvas().localToScreen(20, 20));
        settle();
        assertThat(editor().index().flowElement(task).orElseThrow().documentation())
                .extracting(Documentation::text).containsExactly("Looks at the order lines.");

        // append an end event from the context pad
        robot.clickOn(center(task));
        robot.clickOn("#pad-append-end-event");
        settle();
        assertThat(editor().index().connectionsOf(task)).hasSize(2);
        assertThat(window.current().getText()).startsWith("* ");
        assertThat(window.menuItem(Action.UNDO).getText()).isEqualTo("Undo Append end event");

        Path file = dir.resolve("order.bpmn");
        robot.interact(() -> assertThat(window.saveTo(window.current(), file)).isTrue());
        assertThat(window.current().getText()).isEqualTo("order.bpmn");

        Definitions drawn = editor().document().definitions();
        Definitions read = new BpmnFiles().open(file).definitions();
        assertThat(summary(read)).isEqualTo(summary(drawn));
        assertThat(geometry(read)).isEqualTo(geometry(drawn));
        assertThat(window.recentFiles()).contains(file.toAbsolutePath().normalize().toString());
    }

    @Test
    void movingThreeElementsIsOneUndoableEditNamedInTheMenu(FxRobot robot) {
        settle();
        robot.interact(() -> {
            String a = editor().append("StartEvent_1", dev.baton.designer.model.ElementType.TASK);
            editor().append(a, dev.baton.designer.model.ElementType.END_EVENT);
            editor().selectAll();
        });
        settle();
        Bounds before = editor().index().bounds("StartEvent_1");
        robot.drag(center("StartEvent_1")).moveBy(60, 80).release(MouseButton.PRIMARY);
        settle();
        Bounds after = editor().index().bounds("StartEvent_1");
        assertThat(after.y()).isGreaterThan(before.y() + 40);
        assertThat(window.menuItem(Action.UNDO).getText()).isEqualTo("Undo Move 3 elements");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        settle();
        assertThat(editor().index().bounds("StartEvent_1")).isEqualTo(before);
        assertThat(window.menuItem(Action.REDO).getText()).isEqualTo("Redo Move 3 elements");
    }

    @Test
    void aBadExpressionShowsItsErrorAtTheField(FxRobot robot) {
        settle();
        robot.interact(() -> {
            String gw = editor().append("StartEvent_1", dev.baton.designer.model.ElementType.EXCLUSIVE_GATEWAY);
            String t = editor().append(gw, dev.baton.designer.model.ElementType.TASK);
            String flow = editor().index().connectionsOf(t).get(0);
            editor().select(flow);
        });
        settle();
        robot.clickOn("#prop-condition").write("${amount > (10}");
        settle();
        javafx.scene.control.Label error = robot.lookup("#prop-condition-error").queryAs(javafx.scene.control.Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("'(' not closed");
    }

    @Test
    void theShortcutsHelpListsEveryActionWithAKey() {
        List<String[]> rows = MainWindow.shortcutRows();
        for (Action a : Action.values()) {
            if (a.keyText().isEmpty()) continue;
            assertThat(rows).anySatisfy(r -> assertThat(r[0]).isEqualTo(a.text()));
        }
        assertThat(rows).anySatisfy(r -> assertThat(r[1]).contains("Space + drag"));
    }

    @Test
    void problemsAreComputedAndClickingOneSelectsItsElement(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> editor().append("StartEvent_1", dev.baton.designer.model.ElementType.TASK));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.current().problemsPanel().isCurrent() && !editor().problems().isEmpty());
        var table = robot.lookup("#problems-table").queryTableView();
        String element = editor().problems().get(0).elementId();
        robot.interact(() -> table.getSelectionModel().select(0));
        settle();
        if (element != null) assertThat(editor().selection()).containsExactly(element);
    }

    /** What a reader of the process cares about: each element's type, name, documentation and flow ends. */
    public static Map<String, String> summary(Definitions d) {
        Map<String, String> out = new TreeMap<>();
        d.allFlowElements().forEach((FlowElement e) -> out.put(e.id(), e.getClass().getSimpleName() + "|" + e.name() + "|"
                + e.documentation().stream().map(Documentation::text).toList()
                + (e instanceof SequenceFlow f ? "|" + f.sourceRef() + "->" + f.targetRef() : "")
                + (e instanceof Task t ? "|" + t.kind() : "")));
        return out;
    }

    public static Map<String, String> geometry(Definitions d) {
        Map<String, String> out = new TreeMap<>();
        DiagramIndex idx = new DiagramIndex(d);
        for (var de : idx.diagramElements()) {
            String key = de.elementRef() + "|" + de.id();
            if (de instanceof Shape s) out.put(key, s.bounds().toString());
            else if (de instanceof dev.baton.model.di.Edge e) out.put(key, e.waypoints().toString());
        }
        return out;
    }

    @Test
    void keyboardShortcutsCopyPasteDeleteAndUndo(FxRobot robot) {
        settle();
        String[] task = new String[1];
        robot.interact(() -> task[0] = editor().append("StartEvent_1", dev.baton.designer.model.ElementType.TASK));
        settle();
        robot.clickOn(center(task[0]));
        robot.press(KeyCode.CONTROL).type(KeyCode.C).type(KeyCode.V).release(KeyCode.CONTROL);
        settle();
        String copy = editor().selection().iterator().next();
        assertThat(copy).isNotEqualTo(task[0]);
        assertThat(editor().index().bounds(copy)).isEqualTo(editor().index().bounds(task[0]).translate(30, 30));
        robot.type(KeyCode.DELETE);
        settle();
        assertThat(editor().index().contains(copy)).isFalse();
        assertThat(window.menuItem(Action.UNDO).getText()).startsWith("Undo Delete");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        settle();
        assertThat(editor().index().contains(copy)).isTrue();
        // search by name selects and shows the element
        robot.interact(() -> editor().rename(task[0], "Check stock"));
        robot.clickOn("#search").write("stock").type(KeyCode.ENTER);
        settle();
        assertThat(editor().selection()).containsExactly(task[0]);
    }

    @Test
    void closingAChangedDiagramAsksFirst(FxRobot robot) {
        settle();
        robot.interact(() -> editor().append("StartEvent_1", dev.baton.designer.model.ElementType.TASK));
        List<String> asked = new java.util.ArrayList<>();
        window.setSavePrompt(title -> {
            asked.add(title);
            return ButtonBar.ButtonData.CANCEL_CLOSE;
        });
        robot.interact(() -> window.perform(Action.CLOSE_TAB));
        assertThat(asked).containsExactly("New diagram");
        assertThat(window.editors()).hasSize(1);
        window.setSavePrompt(title -> ButtonBar.ButtonData.NO);
        robot.interact(() -> window.perform(Action.CLOSE_TAB));
        assertThat(window.editors()).isEmpty();
    }

    @Test
    void exportsPictureFilesAndRemembersTheTheme(FxRobot robot, @TempDir Path dir) throws Exception {
        settle();
        robot.interact(() -> editor().append("StartEvent_1", dev.baton.designer.model.ElementType.SERVICE_TASK));
        robot.interact(() -> window.perform(Action.TOGGLE_THEME));
        assertThat(editor().themeProperty().get()).isEqualTo(dev.baton.designer.render.Theme.DARK);
        assertThat(prefs.get("theme", "")).isEqualTo("dark");
        assertThat(window.menuItem(Action.TOGGLE_THEME).getText()).isEqualTo("Light theme");
        robot.interact(() -> {
            assertThat(window.exportTo(window.current(), dir.resolve("d.png"))).isTrue();
            assertThat(window.exportTo(window.current(), dir.resolve("d.svg"))).isTrue();
        });
        assertThat(javax.imageio.ImageIO.read(dir.resolve("d.png").toFile()).getWidth()).isGreaterThan(200);
        assertThat(java.nio.file.Files.readString(dir.resolve("d.svg"))).contains("<svg").contains("#0d1117");
    }

    @Test
    void draggingAFlowsEndOntoAnotherTaskReconnectsIt(FxRobot robot) {
        settle();
        String[] ids = new String[2];
        robot.interact(() -> {
            ids[0] = editor().append("StartEvent_1", dev.baton.designer.model.ElementType.TASK);
            ids[1] = editor().create(dev.baton.designer.model.ElementType.TASK, 400, 330);
        });
        settle();
        String flow = editor().index().connectionsOf(ids[0]).get(0);
        List<Point> wp = editor().index().edge(flow).waypoints();
        Point mid = dev.baton.designer.model.Di.midpoint(wp);
        robot.clickOn(screen(mid.x(), mid.y()));
        settle();
        assertThat(editor().selection()).containsExactly(flow);
        Point last = wp.get(wp.size() - 1);
        robot.drag(screen(last.x(), last.y())).dropTo(center(ids[1]));
        settle();
        assertThat(((SequenceFlow) editor().index().element(flow)).targetRef()).isEqualTo(ids[1]);
        assertThat(window.menuItem(Action.UNDO).getText()).startsWith("Undo Reconnect");
    }

    @Test
    void draggingASelectedFlowsSegmentAddsABendpoint(FxRobot robot) {
        settle();
        String[] ids = new String[1];
        robot.interact(() -> ids[0] = editor().append("StartEvent_1", dev.baton.designer.model.ElementType.TASK));
        settle();
        String flow = editor().index().connectionsOf(ids[0]).get(0);
        List<Point> before = editor().index().edge(flow).waypoints();
        Point mid = dev.baton.designer.model.Di.midpoint(before);
        robot.clickOn(screen(mid.x(), mid.y()));
        robot.drag(screen(mid.x(), mid.y())).dropTo(screen(mid.x(), mid.y() + 60));
        settle();
        List<Point> after = editor().index().edge(flow).waypoints();
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.get(1).y()).isGreaterThan(mid.y() + 40);
        assertThat(window.menuItem(Action.UNDO).getText()).startsWith("Undo Move bendpoint");
    }
}
