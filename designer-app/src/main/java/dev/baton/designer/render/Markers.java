package dev.baton.designer.render;

import dev.baton.model.EventDefinition;

/** The small pictures inside events, tasks and gateways, drawn to scale around a centre. */
final class Markers {

    private Markers() {}

    /** An event definition's marker inside an event circle of radius r; filled when the event throws. */
    static void eventDefinition(Painter p, EventDefinition d, double cx, double cy, double r, boolean throwing, Rgb stroke, Rgb fill) {
        double s = r / 18;
        Style outline = Style.of(fill, stroke, 1.2 * s);
        Style solid = Style.of(stroke, stroke, 1.2 * s);
        Style st = throwing ? solid : outline;
        if (d instanceof EventDefinition.Message) {
            envelope(p, cx, cy, 20 * s, 14 * s, throwing, stroke, fill, 1.2 * s);
        } else if (d instanceof EventDefinition.Timer) {
            double rr = 11 * s;
            p.ellipse(cx, cy, rr, rr, Style.of(fill, stroke, 1.5 * s));
            for (int i = 0; i < 12; i++) {
                double a = Math.PI * 2 * i / 12;
                double inner = i % 3 == 0 ? rr * 0.72 : rr * 0.82;
                p.path(PathData.poly(false, cx + Math.cos(a) * inner, cy + Math.sin(a) * inner,
                        cx + Math.cos(a) * rr, cy + Math.sin(a) * rr), Style.stroke(stroke, 1 * s));
            }
            p.path(PathData.poly(false, cx, cy - rr * 0.7, cx, cy, cx + rr * 0.55, cy - rr * 0.25), Style.stroke(stroke, 1.5 * s));
        } else if (d instanceof EventDefinition.Signal) {
            p.path(PathData.poly(true, cx, cy - 10 * s, cx + 9 * s, cy + 6 * s, cx - 9 * s, cy + 6 * s), st);
        } else if (d instanceof EventDefinition.Error) {
            p.path(PathData.poly(true, cx - 8 * s, cy + 9 * s, cx - 3 * s, cy - 8 * s, cx + 2 * s, cy + 2 * s,
                    cx + 8 * s, cy - 9 * s, cx + 3 * s, cy + 8 * s, cx - 2 * s, cy - 2 * s), st);
        } else if (d instanceof EventDefinition.Escalation) {
            p.path(PathData.poly(true, cx, cy - 10 * s, cx + 7 * s, cy + 9 * s, cx, cy + 2 * s, cx - 7 * s, cy + 9 * s), st);
        } else if (d instanceof EventDefinition.Compensate) {
            compensation(p, cx - 1 * s, cy, 9 * s, st);
        } else if (d instanceof EventDefinition.Conditional) {
            p.rect(cx - 7 * s, cy - 9 * s, 14 * s, 18 * s, 0, outline);
            for (double ly : new double[]{-5, -1.5, 2, 5.5}) {
                p.path(PathData.poly(false, cx - 5 * s, cy + ly * s, cx + 5 * s, cy + ly * s), Style.stroke(stroke, 1 * s));
            }
        } else if (d instanceof EventDefinition.Link) {
            p.path(PathData.poly(true, cx - 9 * s, cy - 3 * s, cx + 1 * s, cy - 3 * s, cx + 1 * s, cy - 8 * s, cx + 9 * s, cy,
                    cx + 1 * s, cy + 8 * s, cx + 1 * s, cy + 3 * s, cx - 9 * s, cy + 3 * s), st);
        } else if (d instanceof EventDefinition.Cancel) {
            p.path(cross(cx, cy, 11 * s, 2.6 * s, Math.PI / 4), st);
        } else if (d instanceof EventDefinition.Terminate) {
            p.ellipse(cx, cy, 11 * s, 11 * s, Style.of(stroke, stroke, 1 * s));
        }
    }

