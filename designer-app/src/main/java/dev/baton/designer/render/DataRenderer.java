package dev.baton.designer.render;

import dev.baton.model.DataObject;
import dev.baton.model.DataObjectReference;
import dev.baton.model.DataStoreReference;
import dev.baton.model.FlowElement;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Shape;

/** Data objects (a page with a folded corner, ||| for collections) and data stores (a cylinder). */
final class DataRenderer implements ShapeRenderer {

    @Override
    public void draw(RenderContext ctx, Shape shape, Object element) {
        Painter p = ctx.painter();
        Bounds b = shape.bounds();
        Rgb stroke = ctx.stroke(shape), fill = ctx.fill(shape);
        if (element instanceof DataStoreReference) {
            double ry = Math.min(8, b.height() / 6);
            PathData body = new PathData().moveTo(b.x(), b.y() + ry).lineTo(b.x(), b.maxY() - ry)
                    .arc(b.centerX(), b.maxY() - ry, b.width() / 2, ry, Math.PI, 0, false).lineTo(b.maxX(), b.y() + ry)
                    .arc(b.centerX(), b.y() + ry, b.width() / 2, ry, 0, Math.PI, false).close();
            p.path(body, Style.of(fill, stroke, 2));
            p.ellipse(b.centerX(), b.y() + ry, b.width() / 2, ry, Style.of(fill, stroke, 2));
            for (int i = 1; i <= 2; i++) {
                p.path(new PathData().arc(b.centerX(), b.y() + ry + i * 4, b.width() / 2, ry, Math.PI, 0, true), Style.stroke(stroke, 1.5));
            }
        } else {
            double fold = Math.min(12, b.width() / 3);
            p.path(PathData.poly(true, b.x(), b.y(), b.maxX() - fold, b.y(), b.maxX(), b.y() + fold, b.maxX(), b.maxY(), b.x(), b.maxY()),
                    Style.of(fill, stroke, 1.5));
            p.path(PathData.poly(false, b.maxX() - fold, b.y(), b.maxX() - fold, b.y() + fold, b.maxX(), b.y() + fold), Style.stroke(stroke, 1.5));
            if (isCollection(ctx, element)) Markers.parallelMultiInstance(p, b.centerX(), b.maxY() - 9, stroke);
        }
        ExternalLabel.draw(ctx, shape, ((FlowElement) element).name());
    }

    private static boolean isCollection(RenderContext ctx, Object element) {
        if (element instanceof DataObject o) return o.collection();
        if (element instanceof DataObjectReference r && r.dataObjectRef() != null) {
            return ctx.index().element(r.dataObjectRef()) instanceof DataObject o && o.collection();
        }
        return false;
    }
}
