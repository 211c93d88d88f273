package dev.baton.designer.render;

import dev.baton.model.di.Bounds;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Shape;

/** Names drawn outside their shape (events, gateways, data): where the DI puts them, else centred below. */
final class ExternalLabel {

    private ExternalLabel() {}

    static void draw(RenderContext ctx, Shape shape, String name) {
        if (name == null || name.isBlank()) return;
        Bounds lb = bounds(shape);
        if (lb != null) {
            ctx.centeredText(name, lb.centerX(), lb.y(), Math.max(lb.width() + 6, 40), ctx.textOutside(shape));
        } else {
            Bounds b = shape.bounds();
            ctx.centeredText(name, b.centerX(), b.maxY() + 5, 90, ctx.textOutside(shape));
        }
    }

    static Bounds bounds(DiagramElement de) {
        return de.label() == null ? null : de.label().bounds();
    }
}
