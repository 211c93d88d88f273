package dev.baton.designer.render;

import dev.baton.model.Collaboration;
import dev.baton.model.Lane;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Shape;

/** Pools and lanes: a rectangle, a band holding the name turned 90 degrees (or on top for vertical pools). */
final class ParticipantRenderer implements ShapeRenderer {

    static final double BAND = 30;

    @Override
    public void draw(RenderContext ctx, Shape shape, Object element) {
        Painter p = ctx.painter();
        Bounds b = shape.bounds();
        Rgb stroke = ctx.stroke(shape);
        boolean horizontal = !Boolean.FALSE.equals(shape.horizontal());
        boolean pool = element instanceof Collaboration.Participant;
        String name = pool ? ((Collaboration.Participant) element).name() : ((Lane) element).name();
        Rgb fill = pool ? (ctx.hasCustomFill(shape) ? ctx.fill(shape) : ctx.theme().poolFill()) : (ctx.hasCustomFill(shape) ? ctx.fill(shape) : null);
        p.rect(b.x(), b.y(), b.width(), b.height(), 0, Style.of(fill, stroke, pool ? 2 : 1.2));
        boolean blackBox = pool && ((Collaboration.Participant) element).processRef() == null;
        Rgb text = ctx.textOn(shape);
        if (blackBox) {
            if (name != null) ctx.boxText(name, b.x(), b.y(), b.width(), b.height(), text);
            return;
        }
        if (horizontal) {
            if (pool) p.path(PathData.poly(false, b.x() + BAND, b.y(), b.x() + BAND, b.maxY()), Style.stroke(stroke, 1.5));
            if (name == null || !p.drawsText()) return;
            p.save();
            p.translate(b.x() + BAND / 2, b.centerY());
            p.rotate(-90);
            var lines = ctx.text().wrap(p, name, Math.max(20, b.height() - 10), RenderContext.FONT_SIZE, false);
            double lh = p.lineHeight(RenderContext.FONT_SIZE);
            double top = -lines.size() * lh / 2;
            for (int i = 0; i < lines.size(); i++) p.text(lines.get(i), 0, top + i * lh, RenderContext.FONT_SIZE, false, Painter.Align.CENTER, text);
            p.restore();
        } else {
            if (pool) p.path(PathData.poly(false, b.x(), b.y() + BAND, b.maxX(), b.y() + BAND), Style.stroke(stroke, 1.5));
            if (name != null) ctx.boxText(name, b.x() + 5, b.y(), b.width() - 10, BAND, text);
        }
    }
}
