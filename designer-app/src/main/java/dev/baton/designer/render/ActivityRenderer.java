package dev.baton.designer.render;

import dev.baton.designer.model.Modeling;
import dev.baton.model.Activity;
import dev.baton.model.CallActivity;
import dev.baton.model.ElementKind;
import dev.baton.model.LoopCharacteristics;
import dev.baton.model.SubProcess;
import dev.baton.model.Task;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Shape;

import java.util.ArrayList;
import java.util.List;

/** Tasks with their type icon, subprocesses (expanded, collapsed, event, transaction), call activities, and markers. */
final class ActivityRenderer implements ShapeRenderer {

    @Override
    public void draw(RenderContext ctx, Shape shape, Object element) {
        Activity a = (Activity) element;
        Painter p = ctx.painter();
        Bounds b = shape.bounds();
        Rgb stroke = ctx.stroke(shape), fill = ctx.fill(shape);
        boolean expanded = a instanceof SubProcess && Modeling.isExpanded(shape) || a instanceof CallActivity && Boolean.TRUE.equals(shape.expanded());
        if (a instanceof CallActivity) {
            p.rect(b.x(), b.y(), b.width(), b.height(), 10, Style.of(fill, stroke, 4));
        } else if (a instanceof SubProcess sp && sp.kind() == ElementKind.EVENT_SUB_PROCESS) {
            p.rect(b.x(), b.y(), b.width(), b.height(), 10, Style.of(fill, stroke, 1.5).dashed(1.5, 3));
        } else if (a instanceof SubProcess sp && sp.kind() == ElementKind.TRANSACTION) {
            p.rect(b.x(), b.y(), b.width(), b.height(), 10, Style.of(fill, stroke, 1.5));
            p.rect(b.x() + 3, b.y() + 3, b.width() - 6, b.height() - 6, 8, Style.stroke(stroke, 1.5));
        } else {
            p.rect(b.x(), b.y(), b.width(), b.height(), 10, Style.of(fill, stroke, 2));
        }
        if (a instanceof Task t) icon(p, t.kind(), b.x() + 6, b.y() + 6, stroke, fill);

        String name = a.name();
        Rgb text = ctx.textOn(shape);
        if (expanded) {
            if (name != null) ctx.leftText(name, b.x() + 10, b.y() + 6, Math.max(30, b.width() - 20), text);
        } else if (name != null) {
            ctx.boxText(name, b.x() + 6, b.y(), b.width() - 12, b.height(), text);
        }
        markers(ctx, a, b, !expanded && a instanceof SubProcess, stroke, fill);
    }

    static void icon(Painter p, ElementKind kind, double x, double y, Rgb stroke, Rgb fill) {
        switch (kind) {
            case USER_TASK -> Markers.userIcon(p, x, y, stroke, fill);
            case SERVICE_TASK -> Markers.serviceIcon(p, x, y, stroke, fill);
            case SCRIPT_TASK -> Markers.scriptIcon(p, x, y, stroke, fill);
            case SEND_TASK -> Markers.envelope(p, x + 9, y + 7, 18, 12, true, stroke, fill, 1);
            case RECEIVE_TASK -> Markers.envelope(p, x + 9, y + 7, 18, 12, false, stroke, fill, 1);
            case MANUAL_TASK -> Markers.manualIcon(p, x, y, stroke, fill);
            case BUSINESS_RULE_TASK -> Markers.businessRuleIcon(p, x, y, stroke, fill);
            default -> { }
        }
    }

    /** Loop, multi-instance, compensation, ad-hoc and collapsed markers, side by side at the bottom centre. */
    private static void markers(RenderContext ctx, Activity a, Bounds b, boolean collapsed, Rgb stroke, Rgb fill) {
        Painter p = ctx.painter();
        double cy = b.maxY() - 11;
        List<java.util.function.DoubleConsumer> ms = new ArrayList<>();
        LoopCharacteristics loop = a.activity().loop();
        if (loop instanceof LoopCharacteristics.StandardLoop) ms.add(x -> Markers.loop(p, x, cy, stroke));
        if (loop instanceof LoopCharacteristics.MultiInstance mi) {
            ms.add(mi.sequential() ? x -> Markers.sequentialMultiInstance(p, x, cy, stroke) : x -> Markers.parallelMultiInstance(p, x, cy, stroke));
        }
        if (a.activity().forCompensation()) ms.add(x -> Markers.compensation(p, x, cy, 6, Style.of(fill, stroke, 1.2)));
        if (a instanceof SubProcess sp && sp.kind() == ElementKind.AD_HOC_SUB_PROCESS) ms.add(x -> Markers.adHoc(p, x, cy, stroke));
        if (collapsed || (a instanceof CallActivity && !isExpandedCall(ctx, a))) {
            if (a instanceof SubProcess || a instanceof CallActivity && ((CallActivity) a).calledElement() != null
                    && ctx.index().definitions().process(((CallActivity) a).calledElement()).isPresent()) {
                ms.add(ms.size() / 2, x -> Markers.collapsed(p, x, cy - 1, stroke, fill));
            }
        }
        double step = 18;
        double start = b.centerX() - step * (ms.size() - 1) / 2.0;
        for (int i = 0; i < ms.size(); i++) ms.get(i).accept(start + i * step);
    }

    private static boolean isExpandedCall(RenderContext ctx, Activity a) {
        Shape s = ctx.index().shape(a.id());
        return s != null && Boolean.TRUE.equals(s.expanded());
    }
}
