package dev.baton.designer.model;

import dev.baton.model.di.Bounds;
import dev.baton.model.di.Point;

import java.util.ArrayList;
import java.util.List;

/** Orthogonal (Manhattan) routes between two shapes, docking at the middle of a side as BPMN tools do. */
public final class Routing {

    private Routing() {}

    /** A horizontal-first route, for sequence flows; fromGateway prefers leaving a gateway's top or bottom corner. */
    public static List<Point> orthogonal(Bounds s, Bounds t, boolean fromGateway) {
        double scx = s.centerX(), scy = s.centerY(), tcx = t.centerX(), tcy = t.centerY();
        List<Point> p = new ArrayList<>();
        if (t.x() >= s.maxX() + 10) {
            if (Math.abs(scy - tcy) < 2) {
                p.add(new Point(s.maxX(), scy));
                p.add(new Point(t.x(), scy));
            } else if (fromGateway && (tcy < s.y() || tcy > s.maxY())) {
                p.add(new Point(scx, tcy < scy ? s.y() : s.maxY()));
                p.add(new Point(scx, tcy));
                p.add(new Point(t.x(), tcy));
            } else if (tcy < s.y() || tcy > s.maxY()) {
                double mid = Math.round((s.maxX() + t.x()) / 2);
                p.add(new Point(s.maxX(), scy));
                p.add(new Point(mid, scy));
                p.add(new Point(mid, tcy));
                p.add(new Point(t.x(), tcy));
            } else {
                // small offset: keep the line horizontal through the target's side
                p.add(new Point(s.maxX(), scy));
                double mid = Math.round((s.maxX() + t.x()) / 2);
                p.add(new Point(mid, scy));
                p.add(new Point(mid, tcy));
                p.add(new Point(t.x(), tcy));
            }
        } else if (t.maxX() <= s.x() - 10) {
            // backwards: leave below, run under both shapes, enter from below
            double y = Math.max(s.maxY(), t.maxY()) + 30;
            p.add(new Point(scx, s.maxY()));
            p.add(new Point(scx, y));
            p.add(new Point(tcx, y));
            p.add(new Point(tcx, t.maxY()));
        } else {
            return vertical(s, t);
        }
        return p;
    }

    /**
     * The horizontal-first route, bent around obstacles when the plain one would cross a shape: tries other places
     * for the vertical segment, then a detour above or below everything in the way.
     */
    public static List<Point> orthogonalAvoiding(Bounds s, Bounds t, boolean fromGateway, List<Bounds> obstacles) {
        List<Point> plain = orthogonal(s, t, fromGateway);
        if (obstacles.isEmpty() || clear(plain, obstacles)) return plain;
        double scy = s.centerY(), tcy = t.centerY();
        if (t.x() >= s.maxX() + 10) {
            double lo = s.maxX() + 10, hi = t.x() - 10;
            for (double step = 0; step <= (hi - lo) / 2; step += 10) {
                for (double mid : new double[]{(lo + hi) / 2 - step, (lo + hi) / 2 + step}) {
                    List<Point> p = List.of(new Point(s.maxX(), scy), new Point(mid, scy), new Point(mid, tcy), new Point(t.x(), tcy));
                    if (clear(p, obstacles)) return p;
                }
            }
        }
        double top = Math.min(s.y(), t.y()), bottom = Math.max(s.maxY(), t.maxY());
        double left = Math.min(s.x(), t.x()), right = Math.max(s.maxX(), t.maxX());
        for (Bounds o : obstacles) {
            if (o.maxX() >= left && o.x() <= right) {
                top = Math.min(top, o.y());
                bottom = Math.max(bottom, o.maxY());
            }
        }
        List<Point> under = List.of(new Point(s.centerX(), s.maxY()), new Point(s.centerX(), bottom + 20), new Point(t.centerX(), bottom + 20),
                new Point(t.centerX(), t.maxY()));
        List<Point> over = List.of(new Point(s.centerX(), s.y()), new Point(s.centerX(), top - 20), new Point(t.centerX(), top - 20),
                new Point(t.centerX(), t.y()));
        if (clear(under, obstacles) && (bottom + 20 - s.maxY()) <= (s.y() - top + 20) + 40) return under;
        if (clear(over, obstacles)) return over;
        return clear(under, obstacles) ? under : plain;
    }

    /** True when no segment of the route crosses the inside of an obstacle. */
    static boolean clear(List<Point> route, List<Bounds> obstacles) {
        for (int i = 1; i < route.size(); i++) {
            Point a = route.get(i - 1), b = route.get(i);
            double minX = Math.min(a.x(), b.x()), maxX = Math.max(a.x(), b.x()), minY = Math.min(a.y(), b.y()), maxY = Math.max(a.y(), b.y());
            for (Bounds o : obstacles) {
                if (maxX > o.x() + 1 && minX < o.maxX() - 1 && maxY > o.y() + 1 && minY < o.maxY() - 1) return false;
            }
        }
        return true;
    }

    /** A vertical-first route, for message flows and shapes stacked above each other. */
    public static List<Point> vertical(Bounds s, Bounds t) {
        double scx = s.centerX(), tcx = t.centerX();
        List<Point> p = new ArrayList<>();
        boolean down = t.centerY() >= s.centerY();
        double sy = down ? s.maxY() : s.y();
        double ty = down ? t.y() : t.maxY();
        double overlapLeft = Math.max(s.x(), t.x()), overlapRight = Math.min(s.maxX(), t.maxX());
        if (overlapRight - overlapLeft > 10) {
            // a straight vertical line through the shared span
            double x = Math.round(scx >= overlapLeft && scx <= overlapRight ? scx
                    : tcx >= overlapLeft && tcx <= overlapRight ? tcx : (overlapLeft + overlapRight) / 2);
            p.add(new Point(x, sy));
            p.add(new Point(x, ty));
            return p;
        }
        double mid = Math.round((sy + ty) / 2);
        p.add(new Point(scx, sy));
        p.add(new Point(scx, mid));
        p.add(new Point(tcx, mid));
        p.add(new Point(tcx, ty));
        return p;
    }

    /** A straight line between the shapes' borders, for associations. */
    public static List<Point> straight(Bounds s, Bounds t) {
        Point a = clip(s, t.centerX(), t.centerY());
        Point b = clip(t, s.centerX(), s.centerY());
        return List.of(a, b);
    }

    /** Where the line from the rectangle's centre towards (x, y) leaves the rectangle. */
    public static Point clip(Bounds r, double x, double y) {
        double cx = r.centerX(), cy = r.centerY();
        double dx = x - cx, dy = y - cy;
        if (dx == 0 && dy == 0) return new Point(cx, cy);
        double sx = dx == 0 ? Double.MAX_VALUE : (r.width() / 2) / Math.abs(dx);
        double sy = dy == 0 ? Double.MAX_VALUE : (r.height() / 2) / Math.abs(dy);
        double s = Math.min(Math.min(sx, sy), 1);
        return new Point(cx + dx * s, cy + dy * s);
    }
}
