package dev.baton.designer.ui;

import dev.baton.designer.model.Command;
import dev.baton.designer.model.DiagramIndex;
import dev.baton.designer.model.ElementType;
import dev.baton.designer.model.Modeling;
import dev.baton.designer.model.ModelingException;
import dev.baton.designer.model.Rules;
import dev.baton.designer.render.BpmnRenderer;
import dev.baton.designer.render.FxPainter;
import dev.baton.designer.render.Rgb;
import dev.baton.designer.render.Theme;
import dev.baton.model.Artifact;
import dev.baton.model.Collaboration;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.Lane;
import dev.baton.model.SubProcess;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;
import dev.baton.model.validation.Problem;
import dev.baton.model.validation.Severity;
import javafx.animation.AnimationTimer;
import javafx.collections.SetChangeListener;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The drawing surface: one JavaFX Canvas the size of the view, redrawn at most once per frame with only the
 * visible elements, so big diagrams pan and zoom smoothly. Turns gestures into modeling commands: a drag shows a
 * live preview and pushes one command when released, nothing when it moved nothing.
 */
public final class DiagramCanvas extends Pane {

    /** What a press-and-drag does. */
    public enum Tool { SELECT, LASSO, SPACE, CONNECT, CREATE }

    private enum Drag { NONE, PAN, MOVE, LASSO, RESIZE, CONNECT, SPACE, LABEL, BENDPOINT, RECONNECT }

    private String labelOf;
    private String edgeOf;
    private int waypoint;
    private List<Point> bendBase;

    private static final double GRID = 10;

    private final Editor editor;
    private final Canvas canvas = new Canvas();
    private final ViewTransform view = new ViewTransform();
    private final BpmnRenderer renderer = new BpmnRenderer();
    private FxPainter painter;
    private boolean dirty = true;
    private final AnimationTimer timer;

    private Tool tool = Tool.SELECT;
    private ElementType createType;
    private String connectFrom;
    private Drag drag = Drag.NONE;
    private double pressX, pressY, lastX, lastY;
    private Point pressWorld;
    private DiagramIndex preview;
    private Command previewCommand;
    private Bounds lasso;
    private String resizing;
    private Bounds resizeTo;
    private Point mouseWorld = new Point(0, 0);
    private boolean spaceDown;
    private String hover;
    private Consumer<String> onEditLabel = id -> { };
    private Runnable onViewChanged = () -> { };
    private long lastFrameNanos;
    private boolean userMovedView;
    private final List<Double> frameMillis = new ArrayList<>();

