package dev.baton.bpmn.layout;

import dev.baton.model.di.Bounds;
import dev.baton.model.di.Point;
import java.util.ArrayList;
import java.util.List;

/** Edge shapes ELK does not draw: straight associations across scopes, message flows between pools, labels. */
final class EdgeGeometry {
    private EdgeGeometry() {}

    /** A label of the given size beside the middle of the edge's longest segment. */
    static Bounds labelNear(List<Point> pts, double[] size) {
        return labelNear(pts, size, List.of());
    }

    /**
     * A label beside the middle of one of the edge's segments, longest first, above or right of it and else below or
     * left, at the first place that covers nothing in {@code occupied}; the first candidate when every one does.
     */
    static Bounds labelNear(List<Point> pts, double[] size, java.util.Collection<Bounds> occupied) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i + 1 < pts.size(); i++) order.add(i);
        order.sort((i, j) -> Double.compare(length(pts, j), length(pts, i)));
        Bounds first = null;
        for (int i : order) {
            Point a = pts.get(i), b = pts.get(i + 1);
            double mx = (a.x() + b.x()) / 2, my = (a.y() + b.y()) / 2;
            boolean horizontal = Math.abs(a.y() - b.y()) < 0.5;
            List<Bounds> candidates = horizontal
                    ? List.of(new Bounds(mx - size[0] / 2, my - size[1] - 4, size[0], size[1]), new Bounds(mx - size[0] / 2, my + 4, size[0], size[1]))
                    : List.of(new Bounds(mx + 5, my - size[1] / 2, size[0], size[1]), new Bounds(mx - 5 - size[0], my - size[1] / 2, size[0], size[1]));
            for (Bounds c : candidates) {
                if (first == null) first = c;
                if (occupied.stream().noneMatch(c::intersects)) return c;
            }
        }
        return first != null ? first : new Bounds(pts.get(0).x(), pts.get(0).y(), size[0], size[1]);
    }

    private static double length(List<Point> pts, int i) {
        Point a = pts.get(i), b = pts.get(i + 1);
        return Math.abs(a.x() - b.x()) + Math.abs(a.y() - b.y());
    }

    /** A straight line between the borders of two shapes, aimed centre to centre. */
    static List<Point> straight(Bounds from, Bounds to) {
        Point a = new Point(from.centerX(), from.centerY()), b = new Point(to.centerX(), to.centerY());
        return List.of(clip(from, a, b), clip(to, b, a));
    }

    /** Whether the segment a-b passes through the inside of r (Liang-Barsky clipping). */
    static boolean crosses(Point a, Point b, Bounds r) {
        double t0 = 0, t1 = 1, dx = b.x() - a.x(), dy = b.y() - a.y();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.x() - r.x(), r.maxX() - a.x(), a.y() - r.y(), r.maxY() - a.y()};
        for (int i = 0; i < 4; i++) {
            if (Math.abs(p[i]) < 1e-12) {
                if (q[i] <= 0) return false;
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) t0 = Math.max(t0, t); else t1 = Math.min(t1, t);
            }
        }
        return t0 < t1 - 1e-9;
    }

    /** Where the ray from the centre of r towards target leaves r. */
    static Point clip(Bounds r, Point centre, Point target) {
        double dx = target.x() - centre.x(), dy = target.y() - centre.y();
        if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9 || r.width() == 0 && r.height() == 0) return centre;
        double tx = Math.abs(dx) < 1e-9 ? Double.POSITIVE_INFINITY : (r.width() / 2) / Math.abs(dx);
        double ty = Math.abs(dy) < 1e-9 ? Double.POSITIVE_INFINITY : (r.height() / 2) / Math.abs(dy);
        double t = Math.min(Math.min(tx, ty), 1);
        return new Point(centre.x() + dx * t, centre.y() + dy * t);
    }

    /**
     * A message flow from one pool to another, drawn with vertical lines that pass beside shapes: straight down (or
     * up) where the two shapes share a free column, else out of the source to the gap next to its pool, across, and
     * into the target from the gap next to the target's pool (through a free column of the pools in between).
     *
     * @param obstacles shapes the lines must not pass through (neither pools, lanes, the ends nor what holds them)
     * @param columns   the obstacles plus the vertical lines of message flows drawn before, to keep apart from
     * @param lines     segments of the flows drawn so far, which a sideways step may cross but not run along
     */
    static List<Point> messageFlow(Bounds s, Bounds t, double gapS, double gapT, List<Bounds> obstacles,
                                   List<Bounds> columns, List<Bounds> lines, double left, double right) {
        boolean down = s.centerY() < t.centerY();
        double sy = down ? s.maxY() : s.y(), ty = down ? t.y() : t.maxY();
        double lo = Math.max(s.x(), t.x()) + 5, hi = Math.min(s.maxX(), t.maxX()) - 5;
        if (hi >= lo) {
            Double x = freeColumn(pick(s, t, lo, hi), lo, hi, sy, ty, columns);
            if (x == null) x = freeColumn(pick(s, t, lo, hi), lo, hi, sy, ty, obstacles);
            if (x != null) return List.of(new Point(x, sy), new Point(x, ty));
        }
        List<Point> start = leave(s, sy, gapS, obstacles, columns, lines);
        List<Point> end = new ArrayList<>(leave(t, ty, gapT, obstacles, columns, lines));
        java.util.Collections.reverse(end);
        double xs = start.get(start.size() - 1).x(), xt = end.get(0).x();
        List<Point> pts = new ArrayList<>(start);
        pts.add(new Point(xs, gapS));
        if (Math.abs(gapS - gapT) > 0.5) {
            Double xm = freeColumn((xs + xt) / 2, left, right, gapS, gapT, columns);
            if (xm == null) xm = freeColumn((xs + xt) / 2, left, right, gapS, gapT, obstacles);
            double m = xm == null ? xt : xm;
            pts.add(new Point(m, gapS));
            pts.add(new Point(m, gapT));
        }
        pts.add(new Point(xt, gapT));
        pts.addAll(end);
        return ScopeLayout.simplify(pts);
    }

    /**
     * The first points of a message flow leaving shape b towards the gap at gapY: straight out of the border that faces
     * the gap where a free column crosses b, else out of the side to the nearest free column.
     */
    private static List<Point> leave(Bounds b, double borderY, double gapY, List<Bounds> obstacles, List<Bounds> columns,
                                     List<Bounds> lines) {
        for (List<Bounds> avoid : List.of(columns, obstacles)) {
            Double x = freeColumn(b.centerX(), b.x() + 5, b.maxX() - 5, borderY, gapY, avoid);
            if (x != null) return List.of(new Point(x, borderY));
        }
        // a short step out of the border, then sideways to a free column, between the shape and what blocks it
        boolean down = gapY > borderY;
        double nearest = gapY;
        for (Bounds o : obstacles) {
            if (o.maxX() < b.x() || o.x() > b.maxX()) continue;
            if (down && o.y() >= borderY) nearest = Math.min(nearest, o.y());
            if (!down && o.maxY() <= borderY) nearest = Math.max(nearest, o.maxY());
        }
        double room = Math.abs(nearest - borderY), dir = down ? 1 : -1;
        // the step's depth: the middle of the room first, then nearer and farther, clear of lines running there
        List<Double> depths = new ArrayList<>();
        for (double f = 0.5; f > 0.1; f -= 0.1) {
            depths.add(f);
            if (f != 0.5) depths.add(1 - f);
        }
        for (double f : room >= 30 ? depths : List.<Double>of()) {
            double jogY = borderY + dir * room * f;
            // the nearest free column on each side is the only one worth trying: a farther one's step contains its step
            for (boolean right : new boolean[] {true, false}) {
                double lo = right ? b.centerX() + 10 : b.centerX() - 2400, hi = right ? b.centerX() + 2400 : b.centerX() - 10;
                Double col = freeColumn(right ? lo : hi, lo, hi, jogY, gapY, columns);
                if (col == null) col = freeColumn(right ? lo : hi, lo, hi, jogY, gapY, obstacles);
                if (col == null) continue;
                Bounds run = new Bounds(Math.min(b.centerX(), col), jogY, Math.abs(col - b.centerX()), 0.01);
                if (obstacles.stream().noneMatch(o -> o.intersects(run)) && lines.stream().noneMatch(l -> l.height() < 1 && l.intersects(grow(run, 3)))) {
                    return List.of(new Point(b.centerX(), borderY), new Point(b.centerX(), jogY), new Point(col, jogY));
                }
            }
        }
        return List.of(new Point(b.centerX(), borderY));
    }

    private static Bounds grow(Bounds b, double by) {
        return new Bounds(b.x() - by, b.y() - by, b.width() + 2 * by, b.height() + 2 * by);
    }

    /** Thin rectangles along an edge's segments, to test lines against. */
    static List<Bounds> segments(List<Point> pts) {
        List<Bounds> out = new ArrayList<>();
        for (int i = 0; i + 1 < pts.size(); i++) {
            Point a = pts.get(i), c = pts.get(i + 1);
            out.add(new Bounds(Math.min(a.x(), c.x()), Math.min(a.y(), c.y()), Math.abs(a.x() - c.x()) + 0.01, Math.abs(a.y() - c.y()) + 0.01));
        }
        return out;
    }

    private static double orCentre(Double x, Bounds b) { return x == null ? b.centerX() : x; }

    /** The x nearest to the preferred one, between lo and hi, where a vertical line from y1 to y2 hits no obstacle. */
    static Double freeColumn(double preferred, double lo, double hi, double y1, double y2, List<Bounds> obstacles) {
        double top = Math.min(y1, y2), bottom = Math.max(y1, y2);
        for (int step = 0; step < 1000; step++) {
            for (int sign : new int[] {1, -1}) {
                double x = preferred + sign * step * 5;
                if (x < lo || x > hi || step == 0 && sign < 0) continue;
                boolean free = true;
                for (Bounds o : obstacles) {
                    if (x > o.x() - 4 && x < o.maxX() + 4 && bottom > o.y() && top < o.maxY()) { free = false; break; }
                }
                if (free) return x;
            }
            if (preferred - step * 5 < lo && preferred + step * 5 > hi) break;
        }
        return null;
    }

    /** The x of a vertical message flow: the centre of the narrower shape when it fits, else the overlap's middle. */
    private static double pick(Bounds s, Bounds t, double lo, double hi) {
        Bounds narrow = s.width() <= t.width() ? s : t;
        double c = narrow.centerX();
        return c >= lo && c <= hi ? c : (lo + hi) / 2;
    }
}