    /** Several definitions: a pentagon (multiple) or a cross (parallel multiple). */
    static void multiple(Painter p, double cx, double cy, double r, boolean throwing, boolean parallel, Rgb stroke, Rgb fill) {
        double s = r / 18;
        Style st = throwing ? Style.of(stroke, stroke, 1.2 * s) : Style.of(fill, stroke, 1.2 * s);
        if (parallel) {
            p.path(cross(cx, cy, 10 * s, 3 * s, 0), Style.of(fill, stroke, 1.2 * s));
            return;
        }
        p.path(polygon(cx, cy + 1 * s, 9.5 * s, 5, -Math.PI / 2), st);
    }

    static PathData polygon(double cx, double cy, double r, int n, double start) {
        double[] xy = new double[n * 2];
        for (int i = 0; i < n; i++) {
            double a = start + Math.PI * 2 * i / n;
            xy[i * 2] = cx + Math.cos(a) * r;
            xy[i * 2 + 1] = cy + Math.sin(a) * r;
        }
        return PathData.poly(true, xy);
    }

    /** A plus-shaped outline with arms of half-length len and half-width w, turned by angle. */
    static PathData cross(double cx, double cy, double len, double w, double angle) {
        double[] pts = {-w, -len, w, -len, w, -w, len, -w, len, w, w, w, w, len, -w, len, -w, w, -len, w, -len, -w, -w, -w};
        double c = Math.cos(angle), sn = Math.sin(angle);
        double[] xy = new double[pts.length];
        for (int i = 0; i < pts.length; i += 2) {
            xy[i] = cx + pts[i] * c - pts[i + 1] * sn;
            xy[i + 1] = cy + pts[i] * sn + pts[i + 1] * c;
        }
        return PathData.poly(true, xy);
    }

    static void envelope(Painter p, double cx, double cy, double w, double h, boolean filled, Rgb stroke, Rgb fill, double lw) {
        double x = cx - w / 2, y = cy - h / 2;
        p.rect(x, y, w, h, 0, Style.of(filled ? stroke : fill, stroke, lw));
        p.path(PathData.poly(false, x, y, cx, cy + h * 0.1, x + w, y), Style.stroke(filled ? fill : stroke, lw));
    }

    /** Two triangles pointing left (rewind), centred on cx. */
    static void compensation(Painter p, double cx, double cy, double half, Style st) {
        p.path(PathData.poly(true, cx - half, cy, cx, cy - half * 0.7, cx, cy + half * 0.7), st);
        p.path(PathData.poly(true, cx, cy, cx + half, cy - half * 0.7, cx + half, cy + half * 0.7), st);
    }

    // ---------------------------------------------------------------- task icons, 16 x 16 from (x, y)

    static void userIcon(Painter p, double x, double y, Rgb stroke, Rgb fill) {
        Style st = Style.of(fill, stroke, 1);
        PathData body = new PathData().moveTo(x + 1, y + 16).cubicTo(x + 1, y + 9, x + 15, y + 9, x + 15, y + 16).close();
        p.path(body, st);
        p.ellipse(x + 8, y + 5.5, 4, 4, st);
        p.path(new PathData().moveTo(x + 4.2, y + 4.6).cubicTo(x + 6, y + 2.5, x + 10, y + 2.5, x + 11.8, y + 4.6), Style.stroke(stroke, 1));
    }

    static void serviceIcon(Painter p, double x, double y, Rgb stroke, Rgb fill) {
        gear(p, x + 6.5, y + 6.5, 6, stroke, fill);
        gear(p, x + 10.5, y + 10.5, 6, stroke, fill);
    }

    private static void gear(Painter p, double cx, double cy, double r, Rgb stroke, Rgb fill) {
        int teeth = 8;
        double[] xy = new double[teeth * 4 * 2];
        int k = 0;
        for (int i = 0; i < teeth; i++) {
            double a = Math.PI * 2 * i / teeth;
            double step = Math.PI * 2 / teeth;
            double[] angles = {a - step * 0.18, a + step * 0.18, a + step * 0.32, a + step * 0.68};
            double[] radii = {r, r, r * 0.72, r * 0.72};
            for (int j = 0; j < 4; j++) {
                xy[k++] = cx + Math.cos(angles[j]) * radii[j];
                xy[k++] = cy + Math.sin(angles[j]) * radii[j];
            }
        }
        p.path(PathData.poly(true, xy), Style.of(fill, stroke, 1));
        p.ellipse(cx, cy, r * 0.3, r * 0.3, Style.of(fill, stroke, 1));
    }

