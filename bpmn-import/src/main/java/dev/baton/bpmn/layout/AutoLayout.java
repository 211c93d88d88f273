package dev.baton.bpmn.layout;

import dev.baton.model.Artifact;
import dev.baton.model.CallActivity;
import dev.baton.model.Collaboration;
import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowNode;
import dev.baton.model.Gateway;
import dev.baton.model.Lane;
import dev.baton.model.LaneSet;
import dev.baton.model.Process;
import dev.baton.model.SubProcess;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Diagram;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Label;
import dev.baton.model.di.Plane;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws a diagram for a BPMN document that has none (or an incomplete one): ELK layered, left to right, orthogonal
 * edges, bpmn-js sizes, pools stacked with their lanes, boundary events on their host's bottom border, expanded
 * subprocesses laid out inside their shape. Semantics are not touched: only the diagrams are replaced.
 */
public final class AutoLayout {
    static final double POOL_PAD = 30;
    static final double POOL_GAP = 60;
    static final double BLACK_BOX_H = 60;
    static final double ORIGIN_X = 150, ORIGIN_Y = 80;
    /** The longest association drawn as a straight line, about two columns. */
    static final double STRAIGHT_MAX = 300;

    /** The same definitions with fresh diagrams: one for the collaboration when there is one, else one per process. */
    public Definitions layout(Definitions d) {
        List<Diagram> diagrams = new ArrayList<>();
        ModelIndex index = new ModelIndex(d);
        Set<String> usedIds = semanticIds(d, index);
        if (!d.collaborations().isEmpty()) {
            Collaboration c = d.collaborations().get(0);
            diagrams.add(diagram(index, c.id(), collaboration(d, index, c), usedIds, 1));
        } else {
            int n = 1;
            for (Process p : d.processes()) diagrams.add(diagram(index, p.id(), process(index, p), usedIds, n++));
        }
        return d.withDiagrams(diagrams);
    }

    /** True when some element that a diagram shows has no shape or edge in any of the document's diagrams. */
    public boolean needsLayout(Definitions d) {
        Set<String> drawn = new HashSet<>();
        for (Diagram diagram : d.diagrams()) {
            if (diagram.plane() == null) continue;
            for (DiagramElement e : diagram.plane().elements()) if (e.elementRef() != null) drawn.add(e.elementRef());
        }
        return !drawn.containsAll(visualElements(d));
    }

    /** Ids of every element a complete diagram draws. */
    static Set<String> visualElements(Definitions d) {
        Set<String> ids = new LinkedHashSet<>();
        ModelIndex index = new ModelIndex(d);
        index.elements.forEach((id, e) -> { if (e instanceof FlowNode) ids.add(id); });
        index.satellites.values().forEach(list -> list.forEach(e -> ids.add(ModelIndex.idOf(e))));
        index.looseAnnotations.forEach(t -> ids.add(t.id()));
        Set<String> linkIds = new HashSet<>();
        index.links.forEach(l -> linkIds.add(l.id()));
        for (ModelIndex.Link l : index.links) {
            boolean ends = (ids.contains(l.source()) || linkIds.contains(l.source())) && (ids.contains(l.target()) || linkIds.contains(l.target()));
            if (ends) ids.add(l.id());
        }
        for (Collaboration c : d.collaborations().stream().limit(1).toList()) {
            c.participants().forEach(p -> ids.add(p.id()));
            c.messageFlows().forEach(m -> ids.add(m.id()));
            for (Collaboration.Participant p : c.participants()) {
                if (p.processRef() == null) continue;
                d.process(p.processRef()).ifPresent(proc -> lanesOf(proc.content()).forEach(l -> addLanes(l, ids)));
            }
        }
        return ids;
    }

    private static void addLanes(Lane l, Set<String> ids) {
        ids.add(l.id());
        l.childLanes().forEach(c -> addLanes(c, ids));
    }

    static List<Lane> lanesOf(FlowContent content) {
        for (LaneSet ls : content.laneSets()) if (!ls.lanes().isEmpty()) return ls.lanes();
        return List.of();
    }

    // ---- building the picture ---------------------------------------------------------------------------------

    private Fragment process(ModelIndex index, Process p) {
        ScopeLayout scopes = new ScopeLayout(index);
        List<Lane> lanes = lanesOf(p.content());
        Fragment f = scopes.layout(p.id(), p.content(), lanes.isEmpty() ? null : lanes);
        if (lanes.isEmpty()) f.normalize();
        f.translate(ORIGIN_X, ORIGIN_Y);
        straightLeftovers(index, scopes, f);
        straightenDataLinks(index, f);
        return f;
    }

