package dev.baton.designer.render;

import dev.baton.model.Gateway;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Shape;

/** Gateways: a diamond and the marker of their kind (X only when the DI asks for it, as the standard says). */
final class GatewayRenderer implements ShapeRenderer {

    @Override
    public void draw(RenderContext ctx, Shape shape, Object element) {
        Gateway g = (Gateway) element;
        Painter p = ctx.painter();
        Bounds b = shape.bounds();
        Rgb stroke = ctx.stroke(shape), fill = ctx.fill(shape);
        double cx = b.centerX(), cy = b.centerY();
        p.path(PathData.poly(true, cx, b.y(), b.maxX(), cy, cx, b.maxY(), b.x(), cy), Style.of(fill, stroke, 2));
        double s = Math.min(b.width(), b.height()) / 50;
        switch (g.kind()) {
            case EXCLUSIVE_GATEWAY -> {
                if (Boolean.TRUE.equals(shape.markerVisible())) p.path(Markers.cross(cx, cy, 9.5 * s, 1.8 * s, Math.PI / 4), Style.of(stroke, stroke, 1));
            }
            case PARALLEL_GATEWAY -> p.path(Markers.cross(cx, cy, 12 * s, 2 * s, 0), Style.of(stroke, stroke, 1));
            case INCLUSIVE_GATEWAY -> p.ellipse(cx, cy, 10.5 * s, 10.5 * s, Style.stroke(stroke, 2.5 * s));
            case COMPLEX_GATEWAY -> {
                p.path(Markers.cross(cx, cy, 12 * s, 1.6 * s, 0), Style.of(stroke, stroke, 1));
                p.path(Markers.cross(cx, cy, 11 * s, 1.6 * s, Math.PI / 4), Style.of(stroke, stroke, 1));
            }
            case EVENT_BASED_GATEWAY -> {
                boolean parallel = "Parallel".equalsIgnoreCase(g.eventGatewayType());
                p.ellipse(cx, cy, 12 * s, 12 * s, Style.stroke(stroke, 1));
                if (!g.instantiate()) p.ellipse(cx, cy, 9.5 * s, 9.5 * s, Style.stroke(stroke, 1));
                if (parallel) p.path(Markers.cross(cx, cy, 6.5 * s, 1.8 * s, 0), Style.of(fill, stroke, 1));
                else p.path(Markers.polygon(cx, cy + 0.5 * s, 6.5 * s, 5, -Math.PI / 2), Style.of(fill, stroke, 1.2));
            }
            default -> { }
        }
        ExternalLabel.draw(ctx, shape, g.name());
    }
}