    static void scriptIcon(Painter p, double x, double y, Rgb stroke, Rgb fill) {
        PathData scroll = new PathData().moveTo(x + 4, y + 1).lineTo(x + 15, y + 1)
                .cubicTo(x + 11, y + 5, x + 16, y + 11, x + 12, y + 16).lineTo(x + 1, y + 16)
                .cubicTo(x + 5, y + 11, x, y + 5, x + 4, y + 1).close();
        p.path(scroll, Style.of(fill, stroke, 1));
        for (double ly : new double[]{5, 8, 11}) p.path(PathData.poly(false, x + 5, y + ly, x + 11.5, y + ly), Style.stroke(stroke, 1));
    }

    static void manualIcon(Painter p, double x, double y, Rgb stroke, Rgb fill) {
        Style st = Style.of(fill, stroke, 1);
        p.rect(x + 1, y + 6, 7, 9, 2, st);
        double[][] fingers = {{3.5, 13}, {6.5, 14}, {9.5, 13}, {12.5, 10}};
        for (double[] f : fingers) p.rect(x + 5, y + f[0], f[1] - 1, 2.6, 1.3, st);
        p.path(new PathData().moveTo(x + 6, y + 6.5).cubicTo(x + 7, y + 3, x + 9, y + 2, x + 10, y + 3.5), Style.stroke(stroke, 1));
    }

    static void businessRuleIcon(Painter p, double x, double y, Rgb stroke, Rgb fill) {
        p.rect(x, y + 2, 16, 12, 0, Style.of(fill, stroke, 1));
        p.rect(x, y + 2, 16, 3.5, 0, Style.of(stroke, stroke, 1));
        p.path(PathData.poly(false, x, y + 9.5, x + 16, y + 9.5), Style.stroke(stroke, 1));
        p.path(PathData.poly(false, x + 5, y + 5.5, x + 5, y + 14), Style.stroke(stroke, 1));
    }

    // ---------------------------------------------------------------- activity markers, centred on (cx, cy)

    static void loop(Painter p, double cx, double cy, Rgb stroke) {
        PathData arc = new PathData().arc(cx, cy, 5.5, 5.5, Math.toRadians(130), Math.toRadians(130 + 300), true);
        p.path(arc, Style.stroke(stroke, 1.5));
        double ax = cx + 5.5 * Math.cos(Math.toRadians(130)), ay = cy + 5.5 * Math.sin(Math.toRadians(130));
        p.path(PathData.poly(false, ax - 4, ay - 1, ax, ay, ax + 0.5, ay - 4.5), Style.stroke(stroke, 1.5));
    }

    static void parallelMultiInstance(Painter p, double cx, double cy, Rgb stroke) {
        for (double dx : new double[]{-4, 0, 4}) p.path(PathData.poly(false, cx + dx, cy - 6, cx + dx, cy + 6), Style.stroke(stroke, 2));
    }

    static void sequentialMultiInstance(Painter p, double cx, double cy, Rgb stroke) {
        for (double dy : new double[]{-4, 0, 4}) p.path(PathData.poly(false, cx - 6, cy + dy, cx + 6, cy + dy), Style.stroke(stroke, 2));
    }

    static void adHoc(Painter p, double cx, double cy, Rgb stroke) {
        p.path(new PathData().moveTo(cx - 7, cy + 1.5).cubicTo(cx - 4, cy - 4, cx - 1, cy - 2, cx, cy)
                .cubicTo(cx + 1, cy + 2, cx + 4, cy + 4, cx + 7, cy - 1.5), Style.stroke(stroke, 1.5));
    }

    static void collapsed(Painter p, double cx, double cy, Rgb stroke, Rgb fill) {
        p.rect(cx - 7, cy - 7, 14, 14, 0, Style.of(fill, stroke, 1.2));
        p.path(PathData.poly(false, cx - 4, cy, cx + 4, cy), Style.stroke(stroke, 1.5));
        p.path(PathData.poly(false, cx, cy - 4, cx, cy + 4), Style.stroke(stroke, 1.5));
    }
}
