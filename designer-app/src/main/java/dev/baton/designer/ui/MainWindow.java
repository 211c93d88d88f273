package dev.baton.designer.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.baton.bpmn.read.BpmnReadException;
import dev.baton.designer.io.BpmnFiles;
import dev.baton.designer.model.DiagramDocument;
import dev.baton.designer.model.Modeling;
import dev.baton.designer.render.DiagramExport;
import dev.baton.designer.render.Theme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * The designer window: menu and toolbar built from the same actions, one tab per diagram, a status bar. Window
 * size, recent files and the theme are remembered between runs.
 */
public final class MainWindow {

    /** Asks the user whether to save changes: YES save, NO discard, CANCEL keep the diagram open. */
    public interface SavePrompt {
        ButtonBar.ButtonData ask(String title);
    }

    private static final int RECENT_MAX = 8;

    private final Stage stage;
    private final Preferences prefs;
    private final BpmnFiles files = new BpmnFiles();
    private final TabPane tabs = new TabPane();
    private final Label status = new Label("Ready");
    private final HBox statusRight = new HBox();
    private MenuBar menus;
    private final Menu recentMenu = new Menu("Open recent");
    private final Map<Action, MenuItem> items = new EnumMap<>(Action.class);
    private final TextField search = new TextField();
    private Theme theme;
    private SavePrompt prompt = this::askSave;
    private boolean dialogs = !Boolean.getBoolean("baton.noDialogs");
    private List<String> lastHits = List.of();
    private int lastHit = -1;

