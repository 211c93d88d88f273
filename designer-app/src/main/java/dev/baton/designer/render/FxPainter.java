package dev.baton.designer.render;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.Map;

/** Paints on a JavaFX canvas; the canvas applies zoom and pan, so shapes stay crisp at every zoom. */
public final class FxPainter implements Painter {

    private static final String FAMILY = pickFamily();
    private final GraphicsContext g;
    private final Map<String, Double> widths = new HashMap<>();
    private final Text measure = new Text();
    private final Map<Double, Font[]> fonts = new HashMap<>();
    private boolean drawsText = true;

    public FxPainter(GraphicsContext g) {
        this.g = g;
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setTextBaseline(VPos.BASELINE);
    }

    private static String pickFamily() {
        var families = Font.getFamilies();
        for (String f : new String[]{"Arial", "Liberation Sans", "DejaVu Sans", "Helvetica"}) if (families.contains(f)) return f;
        return Font.getDefault().getFamily();
    }

    private Font font(double size, boolean bold) {
        Font[] f = fonts.computeIfAbsent(size, s -> new Font[]{Font.font(FAMILY, FontWeight.NORMAL, s), Font.font(FAMILY, FontWeight.BOLD, s)});
        return f[bold ? 1 : 0];
    }

    /** Labels below about 4 pixels on screen are skipped: unreadable, and the bulk of a zoomed-out frame's cost. */
    public void setDrawsText(boolean draws) { drawsText = draws; }

    @Override
    public boolean drawsText() { return drawsText; }

    static Color fx(Rgb c) { return new Color(c.r(), c.g(), c.b(), c.a()); }

    @Override public void save() { g.save(); }

    @Override public void restore() { g.restore(); }

    @Override public void translate(double dx, double dy) { g.translate(dx, dy); }

    @Override public void rotate(double degrees) { g.rotate(degrees); }

    private void apply(Style s) {
        if (s.fill() != null) g.setFill(fx(s.fill()));
        if (s.stroke() != null) {
            g.setStroke(fx(s.stroke()));
            g.setLineWidth(s.width());
            g.setLineDashes(s.dash());
        }
    }

    @Override
    public void rect(double x, double y, double w, double h, double arc, Style s) {
        apply(s);
        if (arc > 0) {
            if (s.fill() != null) g.fillRoundRect(x, y, w, h, arc * 2, arc * 2);
            if (s.stroke() != null) g.strokeRoundRect(x, y, w, h, arc * 2, arc * 2);
        } else {
            if (s.fill() != null) g.fillRect(x, y, w, h);
            if (s.stroke() != null) g.strokeRect(x, y, w, h);
        }
        g.setLineDashes((double[]) null);
    }

    @Override
    public void ellipse(double cx, double cy, double rx, double ry, Style s) {
        apply(s);
        if (s.fill() != null) g.fillOval(cx - rx, cy - ry, rx * 2, ry * 2);
        if (s.stroke() != null) g.strokeOval(cx - rx, cy - ry, rx * 2, ry * 2);
        g.setLineDashes((double[]) null);
    }

    @Override
    public void path(PathData path, Style s) {
        apply(s);
        g.beginPath();
        for (PathData.Segment seg : path.segments()) {
            double[] c = seg.c();
            switch (seg.op()) {
                case MOVE -> g.moveTo(c[0], c[1]);
                case LINE -> g.lineTo(c[0], c[1]);
                case CUBIC -> g.bezierCurveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                case CLOSE -> g.closePath();
            }
        }
        if (s.fill() != null) g.fill();
        if (s.stroke() != null) g.stroke();
        g.setLineDashes((double[]) null);
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Align align, Rgb color) {
        g.setFont(font(size, bold));
        g.setFill(fx(color));
        g.setTextAlign(align == Align.CENTER ? TextAlignment.CENTER : TextAlignment.LEFT);
        g.fillText(text, x, baseline(y, size));
    }

    double baseline(double top, double size) { return top + (lineHeight(size) - size) / 2 + size * 0.88; }

    @Override
    public double textWidth(String text, double size, boolean bold) {
        String key = (bold ? "b" : "n") + size + "|" + text;
        Double w = widths.get(key);
        if (w != null) return w;
        measure.setFont(font(size, bold));
        measure.setText(text);
        double v = measure.getLayoutBounds().getWidth();
        if (widths.size() > 50_000) widths.clear();
        widths.put(key, v);
        return v;
    }
}