    private Fragment collaboration(Definitions d, ModelIndex index, Collaboration c) {
        ScopeLayout scopes = new ScopeLayout(index);
        record Block(String poolId, Fragment content, double width, double height, boolean lanes) {}
        List<Block> blocks = new ArrayList<>();
        Set<String> drawnProcesses = new HashSet<>();
        for (Collaboration.Participant part : c.participants()) {
            Process p = part.processRef() == null ? null : d.process(part.processRef()).orElse(null);
            if (p == null || !drawnProcesses.add(p.id()) || p.content().elements().isEmpty() && lanesOf(p.content()).isEmpty()) {
                blocks.add(new Block(part.id(), new Fragment(), 0, BLACK_BOX_H, false));
                continue;
            }
            List<Lane> lanes = lanesOf(p.content());
            Fragment f = scopes.layout(p.id(), p.content(), lanes.isEmpty() ? null : lanes);
            if (lanes.isEmpty()) {
                Bounds size = f.normalize();
                f.translate(Sizes.BAND + POOL_PAD, POOL_PAD);
                blocks.add(new Block(part.id(), f, Sizes.BAND + size.width() + 2 * POOL_PAD, size.height() + 2 * POOL_PAD, false));
            } else {
                Bounds size = f.extent();
                double h = lanes.stream().mapToDouble(l -> f.shapes.get(l.id()).maxY()).max().orElse(size.maxY());
                f.translate(Sizes.BAND, 0);
                blocks.add(new Block(part.id(), f, Sizes.BAND + size.maxX(), Math.max(h, size.maxY()), true));
            }
        }
        // processes no pool shows are still drawn, without a pool around them
        for (Process p : d.processes()) {
            if (drawnProcesses.contains(p.id()) || p.content().elements().isEmpty()) continue;
            List<Lane> lanes = lanesOf(p.content());
            Fragment f = scopes.layout(p.id(), p.content(), lanes.isEmpty() ? null : lanes);
            if (lanes.isEmpty()) {
                Bounds size = f.normalize();
                f.translate(Sizes.BAND + POOL_PAD, 0);
                blocks.add(new Block(null, f, Sizes.BAND + size.width() + POOL_PAD, size.height(), false));
            } else {
                Bounds size = f.extent();
                f.translate(Sizes.BAND, 0);
                blocks.add(new Block(null, f, Sizes.BAND + size.maxX(), size.maxY(), true));
            }
        }

        double width = blocks.stream().mapToDouble(Block::width).max().orElse(0);
        width = Math.max(width, 600);
        Fragment all = new Fragment();
        Map<String, Bounds> poolOfElement = new HashMap<>();
        double y = ORIGIN_Y;
        if (!index.looseAnnotations.isEmpty()) {
            double x = ORIGIN_X + Sizes.BAND + POOL_PAD, rowH = 0;
            for (Artifact.TextAnnotation t : index.looseAnnotations) {
                double[] s = Sizes.of(t);
                all.shapes.put(t.id(), new Bounds(x, y, s[0], s[1]));
                x += s[0] + ScopeLayout.ROW_GAP;
                rowH = Math.max(rowH, s[1]);
            }
            y += rowH + POOL_GAP;
        }
        for (Block b : blocks) {
            Bounds pool = new Bounds(ORIGIN_X, y, b.poolId == null && !b.lanes ? b.width : width, b.height);
            if (b.poolId != null) {
                all.shapes.put(b.poolId, pool);
                all.horizontal.add(b.poolId);
            }
            Fragment content = b.content;
            if (b.lanes) {
                // lanes reach the pool's right border
                for (String lane : new ArrayList<>(content.horizontal)) {
                    Bounds l = content.shapes.get(lane);
                    content.shapes.put(lane, new Bounds(l.x(), l.y(), width - l.x(), l.height()));
                }
            }
            all.addShifted(content, ORIGIN_X, y);
            for (String id : content.shapes.keySet()) poolOfElement.put(id, pool);
            if (b.poolId != null) poolOfElement.put(b.poolId, pool);
            y += b.height + POOL_GAP;
        }
        Map<Long, Integer> gapUse = new HashMap<>();
        List<Bounds> obstacles = new ArrayList<>(), drawnMessages = new ArrayList<>();
        all.shapes.forEach((id, b) -> { if (!all.horizontal.contains(id)) obstacles.add(b); });
        straightenDataLinks(index, all);
        // message flows, and sequence flows a broken file draws from one pool into another, run between the pools
        List<String[]> betweenPools = new ArrayList<>();
        for (Collaboration.MessageFlow m : c.messageFlows()) {
            betweenPools.add(new String[] {m.id(), m.sourceRef(), m.targetRef(), m.name()});
        }
        for (ModelIndex.Link l : index.links) {
            Bounds sp = poolOfElement.get(l.source()), tp = poolOfElement.get(l.target());
            if (l.kind() == ModelIndex.LinkKind.SEQUENCE && !scopes.routed.contains(l.id()) && sp != null && tp != null && sp != tp) {
                betweenPools.add(new String[] {l.id(), l.source(), l.target(), l.name()});
            }
        }
        for (String[] m : betweenPools) {
            Bounds s = all.shapes.get(m[1]), t = all.shapes.get(m[2]);
            if (s == null || t == null || m[0] == null || all.edges.containsKey(m[0])) continue;
            Bounds sp = poolOfElement.getOrDefault(m[1], s), tp = poolOfElement.getOrDefault(m[2], t);
            boolean down = s.centerY() < t.centerY();
            double topS = down ? sp.maxY() : sp.y() - POOL_GAP, topT = down ? tp.y() - POOL_GAP : tp.maxY();
            double gapS = gapLine(topS, gapUse);
            double gapT = Math.round(topS) == Math.round(topT) ? gapS : gapLine(topT, gapUse);
            // the ends and the subprocesses around them are not in the way
            List<Bounds> inTheWay = obstacles.stream().filter(o -> !o.contains(s) && !o.contains(t)).toList();
            List<Bounds> columns = new ArrayList<>(inTheWay);
            columns.addAll(drawnMessages);
            List<Bounds> lines = new ArrayList<>();
            all.edges.values().forEach(e -> lines.addAll(EdgeGeometry.segments(e)));
            List<Point> pts = EdgeGeometry.messageFlow(s, t, gapS, gapT, inTheWay, columns, lines, ORIGIN_X + Sizes.BAND + 5, ORIGIN_X + width - 5);
            all.edges.put(m[0], pts);
            if (Sizes.hasText(m[3])) {
                List<Bounds> occupied = new ArrayList<>(all.labels.values());
                all.shapes.forEach((id, b) -> { if (!all.horizontal.contains(id) && !all.expanded.contains(id)) occupied.add(b); });
                all.labels.put(m[0], EdgeGeometry.labelNear(pts, Sizes.label(m[3]), occupied));
            }
            // the next ones keep their vertical lines apart from this one's
            for (Bounds seg : EdgeGeometry.segments(pts)) {
                if (seg.height() > 1) drawnMessages.add(new Bounds(seg.x() - 4, seg.y(), seg.width() + 8, seg.height()));
            }
        }
        straightLeftovers(index, scopes, all);
        return all;
    }

