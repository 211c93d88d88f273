package dev.baton.designer.render;

import dev.baton.model.Artifact;
import dev.baton.model.GlobalElement;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Shape;

/** Text annotations (an open bracket and the text) and groups (a dash-dot rounded rectangle and its category). */
final class ArtifactRenderer implements ShapeRenderer {

    @Override
    public void draw(RenderContext ctx, Shape shape, Object element) {
        Painter p = ctx.painter();
        Bounds b = shape.bounds();
        Rgb stroke = ctx.stroke(shape);
        if (element instanceof Artifact.TextAnnotation t) {
            if (ctx.hasCustomFill(shape)) p.rect(b.x(), b.y(), b.width(), b.height(), 0, Style.fill(ctx.fill(shape)));
            double arm = Math.min(15, b.width() / 2);
            p.path(PathData.poly(false, b.x() + arm, b.y(), b.x(), b.y(), b.x(), b.maxY(), b.x() + arm, b.maxY()), Style.stroke(stroke, 1.5));
            if (t.text() != null && p.drawsText()) {
                var lines = ctx.text().wrap(p, t.text(), Math.max(20, b.width() - 10), RenderContext.FONT_SIZE, false);
                double lh = p.lineHeight(RenderContext.FONT_SIZE);
                double top = Math.max(b.y() + 3, b.centerY() - lines.size() * lh / 2);
                ctx.leftText(t.text(), b.x() + 5, top, Math.max(20, b.width() - 10), ctx.textOn(shape));
            }
        } else if (element instanceof Artifact.Group g) {
            p.rect(b.x(), b.y(), b.width(), b.height(), 10, Style.stroke(stroke, 1.5).dashed(10, 4, 1.5, 4));
            String name = categoryValue(ctx, g.categoryValueRef());
            if (name != null) {
                Bounds lb = ExternalLabel.bounds(shape);
                if (lb != null) ctx.centeredText(name, lb.centerX(), lb.y(), Math.max(lb.width() + 6, 40), ctx.textOutside(shape));
                else ctx.centeredText(name, b.centerX(), b.y() + 5, b.width() - 10, ctx.textOutside(shape));
            }
        }
    }

    static String categoryValue(RenderContext ctx, String ref) {
        if (ref == null) return null;
        for (GlobalElement.Category c : ctx.index().definitions().globals(GlobalElement.Category.class)) {
            for (GlobalElement.CategoryValue v : c.values()) if (ref.equals(v.id())) return v.value();
        }
        return null;
    }
}
