package dev.baton.designer.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** Paints with Java2D: PNG export and `baton render` work without a display or JavaFX. */
public final class AwtPainter implements Painter {

    static final String FAMILY = pickFamily();
    private final Graphics2D g;
    private final Deque<AffineTransform> saved = new ArrayDeque<>();

    public AwtPainter(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    static String pickFamily() {
        var names = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        for (String f : new String[]{"Arial", "Liberation Sans", "DejaVu Sans", "Helvetica"}) if (names.contains(f)) return f;
        return Font.SANS_SERIF;
    }

    static Color awt(Rgb c) {
        return new Color((float) c.r(), (float) c.g(), (float) c.b(), (float) c.a());
    }

    @Override public void save() { saved.push(g.getTransform()); }

    @Override public void restore() { g.setTransform(saved.pop()); }

    @Override public void translate(double dx, double dy) { g.translate(dx, dy); }

    @Override public void rotate(double degrees) { g.rotate(Math.toRadians(degrees)); }

    private void draw(java.awt.Shape shape, Style s) {
        if (s.fill() != null) {
            g.setColor(awt(s.fill()));
            g.fill(shape);
        }
        if (s.stroke() != null && s.width() > 0) {
            g.setColor(awt(s.stroke()));
            float[] dash = null;
            if (s.dash() != null) {
                dash = new float[s.dash().length];
                for (int i = 0; i < dash.length; i++) dash[i] = (float) s.dash()[i];
            }
            g.setStroke(new BasicStroke((float) s.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
            g.draw(shape);
        }
    }

    @Override
    public void rect(double x, double y, double w, double h, double arc, Style s) {
        draw(arc > 0 ? new RoundRectangle2D.Double(x, y, w, h, arc * 2, arc * 2) : new Rectangle2D.Double(x, y, w, h), s);
    }

    @Override
    public void ellipse(double cx, double cy, double rx, double ry, Style s) {
        draw(new Ellipse2D.Double(cx - rx, cy - ry, rx * 2, ry * 2), s);
    }

    @Override
    public void path(PathData path, Style s) {
        Path2D.Double p = new Path2D.Double();
        for (PathData.Segment seg : path.segments()) {
            double[] c = seg.c();
            switch (seg.op()) {
                case MOVE -> p.moveTo(c[0], c[1]);
                case LINE -> p.lineTo(c[0], c[1]);
                case CUBIC -> p.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                case CLOSE -> p.closePath();
            }
        }
        draw(p, s);
    }

    private Font font(double size, boolean bold) {
        return new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Align align, Rgb color) {
        Font f = font(size, bold);
        g.setFont(f);
        g.setColor(awt(color));
        double w = align == Align.CENTER ? textWidth(text, size, bold) : 0;
        g.drawString(text, (float) (x - w / 2), (float) (y + (lineHeight(size) - size) / 2 + size * 0.88));
    }

    @Override
    public double textWidth(String text, double size, boolean bold) {
        FontMetrics fm = g.getFontMetrics(font(size, bold));
        return fm.getStringBounds(text, g).getWidth();
    }
}