    /**
     * Associations and data associations as bpmn-js draws them, one straight line from border to border, wherever
     * that line is short and passes through no other shape; elsewhere ELK's route stays.
     */
    private static void straightenDataLinks(ModelIndex index, Fragment f) {
        for (ModelIndex.Link l : index.links) {
            if (l.kind() == ModelIndex.LinkKind.SEQUENCE || !f.edges.containsKey(l.id())) continue;
            Bounds s = f.shapes.get(l.source()), t = f.shapes.get(l.target());
            if (s == null || t == null || s.intersects(t)) continue;
            List<Point> line = EdgeGeometry.straight(s, t);
            boolean clear = Math.hypot(line.get(0).x() - line.get(1).x(), line.get(0).y() - line.get(1).y()) <= STRAIGHT_MAX;
            for (Map.Entry<String, Bounds> e : f.shapes.entrySet()) {
                Bounds b = e.getValue();
                if (b == s || b == t || f.horizontal.contains(e.getKey()) || b.contains(s) || b.contains(t)) continue;
                Bounds inner = new Bounds(b.x() + 1, b.y() + 1, b.width() - 2, b.height() - 2);
                if (EdgeGeometry.crosses(line.get(0), line.get(1), inner)) { clear = false; break; }
            }
            if (clear) f.edges.put(l.id(), line);
        }
    }

    /** A horizontal line in the gap that starts at gapTop, a little apart from the lines drawn there before. */
    private static double gapLine(double gapTop, Map<Long, Integer> used) {
        int k = used.merge(Math.round(gapTop), 1, Integer::sum) - 1;
        double offset = ((k + 1) / 2) * 8.0 * (k % 2 == 0 ? 1 : -1);
        return gapTop + POOL_GAP / 2 + Math.max(-POOL_GAP / 2 + 6, Math.min(POOL_GAP / 2 - 6, offset));
    }

