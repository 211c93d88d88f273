package dev.baton.designer.model;

import dev.baton.model.Definitions;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Diagram;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Label;
import dev.baton.model.di.Plane;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Rewrites of one diagram's geometry. */
public final class Di {

    private Di() {}

    public static Definitions updateElements(Definitions d, int diagram, UnaryOperator<List<DiagramElement>> op) {
        if (diagram >= d.diagrams().size()) throw new ModelingException("the document has no diagram to draw in");
        Diagram dia = d.diagrams().get(diagram);
        List<DiagramElement> now = op.apply(new ArrayList<>(dia.plane().elements()));
        List<Diagram> ds = new ArrayList<>(d.diagrams());
        ds.set(diagram, dia.withPlane(dia.plane().withElements(now)));
        return d.withDiagrams(ds);
    }

    public static Definitions setPlaneRef(Definitions d, int diagram, String elementRef) {
        Diagram dia = d.diagrams().get(diagram);
        Plane p = dia.plane();
        List<Diagram> ds = new ArrayList<>(d.diagrams());
        ds.set(diagram, dia.withPlane(new Plane(p.id(), elementRef, p.elements(), p.extensions())));
        return d.withDiagrams(ds);
    }

    public static Label translate(Label l, double dx, double dy) {
        if (l == null || l.bounds() == null) return l;
        return new Label(l.bounds().translate(dx, dy), l.labelStyle(), l.extensions());
    }

    public static Shape translate(Shape s, double dx, double dy) {
        return s.withBounds(s.bounds().translate(dx, dy)).withLabel(translate(s.label(), dx, dy));
    }

    public static Edge translate(Edge e, double dx, double dy) {
        return withLabel(e.withWaypoints(e.waypoints().stream().map(p -> p.translate(dx, dy)).toList()), translate(e.label(), dx, dy));
    }

    public static Edge withLabel(Edge e, Label l) {
        return new Edge(e.id(), e.elementRef(), e.waypoints(), e.sourceElement(), e.targetElement(), e.messageVisibleKind(), l,
                e.extensions());
    }

    public static Shape withHorizontal(Shape s, Boolean horizontal) {
        return new Shape(s.id(), s.elementRef(), s.bounds(), s.expanded(), horizontal, s.markerVisible(), s.messageVisible(),
                s.participantBandKind(), s.choreographyActivityShape(), s.label(), s.extensions());
    }

    /** The point in the middle of a polyline by length, where a flow's label goes. */
    public static Point midpoint(List<Point> pts) {
        if (pts.isEmpty()) return new Point(0, 0);
        double total = 0;
        for (int i = 1; i < pts.size(); i++) total += dist(pts.get(i - 1), pts.get(i));
        double half = total / 2, run = 0;
        for (int i = 1; i < pts.size(); i++) {
            double seg = dist(pts.get(i - 1), pts.get(i));
            if (run + seg >= half && seg > 0) {
                double f = (half - run) / seg;
                Point a = pts.get(i - 1), b = pts.get(i);
                return new Point(a.x() + (b.x() - a.x()) * f, a.y() + (b.y() - a.y()) * f);
            }
            run += seg;
        }
        return pts.get(0);
    }

    static double dist(Point a, Point b) { return Math.hypot(b.x() - a.x(), b.y() - a.y()); }

    /** Smallest rectangle holding all the given bounds, or null for none. */
    public static Bounds union(Iterable<Bounds> all) {
        Bounds u = null;
        for (Bounds b : all) u = u == null ? b : u.union(b);
        return u;
    }
}