    public MainWindow(Stage stage, Preferences prefs) {
        this.stage = stage;
        this.prefs = prefs;
        this.theme = Theme.named(prefs.get("theme", "light"));
        applyTheme();
        BorderPane root = new BorderPane();
        menus = menuBar();
        root.setTop(new VBox(menus, toolBar()));
        tabs.setId("diagram-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        root.setCenter(tabs);
        status.setId("status");
        HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(status, statusRight);
        statusRight.setSpacing(8);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        root.setBottom(bar);
        Scene scene = new Scene(root, prefs.getDouble("width", 1400), prefs.getDouble("height", 900));
        scene.getStylesheets().add(MainWindow.class.getResource("/dev/baton/designer/designer.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::canvasKeys);
        stage.setScene(scene);
        stage.setTitle("Baton Designer");
        double x = prefs.getDouble("x", Double.NaN), y = prefs.getDouble("y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(prefs.getBoolean("maximized", false));
        stage.setOnCloseRequest(e -> {
            if (!closeAll()) e.consume();
            else rememberWindow();
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            updateTitle();
            bindStatus();
        });
        refreshRecent();
    }

    // ---------------------------------------------------------------- menus and toolbar from actions

    private MenuBar menuBar() {
        Menu file = new Menu("File", null, item(Action.NEW), item(Action.OPEN), recentMenu, new SeparatorMenuItem(), item(Action.SAVE),
                item(Action.SAVE_AS), new SeparatorMenuItem(), item(Action.EXPORT_PNG), item(Action.EXPORT_SVG), new SeparatorMenuItem(),
                item(Action.CLOSE_TAB));
        Menu edit = new Menu("Edit", null, item(Action.UNDO), item(Action.REDO), new SeparatorMenuItem(), item(Action.CUT), item(Action.COPY),
                item(Action.PASTE), item(Action.DUPLICATE), item(Action.DELETE), new SeparatorMenuItem(), item(Action.SELECT_ALL),
                item(Action.EDIT_LABEL), item(Action.FIND));
        Menu arrange = new Menu("Arrange", null, item(Action.ALIGN_LEFT), item(Action.ALIGN_CENTER), item(Action.ALIGN_RIGHT),
                item(Action.ALIGN_TOP), item(Action.ALIGN_MIDDLE), item(Action.ALIGN_BOTTOM), new SeparatorMenuItem(), item(Action.DISTRIBUTE_H),
                item(Action.DISTRIBUTE_V), new SeparatorMenuItem(), item(Action.CONNECT), item(Action.LASSO), item(Action.SPACE_TOOL));
        Menu view = new Menu("View", null, item(Action.ZOOM_IN), item(Action.ZOOM_OUT), item(Action.ZOOM_RESET), item(Action.ZOOM_FIT),
                new SeparatorMenuItem(), item(Action.TOGGLE_THEME));
        Menu help = new Menu("Help", null, item(Action.SHORTCUTS));
        MenuBar bar = new MenuBar(file, edit, arrange, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private MenuItem item(Action a) {
        MenuItem m = new MenuItem(a.text(), Icons.of(a.icon()));
        m.setId("menu-" + a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (a.key() != null) m.setAccelerator(a.key());
        m.setOnAction(e -> perform(a));
        items.put(a, m);
        return m;
    }

    private ToolBar toolBar() {
        ToolBar bar = new ToolBar();
        bar.setId("tool-bar");
        for (Action a : List.of(Action.NEW, Action.OPEN, Action.SAVE)) bar.getItems().add(tool(a));
        bar.getItems().add(new Separator());
        for (Action a : List.of(Action.UNDO, Action.REDO)) bar.getItems().add(tool(a));
        bar.getItems().add(new Separator());
        for (Action a : List.of(Action.CUT, Action.COPY, Action.PASTE, Action.DELETE)) bar.getItems().add(tool(a));
        bar.getItems().add(new Separator());
        for (Action a : List.of(Action.ALIGN_LEFT, Action.ALIGN_TOP, Action.DISTRIBUTE_H, Action.DISTRIBUTE_V)) bar.getItems().add(tool(a));
        bar.getItems().add(new Separator());
        for (Action a : List.of(Action.ZOOM_OUT, Action.ZOOM_IN, Action.ZOOM_FIT)) bar.getItems().add(tool(a));
        HBox grow = new HBox();
        HBox.setHgrow(grow, Priority.ALWAYS);
        search.setId("search");
        search.setPromptText("Find by name or id (" + Action.FIND.keyText() + ")");
        search.setPrefColumnCount(18);
        search.setOnAction(e -> findNext());
        bar.getItems().addAll(grow, search, tool(Action.TOGGLE_THEME), tool(Action.SHORTCUTS));
        return bar;
    }

    private Button tool(Action a) {
        Button b = new Button(null, Icons.of(a.icon()));
        b.setId("tool-" + a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        b.setTooltip(new Tooltip(a.text() + (a.keyText().isEmpty() ? "" : " (" + a.keyText() + ")")));
        b.getStyleClass().add("flat");
        b.setOnAction(e -> perform(a));
        return b;
    }

    /** Single-letter shortcuts (C, L, S) and F-keys act on the canvas, not while typing in a field. */
    private void canvasKeys(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl) return;
        for (Action a : Action.values()) {
            if (a.isCanvasKey() && !e.isShortcutDown() && !e.isAltDown() && e.getText().equalsIgnoreCase(a.rawKey())) {
                perform(a);
                e.consume();
                return;
            }
        }
        if (e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE && current() != null) {
            perform(Action.DELETE);
            e.consume();
        }
    }

    // ---------------------------------------------------------------- actions

    public void perform(Action a) {
        EditorTab t = current();
        Editor ed = t == null ? null : t.editor();
        switch (a) {
            case NEW -> newDiagram();
            case OPEN -> chooseAndOpen();
            case SAVE -> save(t);
            case SAVE_AS -> saveAs(t);
            case EXPORT_PNG -> export(t, "png");
            case EXPORT_SVG -> export(t, "svg");
            case CLOSE_TAB -> {
                if (t != null && confirmClose(t)) tabs.getTabs().remove(t);
            }
            case TOGGLE_THEME -> setTheme(theme == Theme.DARK ? Theme.LIGHT : Theme.DARK);
            case SHORTCUTS -> showShortcuts();
            case FIND -> search.requestFocus();
            default -> {
                if (ed == null) return;
                switch (a) {
                    case UNDO -> ed.undo();
                    case REDO -> ed.redo();
                    case CUT -> ed.cut();
                    case COPY -> ed.copy();
                    case PASTE -> ed.paste();
                    case DUPLICATE -> ed.duplicate();
                    case DELETE -> ed.deleteSelection();
                    case SELECT_ALL -> ed.selectAll();
                    case EDIT_LABEL -> {
                        if (ed.selection().size() == 1) t.editLabel(ed.selection().iterator().next());
                    }
                    case ALIGN_LEFT -> ed.align(Modeling.Alignment.LEFT);
                    case ALIGN_CENTER -> ed.align(Modeling.Alignment.CENTER);
                    case ALIGN_RIGHT -> ed.align(Modeling.Alignment.RIGHT);
                    case ALIGN_TOP -> ed.align(Modeling.Alignment.TOP);
                    case ALIGN_MIDDLE -> ed.align(Modeling.Alignment.MIDDLE);
                    case ALIGN_BOTTOM -> ed.align(Modeling.Alignment.BOTTOM);
                    case DISTRIBUTE_H -> ed.distribute(true);
                    case DISTRIBUTE_V -> ed.distribute(false);
                    case CONNECT -> {
                        if (ed.selection().size() == 1) t.canvas().startConnect(ed.selection().iterator().next());
                        else t.canvas().setTool(DiagramCanvas.Tool.CONNECT, null);
                    }
                    case LASSO -> t.canvas().setTool(DiagramCanvas.Tool.LASSO, null);
                    case SPACE_TOOL -> t.canvas().setTool(DiagramCanvas.Tool.SPACE, null);
                    case ZOOM_IN -> t.canvas().zoom(1.25);
                    case ZOOM_OUT -> t.canvas().zoom(0.8);
                    case ZOOM_RESET -> t.canvas().zoomReset();
                    case ZOOM_FIT -> t.canvas().fit();
                    default -> { }
                }
            }
        }
    }

    private String undoText(boolean undo) {
        EditorTab t = current();
        if (t == null) return null;
        return undo ? t.editor().document().commands().undoDescriptionProperty().get() : t.editor().document().commands().redoDescriptionProperty().get();
    }

    public EditorTab current() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t instanceof EditorTab e ? e : null;
    }

    public List<EditorTab> editors() {
        List<EditorTab> out = new ArrayList<>();
        for (Tab t : tabs.getTabs()) if (t instanceof EditorTab e) out.add(e);
        return out;
    }

    public EditorTab newDiagram() {
        return addTab(DiagramDocument.blank());
    }

    private EditorTab addTab(DiagramDocument doc) {
        EditorTab tab = new EditorTab(doc, theme);
        tab.setOnCloseRequest(e -> {
            if (!confirmClose(tab)) e.consume();
        });
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        doc.commands().dirtyProperty().addListener(o -> updateTitle());
        updateTitle();
        return tab;
    }

    /** Opens a file in a new tab (or shows the tab it is already open in); null when it could not be read. */
    public EditorTab open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (EditorTab t : editors()) {
            if (abs.equals(t.editor().document().file())) {
                tabs.getSelectionModel().select(t);
                return t;
            }
        }
        try {
            BpmnFiles.Opened opened = files.open(abs);
            EditorTab tab = addTab(new DiagramDocument(opened.definitions(), abs));
            remember(abs);
            long warnings = opened.messages().stream().filter(m -> m.contains(" warning: ") || m.contains(" error: ")).count();
            setStatus("Opened " + abs.getFileName() + (opened.laidOut() ? " (laid out automatically)" : "")
                    + (warnings > 0 ? "; " + warnings + " import warning(s): " + opened.messages().get(0) : ""));
            if (warnings > 0) showMessages("Import warnings for " + abs.getFileName(), opened.messages());
            return tab;
        } catch (BpmnReadException e) {
            error("Cannot open " + abs.getFileName(), e.getMessage());
            return null;
        }
    }

    private void chooseAndOpen() {
        FileChooser fc = chooser("Open BPMN file");
        var f = fc.showOpenDialog(stage);
        if (f != null) open(f.toPath());
    }

    public boolean save(EditorTab t) {
        if (t == null) return false;
        if (t.editor().document().file() == null) return saveAs(t);
        return saveTo(t, t.editor().document().file());
    }

    private boolean saveAs(EditorTab t) {
        if (t == null) return false;
        FileChooser fc = chooser("Save BPMN file");
        fc.setInitialFileName(t.editor().document().file() == null ? "diagram.bpmn" : t.editor().document().file().getFileName().toString());
        var f = fc.showSaveDialog(stage);
        return f != null && saveTo(t, f.toPath());
    }

    /** Writes the diagram to the file, makes it the tab's file and clears the dirty mark. */
    public boolean saveTo(EditorTab t, Path file) {
        try {
            files.save(t.editor().document().definitions(), file);
            t.editor().document().setFile(file.toAbsolutePath().normalize());
            t.editor().document().commands().markSaved();
            t.refreshTitle();
            remember(file.toAbsolutePath().normalize());
            setStatus("Saved " + file.getFileName());
            updateTitle();
            return true;
        } catch (IOException | RuntimeException e) {
            error("Cannot save " + file.getFileName(), e.getMessage());
            return false;
        }
    }

    private void export(EditorTab t, String ext) {
        if (t == null) return;
        FileChooser fc = new FileChooser();
        fc.setTitle("Export " + ext.toUpperCase(java.util.Locale.ROOT));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(java.util.Locale.ROOT), "*." + ext));
        String base = t.editor().document().title().replaceAll("\\.bpmn$", "");
        fc.setInitialFileName(base + "." + ext);
        var f = fc.showSaveDialog(stage);
        if (f != null) exportTo(t, f.toPath());
    }

    public boolean exportTo(EditorTab t, Path out) {
        try {
            DiagramExport.write(t.editor().index(), theme, out, 2);
            setStatus("Exported " + out.getFileName());
            return true;
        } catch (IOException | RuntimeException e) {
            error("Cannot export " + out.getFileName(), e.getMessage());
            return false;
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("BPMN files", "*.bpmn", "*.bpmn20.xml", "*.xml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return fc;
    }

    // ---------------------------------------------------------------- closing and prompting

    public void setSavePrompt(SavePrompt p) { prompt = p; }

    /** Error and warning dialogs on or off (the status bar always shows the message). */
    public void setDialogsEnabled(boolean on) { dialogs = on; }

    private boolean confirmClose(EditorTab t) {
        if (!t.editor().document().commands().isDirty()) return true;
        tabs.getSelectionModel().select(t);
        ButtonBar.ButtonData answer = prompt.ask(t.editor().document().title());
        if (answer == ButtonBar.ButtonData.YES) return save(t);
        return answer == ButtonBar.ButtonData.NO;
    }

    /** Asks about every changed diagram; false when the user cancelled. */
    public boolean closeAll() {
        for (EditorTab t : editors()) if (!confirmClose(t)) return false;
        return true;
    }

    private ButtonBar.ButtonData askSave(String title) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Save the changes to " + title + " before closing?", save, discard, cancel);
        a.setHeaderText(title + " has unsaved changes");
        a.initOwner(stage);
        Optional<ButtonType> r = a.showAndWait();
        return r.map(ButtonType::getButtonData).orElse(ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    private void error(String header, String message) {
        setStatus(header + ": " + message);
        if (!dialogs) return;
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.setHeaderText(header);
        a.initOwner(stage);
        a.show();
    }

    private void showMessages(String header, List<String> messages) {
        if (!dialogs) return;
        Alert a = new Alert(Alert.AlertType.WARNING, String.join("\n", messages.subList(0, Math.min(20, messages.size()))));
        a.setHeaderText(header);
        a.initOwner(stage);
        a.show();
    }

    // ---------------------------------------------------------------- theme, title, status, recent files, search

    public void setTheme(Theme t) {
        theme = t;
        prefs.put("theme", t.name());
        applyTheme();
        for (EditorTab e : editors()) e.editor().themeProperty().set(t);
        if (items.containsKey(Action.TOGGLE_THEME)) items.get(Action.TOGGLE_THEME).setText(t == Theme.DARK ? "Light theme" : "Dark theme");
    }

    public Theme theme() { return theme; }

    private void applyTheme() {
        Application.setUserAgentStylesheet(theme == Theme.DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private void updateTitle() {
        EditorTab t = current();
        String name = t == null ? null : t.editor().document().title();
        boolean dirty = t != null && t.editor().document().commands().isDirty();
        stage.setTitle((name == null ? "" : (dirty ? "* " : "") + name + " - ") + "Baton Designer");
        if (t != null) {
            var cs = t.editor().document().commands();
            MenuItem undo = items.get(Action.UNDO), redo = items.get(Action.REDO);
            undo.textProperty().bind(Bindings.createStringBinding(() -> cs.undoDescriptionProperty().get() == null ? "Undo"
                    : "Undo " + cs.undoDescriptionProperty().get(), cs.undoDescriptionProperty()));
            redo.textProperty().bind(Bindings.createStringBinding(() -> cs.redoDescriptionProperty().get() == null ? "Redo"
                    : "Redo " + cs.redoDescriptionProperty().get(), cs.redoDescriptionProperty()));
            undo.disableProperty().bind(cs.undoDescriptionProperty().isNull());
            redo.disableProperty().bind(cs.redoDescriptionProperty().isNull());
        }
    }

    private void bindStatus() {
        EditorTab t = current();
        status.textProperty().unbind();
        if (t != null) status.textProperty().bind(t.editor().statusProperty());
    }

    private void setStatus(String s) {
        EditorTab t = current();
        if (t != null) t.editor().statusProperty().set(s);
        else {
            status.textProperty().unbind();
            status.setText(s);
        }
    }

    public String statusText() { return status.getText(); }

    public MenuItem menuItem(Action a) { return items.get(a); }

    private void remember(Path file) {
        List<String> recent = recentFiles();
        recent.remove(file.toString());
        recent.add(0, file.toString());
        while (recent.size() > RECENT_MAX) recent.remove(recent.size() - 1);
        prefs.put("recent", String.join("\n", recent));
        refreshRecent();
    }

    public List<String> recentFiles() {
        String s = prefs.get("recent", "");
        List<String> out = new ArrayList<>();
        for (String line : s.split("\n")) if (!line.isBlank()) out.add(line);
        return out;
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (String f : recentFiles()) {
            MenuItem m = new MenuItem(f);
            m.setOnAction(e -> open(Path.of(f)));
            recentMenu.getItems().add(m);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void rememberWindow() {
        prefs.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            prefs.putDouble("width", stage.getWidth());
            prefs.putDouble("height", stage.getHeight());
            prefs.putDouble("x", stage.getX());
            prefs.putDouble("y", stage.getY());
        }
    }

    /** Shows the next element whose name or id contains the search text. */
    public void findNext() {
        EditorTab t = current();
        if (t == null) return;
        List<String> hits = t.editor().search(search.getText());
        if (hits.isEmpty()) {
            setStatus("No element matches '" + search.getText() + "'");
            return;
        }
        if (!hits.equals(lastHits)) {
            lastHits = hits;
            lastHit = -1;
        }
        lastHit = (lastHit + 1) % hits.size();
        t.canvas().reveal(hits.get(lastHit));
        setStatus("Match " + (lastHit + 1) + " of " + hits.size() + ": " + hits.get(lastHit));
    }

    private void showShortcuts() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        grid.setId("shortcuts-grid");
        int row = 0;
        for (String[] r : shortcutRows()) {
            grid.add(new Label(r[0]), 0, row);
            Label k = new Label(r[1]);
            k.getStyleClass().add("text-bold");
            grid.add(k, 1, row++);
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts and mouse gestures");
        javafx.scene.control.ScrollPane sp = new javafx.scene.control.ScrollPane(grid);
        sp.setPrefSize(460, 520);
        a.getDialogPane().setContent(sp);
        a.initOwner(stage);
        a.show();
    }

    /** Every action with its key, then the gestures; the help dialog lists exactly these. */
    public static List<String[]> shortcutRows() {
        List<String[]> rows = new ArrayList<>();
        for (Action a : Action.values()) if (!a.keyText().isEmpty()) rows.add(new String[]{a.text(), a.keyText()});
        rows.add(new String[]{"Move selection by 10 (1 with Shift)", "Arrow keys"});
        rows.add(new String[]{"Cancel tool, clear selection", "Esc"});
        rows.add(new String[]{"Zoom at the pointer", "Mouse wheel"});
        rows.add(new String[]{"Pan", "Drag empty canvas, Space + drag, middle button, Shift + wheel"});
        rows.add(new String[]{"Add to or remove from selection", "Shift + click"});
        rows.add(new String[]{"Lasso selection", "Shift + drag on empty canvas"});
        rows.add(new String[]{"Edit a label in place", "Double click"});
        rows.add(new String[]{"Move without snapping", "Alt + drag"});
        return rows;
    }

    public Stage stage() { return stage; }

    /** Adds a menu (the engine menu) before Help. */
    public void addMenu(Menu m) {
        menus.getMenus().add(Math.max(0, menus.getMenus().size() - 1), m);
    }

    /** Adds a widget at the right of the status bar (the engine connection). */
    public void addStatusItem(javafx.scene.Node n) {
        statusRight.getChildren().add(n);
    }

    /** Opens a document read from somewhere else than a file (a definition fetched from an engine). */
    public EditorTab openDocument(dev.baton.model.Definitions d, String name) {
        DiagramDocument doc = new DiagramDocument(d, null);
        doc.setName(name);
        return addTab(doc);
    }

    /** Shows a message in the status bar. */
    public void status(String s) { setStatus(s); }
}
