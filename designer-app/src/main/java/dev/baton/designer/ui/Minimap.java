package dev.baton.designer.ui;

import dev.baton.designer.render.BpmnRenderer;
import dev.baton.designer.render.FxPainter;
import dev.baton.designer.render.Theme;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Point;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.StackPane;

/** The whole diagram in small with the visible area framed; click or drag to look elsewhere. */
public final class Minimap extends StackPane {

    private static final double W = 220, H = 140;
    private final DiagramCanvas canvas;
    private final Canvas content = new Canvas(W, H);
    private final Canvas frame = new Canvas(W, H);
    private double scale = 1, ox, oy;
    private final BpmnRenderer renderer = new BpmnRenderer();

    public Minimap(DiagramCanvas canvas) {
        this.canvas = canvas;
        setId("minimap");
        getStyleClass().add("minimap");
        setMaxSize(W, H);
        setPrefSize(W, H);
        getChildren().addAll(content, frame);
        canvas.editor().document().commands().currentProperty().addListener(o -> drawContent());
        canvas.editor().themeProperty().addListener(o -> drawContent());
        canvas.editor().document().diagramProperty().addListener(o -> drawContent());
        frame.setOnMousePressed(e -> jump(e.getX(), e.getY()));
        frame.setOnMouseDragged(e -> jump(e.getX(), e.getY()));
        // after the diagram's first frame: the overview must not delay opening a big file
        javafx.application.Platform.runLater(this::drawContent);
    }

    private void jump(double x, double y) {
        double wx = (x - ox) / scale, wy = (y - oy) / scale;
        var v = canvas.view();
        v.set(v.scale(), canvas.getWidth() / 2 - wx * v.scale(), canvas.getHeight() / 2 - wy * v.scale());
        canvas.redraw();
        drawFrame();
    }

    public void drawContent() {
        GraphicsContext g = content.getGraphicsContext2D();
        Theme theme = canvas.editor().themeProperty().get();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(DiagramCanvas.fx(theme.background()));
        g.fillRect(0, 0, W, H);
        Bounds b = BpmnRenderer.contentBounds(canvas.editor().index());
        if (b == null) return;
        scale = Math.min((W - 10) / b.width(), (H - 10) / b.height());
        ox = (W - b.width() * scale) / 2 - b.x() * scale;
        oy = (H - b.height() * scale) / 2 - b.y() * scale;
        g.setTransform(scale, 0, 0, scale, ox, oy);
        renderer.render(new FxPainter(g), canvas.editor().index(), theme, null);
        g.setTransform(1, 0, 0, 1, 0, 0);
        drawFrame();
    }

    public void drawFrame() {
        GraphicsContext g = frame.getGraphicsContext2D();
        g.clearRect(0, 0, W, H);
        Point a = canvas.view().toWorld(0, 0), z = canvas.view().toWorld(canvas.getWidth(), canvas.getHeight());
        Theme theme = canvas.editor().themeProperty().get();
        g.setStroke(DiagramCanvas.fx(theme.selection()));
        g.setLineWidth(1.5);
        g.strokeRect(a.x() * scale + ox, a.y() * scale + oy, (z.x() - a.x()) * scale, (z.y() - a.y()) * scale);
    }
}
