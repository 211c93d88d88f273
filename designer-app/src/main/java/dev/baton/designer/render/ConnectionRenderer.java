package dev.baton.designer.render;

import dev.baton.designer.model.DiagramIndex;
import dev.baton.designer.model.Di;
import dev.baton.model.Activity;
import dev.baton.model.Artifact;
import dev.baton.model.Collaboration;
import dev.baton.model.Gateway;
import dev.baton.model.SequenceFlow;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Point;

import java.util.List;

/**
 * Sequence flows (solid, filled arrow; a slash when default, a diamond when conditional from an activity), message
 * flows (dashed, circle at the start, open arrow), associations and data associations (dotted).
 */
final class ConnectionRenderer {

    void draw(RenderContext ctx, Edge edge, Object element) {
        List<Point> pts = edge.waypoints();
        if (pts.size() < 2) return;
        Painter p = ctx.painter();
        Rgb stroke = ctx.stroke(edge);
        PathData line = new PathData().moveTo(pts.get(0).x(), pts.get(0).y());
        for (int i = 1; i < pts.size(); i++) line.lineTo(pts.get(i).x(), pts.get(i).y());
        Point a = pts.get(pts.size() - 2), z = pts.get(pts.size() - 1);
        Point s0 = pts.get(0), s1 = pts.get(1);
        String name = null;
        if (element instanceof SequenceFlow f) {
            p.path(line, Style.stroke(stroke, 1.5));
            arrow(p, a, z, 11, 4, Style.of(stroke, stroke, 1));
            Object src = ctx.index().element(f.sourceRef());
            boolean isDefault = src instanceof Gateway g && f.id().equals(g.defaultFlow())
                    || src instanceof Activity act && f.id().equals(act.activity().defaultFlow());
            if (isDefault) {
                Point m = along(s0, s1, 10);
                double[] n = normal(s0, s1);
                double[] d = unit(s0, s1);
                p.path(PathData.poly(false, m.x() - d[0] * 3 + n[0] * 6, m.y() - d[1] * 3 + n[1] * 6,
                        m.x() + d[0] * 3 - n[0] * 6, m.y() + d[1] * 3 - n[1] * 6), Style.stroke(stroke, 1.5));
            } else if (f.condition() != null && !f.condition().isBlank() && src instanceof Activity) {
                Point m = along(s0, s1, 8), e = along(s0, s1, 16);
                double[] n = normal(s0, s1);
                p.path(PathData.poly(true, s0.x(), s0.y(), m.x() + n[0] * 5, m.y() + n[1] * 5, e.x(), e.y(),
                        m.x() - n[0] * 5, m.y() - n[1] * 5), Style.of(ctx.theme().fill(), stroke, 1.2));
            }
            name = f.name();
        } else if (element instanceof Collaboration.MessageFlow m) {
            p.path(line, Style.stroke(stroke, 1.5).dashed(10, 6));
            p.ellipse(s0.x(), s0.y(), 4.5, 4.5, Style.of(ctx.theme().fill(), stroke, 1.2));
            arrow(p, a, z, 11, 4.5, Style.of(ctx.theme().fill(), stroke, 1.2));
            if (edge.messageVisibleKind() != null) {
                Point mid = Di.midpoint(pts);
                boolean initiating = !edge.messageVisibleKind().toLowerCase(java.util.Locale.ROOT).startsWith("non");
                Rgb envelopeFill = initiating ? ctx.theme().fill() : Rgb.of(0xbbbbbb);
                p.rect(mid.x() - 10, mid.y() - 7, 20, 14, 0, Style.of(envelopeFill, stroke, 1));
                p.path(PathData.poly(false, mid.x() - 10, mid.y() - 7, mid.x(), mid.y() + 1, mid.x() + 10, mid.y() - 7), Style.stroke(stroke, 1));
            }
            name = m.name();
        } else if (element instanceof Artifact.Association as) {
            p.path(line, Style.stroke(stroke, 1.5).dashed(1.5, 4));
            if ("One".equalsIgnoreCase(as.direction()) || "Both".equalsIgnoreCase(as.direction())) openArrow(p, a, z, stroke);
            if ("Both".equalsIgnoreCase(as.direction())) openArrow(p, s1, s0, stroke);
        } else if (element instanceof DiagramIndex.OwnedDataAssociation) {
            p.path(line, Style.stroke(stroke, 1.5).dashed(1.5, 4));
            openArrow(p, a, z, stroke);
        } else {
            p.path(line, Style.stroke(stroke, 1.5));
        }
        if (name != null && !name.isBlank()) {
            Bounds lb = ExternalLabel.bounds(edge);
            if (lb != null) {
                ctx.centeredText(name, lb.centerX(), lb.y(), Math.max(lb.width() + 6, 40), ctx.textOutside(edge));
            } else {
                Point mid = Di.midpoint(pts);
                ctx.centeredText(name, mid.x(), mid.y() - ctx.painter().lineHeight(RenderContext.FONT_SIZE) - 3, 90, ctx.textOutside(edge));
            }
        }
    }

    static void arrow(Painter p, Point from, Point to, double len, double half, Style style) {
        double[] d = unit(from, to);
        double bx = to.x() - d[0] * len, by = to.y() - d[1] * len;
        p.path(PathData.poly(true, to.x(), to.y(), bx - d[1] * half, by + d[0] * half, bx + d[1] * half, by - d[0] * half), style);
    }

    static void openArrow(Painter p, Point from, Point to, Rgb stroke) {
        double[] d = unit(from, to);
        double bx = to.x() - d[0] * 10, by = to.y() - d[1] * 10;
        p.path(PathData.poly(false, bx - d[1] * 5, by + d[0] * 5, to.x(), to.y(), bx + d[1] * 5, by - d[0] * 5), Style.stroke(stroke, 1.5));
    }

    static double[] unit(Point a, Point b) {
        double dx = b.x() - a.x(), dy = b.y() - a.y(), l = Math.hypot(dx, dy);
        return l == 0 ? new double[]{1, 0} : new double[]{dx / l, dy / l};
    }

    static double[] normal(Point a, Point b) {
        double[] u = unit(a, b);
        return new double[]{-u[1], u[0]};
    }

    static Point along(Point a, Point b, double dist) {
        double[] u = unit(a, b);
        return new Point(a.x() + u[0] * dist, a.y() + u[1] * dist);
    }
}