    public DiagramCanvas(Editor editor) {
        this.editor = editor;
        getStyleClass().add("diagram-canvas");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(100, 100);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        editor.document().commands().currentProperty().addListener(o -> redraw());
        editor.document().diagramProperty().addListener(o -> {
            fit();
            redraw();
        });
        editor.selection().addListener((SetChangeListener<String>) c -> redraw());
        editor.themeProperty().addListener(o -> redraw());
        editor.problems().addListener((javafx.collections.ListChangeListener<Problem>) c -> redraw());
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!dirty) return;
                dirty = false;
                long t0 = System.nanoTime();
                paint();
                frameMillis.add((System.nanoTime() - t0) / 1e6);
                if (frameMillis.size() > 600) frameMillis.remove(0);
                lastFrameNanos = now;
            }
        };
        timer.start();
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                String id = hit(view.toWorld(e.getX(), e.getY()));
                if (id != null) onEditLabel.accept(id);
            }
        });
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
                updateCursor();
            }
        });
        setOnDragOver(e -> {
            if (e.getDragboard().hasString() && e.getDragboard().getString().startsWith("baton:")) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        setOnDragDropped(e -> {
            String s = e.getDragboard().getString();
            boolean ok = false;
            if (s != null && s.startsWith("baton:")) {
                Point w = view.toWorld(e.getX(), e.getY());
                ok = editor.create(ElementType.valueOf(s.substring(6)), snap(w.x()), snap(w.y())) != null;
                requestFocus();
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    // ---------------------------------------------------------------- public API

    public ViewTransform view() { return view; }

    public Editor editor() { return editor; }

    public void setOnEditLabel(Consumer<String> c) { onEditLabel = c; }

    public void setOnViewChanged(Runnable r) { onViewChanged = r; }

    public Tool tool() { return tool; }

    /** Chooses a tool; CREATE needs the type to create on the next click. */
    public void setTool(Tool t, ElementType type) {
        tool = t;
        createType = type;
        if (t != Tool.CONNECT) connectFrom = null;
        updateCursor();
        redraw();
    }

    /** Starts a connection from this element: the next click on a target connects them. */
    public void startConnect(String from) {
        tool = Tool.CONNECT;
        connectFrom = from;
        editor.statusProperty().set("Click the element to connect to (Esc cancels)");
        updateCursor();
        redraw();
    }

    public void redraw() { dirty = true; }

    /** Something drawn over the diagram in diagram coordinates after the elements (the engine's badges and paths). */
    public void setDecorations(java.util.function.BiConsumer<GraphicsContext, DiagramIndex> d) {
        decorations = d;
        redraw();
    }

    private java.util.function.BiConsumer<GraphicsContext, DiagramIndex> decorations;

    /** True once the user panned or zoomed; until then the view keeps fitting the diagram as the window settles. */
    public boolean userMovedView() { return userMovedView; }

    public void zoom(double factor) {
        userMovedView = true;
        view.zoomAt(factor, getWidth() / 2, getHeight() / 2);
        viewChanged();
    }

    public void fit() {
        view.fit(BpmnRenderer.contentBounds(editor.index()), getWidth(), getHeight());
        viewChanged();
    }

    public void zoomReset() {
        userMovedView = true;
        view.zoomAt(1 / view.scale(), getWidth() / 2, getHeight() / 2);
        viewChanged();
    }

    /** Centres the view on the element and selects it (problems panel, search). */
    public void reveal(String id) {
        Bounds b = editor.index().bounds(id);
        if (b == null && editor.index().edge(id) != null) b = BpmnRenderer.edgeBounds(editor.index().edge(id));
        editor.select(id);
        if (b == null) return;
        userMovedView = true;
        view.set(view.scale(), getWidth() / 2 - b.centerX() * view.scale(), getHeight() / 2 - b.centerY() * view.scale());
        viewChanged();
    }

    /** Paint times of recent frames in milliseconds (the benchmark reads them). */
    public List<Double> frameMillis() { return List.copyOf(frameMillis); }

    /** Draws now instead of on the next frame (tests and benchmarks). */
    public void paintNow() {
        dirty = false;
        long t0 = System.nanoTime();
        paint();
        frameMillis.add((System.nanoTime() - t0) / 1e6);
    }

    public void stop() { timer.stop(); }

    public Canvas canvas() { return canvas; }

    private void viewChanged() {
        redraw();
        onViewChanged.run();
    }

    // ---------------------------------------------------------------- painting

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (painter == null) painter = new FxPainter(g);
        Theme theme = editor.themeProperty().get();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(fx(theme.background()));
        g.fillRect(0, 0, w, h);
        paintGrid(g, theme, w, h);
        g.setTransform(view.scale(), 0, 0, view.scale(), view.tx(), view.ty());
        DiagramIndex idx = preview != null ? preview : editor.index();
        painter.setDrawsText(view.scale() * dev.baton.designer.render.RenderContext.FONT_SIZE >= 4);
        renderer.render(painter, idx, theme, view.visible(w, h));
        if (decorations != null) decorations.accept(g, idx);
        paintProblems(g, idx, theme);
        paintSelection(g, idx, theme);
        paintFeedback(g, idx, theme);
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    private void paintGrid(GraphicsContext g, Theme theme, double w, double h) {
        double step = 50 * view.scale();
        if (step < 12) return;
        g.setStroke(fx(theme.grid()));
        g.setLineWidth(1);
        double ox = ((view.tx() % step) + step) % step, oy = ((view.ty() % step) + step) % step;
        for (double x = ox; x < w; x += step) g.strokeLine(Math.round(x) + 0.5, 0, Math.round(x) + 0.5, h);
        for (double y = oy; y < h; y += step) g.strokeLine(0, Math.round(y) + 0.5, w, Math.round(y) + 0.5);
    }

    private void paintProblems(GraphicsContext g, DiagramIndex idx, Theme theme) {
        Map<String, Severity> worst = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (Problem p : editor.problems()) {
            if (p.elementId() == null) continue;
            count.merge(p.elementId(), 1, Integer::sum);
            worst.merge(p.elementId(), p.severity(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
        }
        double r = 7 / Math.max(0.5, view.scale()) * Math.min(1, view.scale());
        for (var e : worst.entrySet()) {
            Bounds b = idx.bounds(e.getKey());
            Point at;
            if (b != null) at = new Point(b.maxX(), b.y());
            else if (idx.edge(e.getKey()) != null && !idx.edge(e.getKey()).waypoints().isEmpty())
                at = dev.baton.designer.model.Di.midpoint(idx.edge(e.getKey()).waypoints());
            else continue;
            Rgb c = e.getValue() == Severity.ERROR ? theme.error() : theme.warning();
            g.setFill(fx(c));
            g.fillOval(at.x() - r, at.y() - r, 2 * r, 2 * r);
            g.setFill(Color.WHITE);
            g.setFont(javafx.scene.text.Font.font(r * 1.4));
            g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
            g.setTextBaseline(javafx.geometry.VPos.CENTER);
            g.fillText(String.valueOf(count.get(e.getKey())), at.x(), at.y());
            g.setTextBaseline(javafx.geometry.VPos.BASELINE);
        }
    }

    private void paintSelection(GraphicsContext g, DiagramIndex idx, Theme theme) {
        double px = 1 / view.scale();
        g.setStroke(fx(theme.selection()));
        for (String id : editor.selection()) {
            Bounds b = idx.bounds(id);
            if (b != null) {
                g.setLineWidth(1.5 * px);
                g.setLineDashes(4 * px, 3 * px);
                g.strokeRect(b.x() - 5 * px, b.y() - 5 * px, b.width() + 10 * px, b.height() + 10 * px);
                g.setLineDashes((double[]) null);
                if (editor.selection().size() == 1 && Rules.canResize(idx.element(id))) {
                    g.setFill(fx(theme.selection()));
                    double s = 8 * px;
                    g.fillRect(b.maxX() + 5 * px - s / 2, b.maxY() + 5 * px - s / 2, s, s);
                }
            }
            Edge e = idx.edge(id);
            if (e != null && e.waypoints().size() >= 2) {
                g.setLineWidth(3 * px);
                g.setStroke(fx(theme.selection().withAlpha(0.6)));
                g.beginPath();
                g.moveTo(e.waypoints().get(0).x(), e.waypoints().get(0).y());
                for (Point p : e.waypoints()) g.lineTo(p.x(), p.y());
                g.stroke();
                g.setFill(fx(theme.selection()));
                for (Point p : e.waypoints()) g.fillOval(p.x() - 3 * px, p.y() - 3 * px, 6 * px, 6 * px);
                g.setStroke(fx(theme.selection()));
            }
        }
        if (hover != null && !editor.selection().contains(hover)) {
            Bounds b = idx.bounds(hover);
            if (b != null) {
                g.setStroke(fx(theme.hover().withAlpha(0.7)));
                g.setLineWidth(1 * px);
                g.strokeRect(b.x() - 3 * px, b.y() - 3 * px, b.width() + 6 * px, b.height() + 6 * px);
            }
        }
    }

    private void paintFeedback(GraphicsContext g, DiagramIndex idx, Theme theme) {
        double px = 1 / view.scale();
        if (drag == Drag.LASSO && lasso != null) {
            g.setFill(fx(theme.lasso()));
            g.fillRect(lasso.x(), lasso.y(), lasso.width(), lasso.height());
            g.setStroke(fx(theme.selection()));
            g.setLineWidth(px);
            g.strokeRect(lasso.x(), lasso.y(), lasso.width(), lasso.height());
        }
        if (drag == Drag.RESIZE && resizeTo != null) {
            g.setStroke(fx(theme.selection()));
            g.setLineWidth(1.5 * px);
            g.setLineDashes(5 * px, 3 * px);
            g.strokeRoundRect(resizeTo.x(), resizeTo.y(), resizeTo.width(), resizeTo.height(), 10, 10);
            g.setLineDashes((double[]) null);
        }
        if (tool == Tool.CONNECT && connectFrom != null) {
            Bounds b = idx.bounds(connectFrom);
            if (b != null) {
                String target = hit(mouseWorld);
                boolean ok = target != null && Rules.connection(idx, connectFrom, target).isPresent();
                g.setStroke(fx(target == null ? theme.selection() : ok ? Rgb.of(0x2da44e) : theme.error()));
                g.setLineWidth(1.5 * px);
                g.setLineDashes(5 * px, 4 * px);
                g.strokeLine(b.centerX(), b.centerY(), mouseWorld.x(), mouseWorld.y());
                g.setLineDashes((double[]) null);
            }
        }
        if (drag == Drag.RECONNECT && edgeOf != null) {
            List<Point> pts = idx.edge(edgeOf).waypoints();
            Point fixed = waypoint == 0 ? pts.get(pts.size() - 1) : pts.get(0);
            g.setStroke(fx(theme.selection()));
            g.setLineWidth(1.5 * px);
            g.setLineDashes(5 * px, 4 * px);
            g.strokeLine(fixed.x(), fixed.y(), mouseWorld.x(), mouseWorld.y());
            g.setLineDashes((double[]) null);
        }
        if (drag == Drag.SPACE && pressWorld != null) {
            g.setStroke(fx(theme.selection()));
            g.setLineWidth(px);
            g.setLineDashes(6 * px, 4 * px);
            Bounds vis = view.visible(getWidth(), getHeight());
            g.strokeLine(pressWorld.x(), vis.y(), pressWorld.x(), vis.maxY());
            g.strokeLine(mouseWorld.x(), vis.y(), mouseWorld.x(), vis.maxY());
            g.setLineDashes((double[]) null);
        }
        if (tool == Tool.CREATE && createType != null) {
            Bounds s = createType.defaultSize();
            g.setStroke(fx(theme.selection().withAlpha(0.8)));
            g.setLineWidth(px);
            g.setLineDashes(4 * px, 3 * px);
            g.strokeRect(snap(mouseWorld.x()) - s.width() / 2, snap(mouseWorld.y()) - s.height() / 2, s.width(), s.height());
            g.setLineDashes((double[]) null);
        }
    }

    static Color fx(Rgb c) { return new Color(c.r(), c.g(), c.b(), c.a()); }

    // ---------------------------------------------------------------- hit testing

    /** The element under a world point: boundary events, then flows, then the smallest shape; pools by their band. */
    public String hit(Point w) {
        DiagramIndex idx = editor.index();
        double tol = 5 / view.scale();
        List<DiagramElement> els = idx.diagramElements();
        String best = null;
        double bestArea = Double.MAX_VALUE;
        for (int i = els.size() - 1; i >= 0; i--) {
            DiagramElement de = els.get(i);
            Object e = idx.element(de.elementRef());
            if (e == null || !(de instanceof Shape s)) continue;
            if (e instanceof Event ev && ev.kind() == ElementKind.BOUNDARY_EVENT && grow(s.bounds(), tol).contains(w.x(), w.y())) return s.elementRef();
        }
        for (int i = els.size() - 1; i >= 0; i--) {
            if (els.get(i) instanceof Edge ed && idx.element(ed.elementRef()) != null && nearPolyline(ed.waypoints(), w, tol)) return ed.elementRef();
        }
        for (DiagramElement de : els) {
            if (!(de instanceof Shape s)) continue;
            Object e = idx.element(s.elementRef());
            if (e == null) continue;
            Bounds b = s.bounds();
            boolean in;
            if (e instanceof Collaboration.Participant || e instanceof Lane) {
                boolean horizontal = !Boolean.FALSE.equals(s.horizontal());
                Bounds band = horizontal ? new Bounds(b.x(), b.y(), 30, b.height()) : new Bounds(b.x(), b.y(), b.width(), 30);
                in = band.contains(w.x(), w.y()) || (grow(b, tol).contains(w.x(), w.y()) && !grow(b, -tol).contains(w.x(), w.y()));
            } else if (e instanceof Artifact.Group) {
                in = grow(b, tol).contains(w.x(), w.y()) && !grow(b, -tol).contains(w.x(), w.y());
            } else {
                in = grow(b, tol).contains(w.x(), w.y());
            }
            if (!in) continue;
            double area = b.width() * b.height();
            if (e instanceof Collaboration.Participant) area += 1e12;
            if (e instanceof Lane) area += 1e11;
            if (area <= bestArea) {
                best = s.elementRef();
                bestArea = area;
            }
        }
        return best;
    }

    /** The element whose outside label (events, gateways, data, flows: where the DI puts it) is under the point. */
    private String labelAt(Point w) {
        DiagramIndex idx = editor.index();
        for (DiagramElement de : idx.diagramElements()) {
            if (de.label() == null || de.label().bounds() == null) continue;
            Object e = idx.element(de.elementRef());
            if (e instanceof dev.baton.model.Activity || e instanceof Collaboration.Participant || e instanceof Lane
                    || e instanceof Artifact.TextAnnotation || e == null) continue;
            if (dev.baton.designer.model.Elements.name(e) == null && !(e instanceof Artifact.Group)) continue;
            if (de.label().bounds().contains(w.x(), w.y())) return de.elementRef();
        }
        return null;
    }

    static Bounds grow(Bounds b, double d) { return new Bounds(b.x() - d, b.y() - d, b.width() + 2 * d, b.height() + 2 * d); }

    static boolean nearPolyline(List<Point> pts, Point p, double tol) {
        for (int i = 1; i < pts.size(); i++) {
            Point a = pts.get(i - 1), b = pts.get(i);
            double dx = b.x() - a.x(), dy = b.y() - a.y();
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2));
            double cx = a.x() + t * dx, cy = a.y() + t * dy;
            if (Math.hypot(p.x() - cx, p.y() - cy) <= tol) return true;
        }
        return false;
    }

    private boolean onResizeHandle(Point w) {
        if (editor.selection().size() != 1) return false;
        String id = editor.selection().iterator().next();
        Bounds b = editor.index().bounds(id);
        if (b == null || !Rules.canResize(editor.index().element(id))) return false;
        double px = 1 / view.scale();
        return Math.abs(w.x() - (b.maxX() + 5 * px)) <= 7 * px && Math.abs(w.y() - (b.maxY() + 5 * px)) <= 7 * px;
    }

    // ---------------------------------------------------------------- gestures

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        pressWorld = view.toWorld(e.getX(), e.getY());
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            drag = Drag.PAN;
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) return;
        if (tool == Tool.CREATE && createType != null) {
            editor.create(createType, snap(pressWorld.x()), snap(pressWorld.y()));
            if (!e.isShiftDown()) setTool(Tool.SELECT, null);
            drag = Drag.NONE;
            return;
        }
        if (tool == Tool.CONNECT) {
            String target = hit(pressWorld);
            if (connectFrom == null) {
                if (target != null) {
                    connectFrom = target;
                    drag = Drag.CONNECT;
                }
                return;
            }
            if (target != null && !target.equals(connectFrom)) {
                String flow = editor.connect(connectFrom, target);
                if (flow != null) editor.select(flow);
            }
            connectFrom = null;
            setTool(Tool.SELECT, null);
            return;
        }
        if (tool == Tool.SPACE) {
            drag = Drag.SPACE;
            return;
        }
        if (onResizeHandle(pressWorld)) {
            drag = Drag.RESIZE;
            resizing = editor.selection().iterator().next();
            resizeTo = editor.index().bounds(resizing);
            return;
        }
        if (tool == Tool.SELECT && editor.selection().size() == 1) {
            String sel = editor.selection().iterator().next();
            Edge ed = editor.index().edge(sel);
            if (ed != null) {
                double tol = 6 / view.scale();
                List<Point> pts = ed.waypoints();
                for (int i = 0; i < pts.size(); i++) {
                    if (Math.hypot(pts.get(i).x() - pressWorld.x(), pts.get(i).y() - pressWorld.y()) <= tol) {
                        edgeOf = sel;
                        waypoint = i;
                        bendBase = new ArrayList<>(pts);
                        drag = i == 0 || i == pts.size() - 1 ? Drag.RECONNECT : Drag.BENDPOINT;
                        return;
                    }
                }
                // pressing on a segment adds a bendpoint there
                for (int i = 1; i < pts.size(); i++) {
                    if (nearPolyline(List.of(pts.get(i - 1), pts.get(i)), pressWorld, tol)) {
                        edgeOf = sel;
                        waypoint = i;
                        bendBase = new ArrayList<>(pts);
                        bendBase.add(i, pressWorld);
                        drag = Drag.BENDPOINT;
                        return;
                    }
                }
            }
        }
        String labelOwner = tool == Tool.SELECT && !e.isShiftDown() ? labelAt(pressWorld) : null;
        if (labelOwner != null) {
            editor.select(labelOwner);
            labelOf = labelOwner;
            drag = Drag.LABEL;
            return;
        }
        String id = hit(pressWorld);
        if (id == null || tool == Tool.LASSO) {
            if (!e.isShiftDown() && tool != Tool.LASSO) {
                editor.selection().clear();
                drag = Drag.PAN;
            } else {
                drag = Drag.LASSO;
                lasso = new Bounds(pressWorld.x(), pressWorld.y(), 0, 0);
            }
            return;
        }
        if (e.isShiftDown() || e.isShortcutDown()) {
            if (!editor.selection().remove(id)) editor.selection().add(id);
        } else if (!editor.selection().contains(id)) {
            editor.select(id);
        }
        drag = editor.selection().contains(id) ? Drag.MOVE : Drag.NONE;
    }

    private void dragged(MouseEvent e) {
        Point w = view.toWorld(e.getX(), e.getY());
        mouseWorld = w;
        switch (drag) {
            case PAN -> {
                userMovedView = true;
                view.pan(e.getX() - lastX, e.getY() - lastY);
                viewChanged();
            }
            case MOVE -> {
                double[] d = snappedDelta(w.x() - pressWorld.x(), w.y() - pressWorld.y(), e.isAltDown());
                try {
                    previewCommand = editor.modeling().move(editor.index(), editor.selected(), d[0], d[1]);
                    preview = new DiagramIndex(previewCommand.execute(editor.document().definitions()), editor.document().diagramIndex());
                } catch (ModelingException ex) {
                    preview = null;
                    previewCommand = null;
                }
                redraw();
            }
            case BENDPOINT -> {
                List<Point> pts = new ArrayList<>(bendBase);
                pts.set(waypoint, new Point(snap(w.x()), snap(w.y())));
                previewCommand = editor.modeling().setWaypoints(editor.index(), edgeOf, pts);
                preview = new DiagramIndex(previewCommand.execute(editor.document().definitions()), editor.document().diagramIndex());
                redraw();
            }
            case RECONNECT -> redraw();
            case LABEL -> {
                previewCommand = editor.modeling().moveLabel(editor.index(), labelOf, Math.round(w.x() - pressWorld.x()),
                        Math.round(w.y() - pressWorld.y()));
                preview = new DiagramIndex(previewCommand.execute(editor.document().definitions()), editor.document().diagramIndex());
                redraw();
            }
            case LASSO -> {
                lasso = new Bounds(Math.min(pressWorld.x(), w.x()), Math.min(pressWorld.y(), w.y()),
                        Math.abs(w.x() - pressWorld.x()), Math.abs(w.y() - pressWorld.y()));
                redraw();
            }
            case RESIZE -> {
                Bounds b = editor.index().bounds(resizing);
                resizeTo = new Bounds(b.x(), b.y(), Math.max(30, snap(w.x()) - b.x()), Math.max(30, snap(w.y()) - b.y()));
                redraw();
            }
            case CONNECT, SPACE -> redraw();
            default -> { }
        }
        lastX = e.getX();
        lastY = e.getY();
    }

    private void released(MouseEvent e) {
        Point w = view.toWorld(e.getX(), e.getY());
        switch (drag) {
            case MOVE, LABEL, BENDPOINT -> {
                if (previewCommand != null) editor.run(previewCommand);
            }
            case RECONNECT -> {
                String target = hit(w);
                if (target != null && !target.equals(edgeOf)) {
                    boolean sourceEnd = waypoint == 0;
                    String id = edgeOf;
                    editor.run(() -> editor.modeling().reconnect(editor.index(), id, sourceEnd, target));
                }
            }
            case LASSO -> {
                if (lasso != null) selectInside(lasso, e.isShiftDown());
                if (tool == Tool.LASSO) setTool(Tool.SELECT, null);
            }
            case RESIZE -> {
                if (resizeTo != null && !resizeTo.equals(editor.index().bounds(resizing))) {
                    Bounds to = resizeTo;
                    String id = resizing;
                    editor.run(() -> editor.modeling().resize(editor.index(), id, to));
                }
            }
            case CONNECT -> {
                String target = hit(w);
                if (target != null && connectFrom != null && !target.equals(connectFrom)) {
                    String flow = editor.connect(connectFrom, target);
                    if (flow != null) editor.select(flow);
                    connectFrom = null;
                    setTool(Tool.SELECT, null);
                }
            }
            case SPACE -> {
                double delta = w.x() - pressWorld.x();
                if (Math.abs(delta) > 2) {
                    double at = Math.min(pressWorld.x(), w.x());
                    editor.run(() -> editor.modeling().makeSpace(editor.index(), delta > 0 ? pressWorld.x() : at, Math.round(delta), true));
                }
                setTool(Tool.SELECT, null);
            }
            default -> { }
        }
        drag = Drag.NONE;
        labelOf = null;
        edgeOf = null;
        preview = null;
        previewCommand = null;
        lasso = null;
        resizing = null;
        resizeTo = null;
        redraw();
    }

    private void moved(MouseEvent e) {
        mouseWorld = view.toWorld(e.getX(), e.getY());
        String h = hit(mouseWorld);
        if (!java.util.Objects.equals(h, hover) || tool != Tool.SELECT) {
            hover = h;
            redraw();
        }
        setCursor(onResizeHandle(mouseWorld) ? Cursor.SE_RESIZE : cursorForTool());
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0 && e.getDeltaX() == 0) return;
        userMovedView = true;
        if (e.isShiftDown()) {
            view.pan(e.getDeltaX(), e.getDeltaY());
        } else {
            view.zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
        }
        viewChanged();
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        double step = e.isShiftDown() ? 1 : GRID;
        switch (e.getCode()) {
            case SPACE -> {
                spaceDown = true;
                setCursor(Cursor.OPEN_HAND);
            }
            case ESCAPE -> {
                setTool(Tool.SELECT, null);
                editor.selection().clear();
            }
            case LEFT -> editor.moveSelection(-step, 0);
            case RIGHT -> editor.moveSelection(step, 0);
            case UP -> editor.moveSelection(0, -step);
            case DOWN -> editor.moveSelection(0, step);
            default -> { return; }
        }
        e.consume();
    }

    private void selectInside(Bounds area, boolean add) {
        if (!add) editor.selection().clear();
        DiagramIndex idx = editor.index();
        for (DiagramElement de : idx.diagramElements()) {
            Object el = idx.element(de.elementRef());
            if (el == null || el instanceof Collaboration.Participant || el instanceof Lane) continue;
            Bounds b = de instanceof Shape s ? s.bounds() : BpmnRenderer.edgeBounds((Edge) de);
            if (de instanceof Edge ed) b = grow(b, -12);
            if (area.contains(b)) editor.selection().add(de.elementRef());
        }
    }

    /** Snaps a move so the first selected shape lines up with the grid or a neighbour's centre (Alt: free). */
    private double[] snappedDelta(double dx, double dy, boolean free) {
        if (free) return new double[]{dx, dy};
        DiagramIndex idx = editor.index();
        String primary = editor.selection().stream().filter(i -> idx.bounds(i) != null).findFirst().orElse(null);
        if (primary == null) return new double[]{Math.round(dx), Math.round(dy)};
        Bounds b = idx.bounds(primary);
        double cx = b.centerX() + dx, cy = b.centerY() + dy;
        double sx = Math.round(cx / GRID) * GRID - b.centerX(), sy = Math.round(cy / GRID) * GRID - b.centerY();
        double tol = 8 / view.scale(), bestX = tol, bestY = tol;
        if (idx.plane() == null) return new double[]{Math.round(dx), Math.round(dy)};
        for (Shape s : idx.plane().shapes()) {
            if (editor.selection().contains(s.elementRef()) || idx.element(s.elementRef()) instanceof Collaboration.Participant
                    || idx.element(s.elementRef()) instanceof Lane || idx.element(s.elementRef()) instanceof SubProcess) continue;
            double ox = s.bounds().centerX(), oy = s.bounds().centerY();
            if (Math.abs(ox - cx) < bestX) {
                bestX = Math.abs(ox - cx);
                sx = ox - b.centerX();
            }
            if (Math.abs(oy - cy) < bestY) {
                bestY = Math.abs(oy - cy);
                sy = oy - b.centerY();
            }
        }
        return new double[]{sx, sy};
    }

    static double snap(double v) { return Math.round(v / GRID) * GRID; }

    private Cursor cursorForTool() {
        return switch (tool) {
            case CREATE, CONNECT, LASSO -> Cursor.CROSSHAIR;
            case SPACE -> Cursor.H_RESIZE;
            default -> spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT;
        };
    }

    private void updateCursor() { setCursor(cursorForTool()); }
}
