package dev.baton.model.validation;

import dev.baton.model.Collaboration;
import dev.baton.model.DataStoreReference;
import dev.baton.model.Definitions;
import dev.baton.model.Event;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.Process;
import dev.baton.model.SubProcess;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bpmnlint no-overlapping-elements: shapes of one pool, process or subprocess do not overlap each other, and stay inside
 * their pool or expanded subprocess. A boundary event sitting on its host is fine, and so is everything drawn inside
 * an expanded subprocess (it is compared with its siblings only).
 */
final class NoOverlappingElementsRule extends BaseRule.Lint {
    NoOverlappingElementsRule() {
        super("no-overlapping-elements", Severity.WARNING,
                "Shapes do not overlap each other by accident and stay inside their pool or expanded subprocess.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof Definitions d)) return;
        Map<String, String> overlaps = new LinkedHashMap<>();
        Map<String, String> outside = new LinkedHashMap<>();
        Map<String, Item> poolOfProcess = new HashMap<>();
        Map<String, Object> described = new HashMap<>();
        for (Collaboration c : d.collaborations()) {
            List<Item> pools = new ArrayList<>();
            for (Collaboration.Participant p : c.participants()) {
                Bounds b = ctx.shape(p.id()).map(Shape::bounds).orElse(null);
                described.put(p.id(), p);
                if (b != null) pools.add(new Item(p.id(), null, b));
                if (b != null && p.processRef() != null) poolOfProcess.putIfAbsent(p.processRef(), new Item(p.id(), null, b));
            }
            collide(pools, overlaps);
        }
        for (Process p : d.processes()) {
            content(ctx, p.content(), poolOfProcess.get(p.id()), overlaps, outside, described);
        }
        overlaps.forEach((id, other) -> r.report(id, Describe.of(described.get(id)) + " overlaps "
                + Describe.inSentence(described.get(other)) + "; move one of them."));
        outside.forEach((id, parent) -> r.report(id, Describe.of(described.get(id)) + " sticks out of "
                + Describe.inSentence(described.get(parent)) + "; move it inside or enlarge the container."));
    }

    private record Item(String id, String attachedTo, Bounds bounds) {}

    /** @param parent the pool or expanded subprocess the content is drawn in, or null */
    private void content(RuleContext ctx, FlowContent content, Item parent, Map<String, String> overlaps,
                         Map<String, String> outside, Map<String, Object> described) {
        List<Item> items = new ArrayList<>();
        for (FlowElement e : content.elements()) {
            Bounds b = ctx.shape(e.id()).map(Shape::bounds).orElse(null);
            if (b == null) continue;
            described.put(e.id(), e);
            items.add(new Item(e.id(), e instanceof Event ev ? ev.attachedToRef() : null, b));
            // data stores may stand outside their pool, as bpmnlint allows for historical reasons
            if (parent != null && !(e instanceof DataStoreReference) && !inside(b, parent.bounds())) {
                outside.putIfAbsent(e.id(), parent.id());
            }
        }
        collide(items, overlaps);
        for (FlowElement e : content.elements()) {
            if (!(e instanceof SubProcess sp)) continue;
            described.put(sp.id(), sp);
            Shape shape = ctx.shape(sp.id()).orElse(null);
            Item inner = shape != null && Boolean.TRUE.equals(shape.expanded()) ? new Item(sp.id(), null, shape.bounds()) : null;
            content(ctx, sp.content(), inner, overlaps, outside, described);
        }
    }

    private static void collide(List<Item> items, Map<String, String> overlaps) {
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                Item a = items.get(i), b = items.get(j);
                if (a.id().equals(b.attachedTo()) || b.id().equals(a.attachedTo())) continue;
                if (touch(a.bounds(), b.bounds())) {
                    overlaps.putIfAbsent(a.id(), b.id());
                    overlaps.putIfAbsent(b.id(), a.id());
                }
            }
        }
    }

    /** bpmnlint counts shapes that merely touch as overlapping. */
    private static boolean touch(Bounds a, Bounds b) {
        return a.maxX() >= b.x() && b.maxX() >= a.x() && a.maxY() >= b.y() && b.maxY() >= a.y();
    }

    private static boolean inside(Bounds child, Bounds parent) {
        return child.x() >= parent.x() && child.y() >= parent.y() && child.maxX() <= parent.maxX() && child.maxY() <= parent.maxY();
    }
}
