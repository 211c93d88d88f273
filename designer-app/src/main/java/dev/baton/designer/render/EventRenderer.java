package dev.baton.designer.render;

import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Shape;

/** Events: one ring for start, two for intermediate and boundary, a thick one for end; dashed when non-interrupting. */
final class EventRenderer implements ShapeRenderer {

    @Override
    public void draw(RenderContext ctx, Shape shape, Object element) {
        Event e = (Event) element;
        Painter p = ctx.painter();
        Bounds b = shape.bounds();
        double cx = b.centerX(), cy = b.centerY(), r = Math.min(b.width(), b.height()) / 2;
        Rgb stroke = ctx.stroke(shape), fill = ctx.fill(shape);
        boolean dashed = !e.interrupting() && (e.kind() == ElementKind.BOUNDARY_EVENT || e.kind() == ElementKind.START_EVENT);
        double[] dash = dashed ? new double[]{5.5, 3} : null;
        switch (e.kind()) {
            case START_EVENT -> p.ellipse(cx, cy, r, r, new Style(fill, stroke, 1.5, dash));
            case END_EVENT -> p.ellipse(cx, cy, r - 2, r - 2, Style.of(fill, stroke, 4));
            default -> {
                p.ellipse(cx, cy, r, r, new Style(fill, stroke, 1.2, dash));
                p.ellipse(cx, cy, r - 3, r - 3, new Style(null, stroke, 1.2, dash));
            }
        }
        boolean throwing = e.isThrowing();
        var defs = e.eventDefinitions();
        if (defs.size() > 1) {
            Markers.multiple(p, cx, cy, r, throwing, e.parallelMultiple(), stroke, fill);
        } else if (defs.size() == 1) {
            EventDefinition d = defs.get(0);
            if (d instanceof EventDefinition.Reference ref) d = resolve(ctx, ref);
            Markers.eventDefinition(p, d, cx, cy, r, throwing, stroke, fill);
        }
        ExternalLabel.draw(ctx, shape, e.name());
    }

    /** A reference to a global event definition draws as what it refers to. */
    private static EventDefinition resolve(RenderContext ctx, EventDefinition.Reference ref) {
        return ctx.index().definitions().rootElements().stream()
                .filter(r -> r.id().equals(ref.eventDefinitionRef()))
                .map(r -> r.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))
                .findFirst()
                .map(name -> name.contains("message") ? (EventDefinition) new EventDefinition.Message(null, null, null, null)
                        : name.contains("signal") ? new EventDefinition.Signal(null, null, null)
                        : name.contains("error") ? new EventDefinition.Error(null, null, null, null, null)
                        : name.contains("escalation") ? new EventDefinition.Escalation(null, null, null, null) : ref)
                .orElse(ref);
    }
}
