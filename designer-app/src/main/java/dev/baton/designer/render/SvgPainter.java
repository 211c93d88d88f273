package dev.baton.designer.render;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.Locale;

/** Writes SVG; text is measured with the same font as PNG export so that labels wrap alike. */
public final class SvgPainter implements Painter {

    private final StringBuilder out = new StringBuilder();
    private final FontRenderContext frc = new FontRenderContext(null, true, true);

    private static String n(double v) {
        if (v == Math.rint(v)) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private String style(Style s) {
        StringBuilder b = new StringBuilder();
        b.append(" fill=\"").append(s.fill() == null ? "none" : s.fill().hex()).append('"');
        if (s.fill() != null && s.fill().a() < 1) b.append(" fill-opacity=\"").append(n(s.fill().a())).append('"');
        if (s.stroke() != null && s.width() > 0) {
            b.append(" stroke=\"").append(s.stroke().hex()).append("\" stroke-width=\"").append(n(s.width()))
                    .append("\" stroke-linejoin=\"round\"");
            if (s.dash() != null) {
                b.append(" stroke-dasharray=\"");
                for (int i = 0; i < s.dash().length; i++) b.append(i == 0 ? "" : ",").append(n(s.dash()[i]));
                b.append('"');
            }
        }
        return b.toString();
    }

    /** For each save(), how many transform groups were opened since; restore() closes them. */
    private final java.util.ArrayDeque<int[]> groups = new java.util.ArrayDeque<>();

    @Override public void save() { groups.push(new int[1]); }

    @Override public void restore() {
        int[] open = groups.pop();
        for (int i = 0; i < open[0]; i++) out.append("</g>\n");
    }

    @Override public void translate(double dx, double dy) { open("translate(" + n(dx) + "," + n(dy) + ")"); }

    @Override public void rotate(double degrees) { open("rotate(" + n(degrees) + ")"); }

    private void open(String transform) {
        if (groups.isEmpty()) throw new IllegalStateException("translate or rotate without save");
        out.append("<g transform=\"").append(transform).append("\">");
        groups.peek()[0]++;
    }

    @Override
    public void rect(double x, double y, double w, double h, double arc, Style s) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w)).append("\" height=\"")
                .append(n(h)).append('"');
        if (arc > 0) out.append(" rx=\"").append(n(arc)).append('"');
        out.append(style(s)).append("/>\n");
    }

    @Override
    public void ellipse(double cx, double cy, double rx, double ry, Style s) {
        out.append("<ellipse cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" rx=\"").append(n(rx)).append("\" ry=\"")
                .append(n(ry)).append('"').append(style(s)).append("/>\n");
    }

    @Override
    public void path(PathData path, Style s) {
        out.append("<path d=\"");
        for (PathData.Segment seg : path.segments()) {
            double[] c = seg.c();
            switch (seg.op()) {
                case MOVE -> out.append('M').append(n(c[0])).append(' ').append(n(c[1]));
                case LINE -> out.append('L').append(n(c[0])).append(' ').append(n(c[1]));
                case CUBIC -> out.append('C').append(n(c[0])).append(' ').append(n(c[1])).append(' ').append(n(c[2])).append(' ')
                        .append(n(c[3])).append(' ').append(n(c[4])).append(' ').append(n(c[5]));
                case CLOSE -> out.append('Z');
            }
        }
        out.append('"').append(style(s)).append("/>\n");
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Align align, Rgb color) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y + (lineHeight(size) - size) / 2 + size * 0.88))
                .append("\" font-family=\"").append(AwtPainter.FAMILY).append(", Arial, sans-serif\" font-size=\"").append(n(size))
                .append('"');
        if (bold) out.append(" font-weight=\"bold\"");
        if (align == Align.CENTER) out.append(" text-anchor=\"middle\"");
        out.append(" fill=\"").append(color.hex()).append("\">").append(escape(text)).append("</text>\n");
    }

    @Override
    public double textWidth(String text, double size, boolean bold) {
        Font f = new Font(AwtPainter.FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
        return f.getStringBounds(text, frc).getWidth();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The whole document for a drawing of the given size whose content starts at (x, y). */
    public String document(double x, double y, double w, double h, Rgb background) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + n(w) + "\" height=\""
                + n(h) + "\" viewBox=\"" + n(x) + " " + n(y) + " " + n(w) + " " + n(h) + "\">\n"
                + "<rect x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(w) + "\" height=\"" + n(h) + "\" fill=\"" + background.hex() + "\"/>\n"
                + out + "</svg>\n";
    }
}
