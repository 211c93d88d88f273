package dev.baton.designer.ui;

import dev.baton.model.di.Bounds;
import dev.baton.model.di.Point;

/** Zoom and pan: screen = world * scale + offset. */
public final class ViewTransform {

    public static final double MIN_SCALE = 0.1, MAX_SCALE = 4;

    private double scale = 1, tx = 0, ty = 0;

    public double scale() { return scale; }

    public double tx() { return tx; }

    public double ty() { return ty; }

    public Point toWorld(double sx, double sy) { return new Point((sx - tx) / scale, (sy - ty) / scale); }

    public Point toScreen(double wx, double wy) { return new Point(wx * scale + tx, wy * scale + ty); }

    public void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
    }

    /** Zooms by factor keeping the world point under (sx, sy) in place. */
    public void zoomAt(double factor, double sx, double sy) {
        double ns = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        Point w = toWorld(sx, sy);
        scale = ns;
        tx = sx - w.x() * ns;
        ty = sy - w.y() * ns;
    }

    public void set(double scale, double tx, double ty) {
        this.scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
        this.tx = tx;
        this.ty = ty;
    }

    /** Shows the whole content in a view of the given size, never enlarged beyond 100%. */
    public void fit(Bounds content, double viewW, double viewH) {
        if (content == null || viewW <= 0 || viewH <= 0) {
            set(1, 0, 0);
            return;
        }
        double pad = 40;
        double s = Math.min(1, Math.min((viewW - 2 * pad) / Math.max(1, content.width()), (viewH - 2 * pad) / Math.max(1, content.height())));
        s = Math.max(MIN_SCALE, s);
        set(s, (viewW - content.width() * s) / 2 - content.x() * s, (viewH - content.height() * s) / 2 - content.y() * s);
    }

    /** The world area visible in a view of the given size. */
    public Bounds visible(double viewW, double viewH) {
        Point a = toWorld(0, 0);
        return new Bounds(a.x(), a.y(), viewW / scale, viewH / scale);
    }
}
