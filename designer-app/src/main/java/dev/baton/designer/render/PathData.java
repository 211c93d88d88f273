package dev.baton.designer.render;

import java.util.ArrayList;
import java.util.List;

/** A path of lines and curves that every painter can draw the same way. */
public final class PathData {

    public enum Op { MOVE, LINE, CUBIC, CLOSE }

    /** One segment; c holds the coordinates it needs (2 for move and line, 6 for cubic). */
    public record Segment(Op op, double[] c) {}

    private final List<Segment> segments = new ArrayList<>();

    public PathData moveTo(double x, double y) { segments.add(new Segment(Op.MOVE, new double[]{x, y})); return this; }

    public PathData lineTo(double x, double y) { segments.add(new Segment(Op.LINE, new double[]{x, y})); return this; }

    public PathData cubicTo(double x1, double y1, double x2, double y2, double x, double y) {
        segments.add(new Segment(Op.CUBIC, new double[]{x1, y1, x2, y2, x, y}));
        return this;
    }

    public PathData close() { segments.add(new Segment(Op.CLOSE, new double[0])); return this; }

    public List<Segment> segments() { return segments; }

    /** A polygon or polyline through the points (x0, y0, x1, y1, ...). */
    public static PathData poly(boolean closed, double... xy) {
        PathData p = new PathData().moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) p.lineTo(xy[i], xy[i + 1]);
        return closed ? p.close() : p;
    }

    /** An elliptic arc approximated by cubic curves, from angle a0 to a1 (radians, clockwise on screen). */
    public PathData arc(double cx, double cy, double rx, double ry, double a0, double a1, boolean moveFirst) {
        int n = Math.max(1, (int) Math.ceil(Math.abs(a1 - a0) / (Math.PI / 2)));
        double step = (a1 - a0) / n;
        double k = 4.0 / 3.0 * Math.tan(step / 4);
        double x0 = cx + rx * Math.cos(a0), y0 = cy + ry * Math.sin(a0);
        if (moveFirst) moveTo(x0, y0);
        else lineTo(x0, y0);
        for (int i = 0; i < n; i++) {
            double s = a0 + i * step, e = s + step;
            double sx = Math.cos(s), sy = Math.sin(s), ex = Math.cos(e), ey = Math.sin(e);
            cubicTo(cx + rx * (sx - k * sy), cy + ry * (sy + k * sx), cx + rx * (ex + k * ey), cy + ry * (ey - k * ex),
                    cx + rx * ex, cy + ry * ey);
        }
        return this;
    }
}