    /** Associations and data associations ELK could not route (their ends sit in different scopes): straight. */
    private static void straightLeftovers(ModelIndex index, ScopeLayout scopes, Fragment f) {
        for (ModelIndex.Link l : index.links) {
            if (scopes.routed.contains(l.id()) || f.edges.containsKey(l.id())) continue;
            Bounds s = endOf(f, l.source()), t = endOf(f, l.target());
            if (s == null || t == null) continue;
            f.edges.put(l.id(), EdgeGeometry.straight(s, t));
            if (l.kind() == ModelIndex.LinkKind.SEQUENCE && Sizes.hasText(l.name())) {
                f.labels.put(l.id(), EdgeGeometry.labelNear(f.edges.get(l.id()), Sizes.label(l.name())));
            }
        }
    }

    /** The shape of an element, or the middle of an edge when an association points at a flow. */
    private static Bounds endOf(Fragment f, String id) {
        Bounds b = f.shapes.get(id);
        if (b != null) return b;
        List<Point> pts = f.edges.get(id);
        if (pts == null || pts.size() < 2) return null;
        Point a = pts.get(pts.size() / 2 - (pts.size() % 2 == 0 ? 1 : 0)), c = pts.get(pts.size() / 2);
        if (a == c) return new Bounds(a.x(), a.y(), 0, 0);
        return new Bounds((a.x() + c.x()) / 2, (a.y() + c.y()) / 2, 0, 0);
    }

    // ---- DI --------------------------------------------------------------------------------------------------

    private Diagram diagram(ModelIndex index, String planeElement, Fragment f, Set<String> usedIds, int n) {
        Map<String, Object> elements = index.elements;
        List<DiagramElement> out = new ArrayList<>();
        for (Map.Entry<String, Bounds> e : f.shapes.entrySet()) {
            String id = e.getKey();
            Object element = elements.get(id);
            Boolean expanded = null, markerVisible = null, horizontal = f.horizontal.contains(id) ? Boolean.TRUE : null;
            if (element instanceof SubProcess) expanded = f.expanded.contains(id);
            if (element instanceof CallActivity) expanded = false;
            if (element instanceof Gateway g && g.kind() == ElementKind.EXCLUSIVE_GATEWAY) markerVisible = true;
            Bounds lb = f.labels.get(id);
            Label label = lb == null ? null : new Label(round(lb), null, null);
            out.add(new Shape(unique(id + "_di", usedIds), id, round(e.getValue()), expanded, horizontal, markerVisible,
                    null, null, null, label, null));
        }
        for (Map.Entry<String, List<Point>> e : f.edges.entrySet()) {
            String id = e.getKey();
            Bounds lb = f.labels.get(id);
            Label label = lb == null ? null : new Label(round(lb), null, null);
            List<Point> pts = e.getValue().stream().map(p -> new Point(Math.round(p.x()), Math.round(p.y()))).toList();
            out.add(new Edge(unique(id + "_di", usedIds), id, pts, null, null, null, label, null));
        }
        Plane plane = new Plane(unique("BPMNPlane_" + n, usedIds), planeElement, out, null);
        return new Diagram(unique("BPMNDiagram_" + n, usedIds), null, null, null, plane, null, null);
    }

    private static Bounds round(Bounds b) {
        double x = Math.round(b.x()), y = Math.round(b.y());
        return new Bounds(x, y, Math.round(b.maxX()) - x, Math.round(b.maxY()) - y);
    }

    private static String unique(String wanted, Set<String> used) {
        String id = wanted;
        for (int i = 2; used.contains(id); i++) id = wanted + "_" + i;
        used.add(id);
        return id;
    }

    private static Set<String> semanticIds(Definitions d, ModelIndex index) {
        Set<String> ids = new HashSet<>();
        d.rootElements().forEach(r -> ids.add(r.id()));
        ids.addAll(index.elements.keySet());
        index.links.forEach(l -> ids.add(l.id()));
        for (Collaboration c : d.collaborations()) {
            c.participants().forEach(p -> ids.add(p.id()));
            c.messageFlows().forEach(m -> ids.add(m.id()));
            c.artifacts().forEach(a -> ids.add(a.id()));
        }
        for (Process p : d.processes()) lanesOf(p.content()).forEach(l -> addLanes(l, ids));
        ids.remove(null);
        return ids;
    }
}
