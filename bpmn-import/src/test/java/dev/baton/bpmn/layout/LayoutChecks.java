package dev.baton.bpmn.layout;

import dev.baton.model.Activity;
import dev.baton.model.Artifact;
import dev.baton.model.Collaboration;
import dev.baton.model.DataAssociation;
import dev.baton.model.DataObjectReference;
import dev.baton.model.DataStoreReference;
import dev.baton.model.Definitions;
import dev.baton.model.Event;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.FlowNode;
import dev.baton.model.Lane;
import dev.baton.model.LaneSet;
import dev.baton.model.Process;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Edge;
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
 * What a person expects of a drawn diagram, checked on a laid-out document; each check returns the problems it found,
 * described by element id, so that a failing test says what is wrong where.
 */
final class LayoutChecks {
    final Definitions d;
    final Map<String, Shape> shapes = new HashMap<>();
    final Map<String, Edge> edges = new HashMap<>();
    /** Element id to the ids of the subprocesses, lanes and pools around it. */
    final Map<String, Set<String>> containers = new HashMap<>();
    final Map<String, String> hostOf = new HashMap<>();
    final Set<String> sequenceFlows = new LinkedHashSet<>();
    final Set<String> visual = new LinkedHashSet<>();
    final Set<String> poolsAndLanes = new HashSet<>();
    final Map<String, String> sourceOf = new HashMap<>(), targetOf = new HashMap<>();

    LayoutChecks(Definitions d) {
        this.d = d;
        for (var diagram : d.diagrams()) {
            for (DiagramElement e : diagram.plane().elements()) {
                if (e instanceof Shape s) shapes.put(s.elementRef(), s);
                if (e instanceof Edge g) edges.put(g.elementRef(), g);
            }
        }
        Map<String, Set<String>> laneOf = new HashMap<>();
        for (Process p : d.processes()) {
            for (LaneSet ls : p.content().laneSets()) for (Lane l : ls.lanes()) lanes(l, Set.of(), laneOf);
        }
        Set<String> pooled = new HashSet<>();
        for (Collaboration c : d.collaborations().stream().limit(1).toList()) {
            for (Collaboration.Participant part : c.participants()) {
                visual.add(part.id());
                poolsAndLanes.add(part.id());
                Process p = part.processRef() == null ? null : d.process(part.processRef()).orElse(null);
                if (p != null && pooled.add(p.id())) walk(p.content(), Set.of(part.id()), laneOf);
            }
            for (Collaboration.MessageFlow m : c.messageFlows()) visual.add(m.id());
            artifacts(c.artifacts());
        }
        for (Process p : d.processes()) if (!pooled.contains(p.id())) walk(p.content(), Set.of(), laneOf);
        // a boundary event is drawn where its host is; one that a file put inside its own host cannot be, and is not checked
        for (var it = hostOf.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (containers.getOrDefault(e.getKey(), Set.of()).contains(e.getValue())) it.remove();
            else if (containers.containsKey(e.getValue())) containers.put(e.getKey(), containers.get(e.getValue()));
        }
    }

    private void lanes(Lane l, Set<String> outer, Map<String, Set<String>> laneOf) {
        visual.add(l.id());
        poolsAndLanes.add(l.id());
        Set<String> mine = new HashSet<>(outer);
        mine.add(l.id());
        containers.put(l.id(), outer);
        for (String ref : l.flowNodeRefs()) laneOf.merge(ref, mine, (a, b) -> a.size() >= b.size() ? a : b);
        for (Lane c : l.childLanes()) lanes(c, mine, laneOf);
    }

    private void walk(FlowContent content, Set<String> outer, Map<String, Set<String>> laneOf) {
        for (LaneSet ls : content.laneSets()) for (Lane l : ls.lanes()) addPoolToLanes(l, outer);
        for (FlowElement e : content.elements()) {
            Set<String> around = new HashSet<>(outer);
            around.addAll(laneOf.getOrDefault(e.id(), Set.of()));
            containers.put(e.id(), around);
            if (e instanceof FlowNode || e instanceof DataObjectReference || e instanceof DataStoreReference) visual.add(e.id());
            if (e instanceof SequenceFlow f) {
                connections.put(f.id(), new String[] {f.sourceRef(), f.targetRef()});
                sequenceFlows.add(f.id());
                sourceOf.put(f.id(), f.sourceRef());
                targetOf.put(f.id(), f.targetRef());
            }
            if (e instanceof Event ev && ev.attachedToRef() != null) hostOf.put(ev.id(), ev.attachedToRef());
            if (e instanceof Activity a) {
                data(a.id(), a.activity().dataInputAssociations(), true);
                data(a.id(), a.activity().dataOutputAssociations(), false);
            }
            if (e instanceof Event ev) { data(ev.id(), ev.dataInputAssociations(), true); data(ev.id(), ev.dataOutputAssociations(), false); }
            if (e instanceof DataObjectReference r && r.dataObjectRef() != null) {
                referencesOf.computeIfAbsent(r.dataObjectRef(), k -> new HashSet<>()).add(r.id());
            }
            if (e instanceof SubProcess sp) {
                Set<String> inner = new HashSet<>(outer);
                inner.add(sp.id());
                walk(sp.content(), inner, Map.of());
            }
        }
        artifacts(content.artifacts());
    }

    private void addPoolToLanes(Lane l, Set<String> outer) {
        Set<String> c = new HashSet<>(containers.getOrDefault(l.id(), Set.of()));
        c.addAll(outer);
        containers.put(l.id(), c);
        for (Lane child : l.childLanes()) addPoolToLanes(child, outer);
    }

    /** Associations and data associations, id to their two ends: expected drawn when both ends are drawn. */
    final Map<String, String[]> connections = new HashMap<>();
    final Map<String, Set<String>> referencesOf = new HashMap<>();

    private void data(String owner, List<DataAssociation> as, boolean input) {
        for (DataAssociation a : as) {
            if (a.id() == null) continue;
            String data = input ? (a.sourceRefs().isEmpty() ? null : a.sourceRefs().get(0)) : a.targetRef();
            connections.put(a.id(), new String[] {owner, data});
        }
    }

    private boolean drawn(String id) {
        if (id == null) return false;
        if (shapes.containsKey(id) || edges.containsKey(id)) return true;
        return referencesOf.getOrDefault(id, Set.of()).stream().anyMatch(shapes::containsKey);
    }

    private void artifacts(List<Artifact> artifacts) {
        for (Artifact a : artifacts) {
            if (a instanceof Artifact.TextAnnotation) visual.add(a.id());
            if (a instanceof Artifact.Association as) connections.put(as.id(), new String[] {as.sourceRef(), as.targetRef()});
        }
    }

    // ---- checks ---------------------------------------------------------------------------------------------

    List<String> missingDi() {
        List<String> problems = new ArrayList<>();
        for (String id : visual) if (!shapes.containsKey(id) && !edges.containsKey(id)) problems.add(id + " has no shape or edge");
        connections.forEach((id, ends) -> {
            if (drawn(ends[0]) && drawn(ends[1]) && !edges.containsKey(id)) problems.add(id + " connects drawn shapes but has no edge");
        });
        return problems;
    }

    private boolean allowedOverlap(String a, String b) {
        if (poolsAndLanes.contains(a) || poolsAndLanes.contains(b)) return true;
        if (b.equals(hostOf.get(a)) || a.equals(hostOf.get(b))) return true;
        return containers.getOrDefault(a, Set.of()).contains(b) || containers.getOrDefault(b, Set.of()).contains(a);
    }

    List<String> overlaps() {
        List<String> problems = new ArrayList<>();
        List<Shape> all = new ArrayList<>(shapes.values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Shape s = all.get(i), t = all.get(j);
                if (allowedOverlap(s.elementRef(), t.elementRef())) continue;
                if (shrink(s.bounds(), 0.5).intersects(shrink(t.bounds(), 0.5))) {
                    problems.add(s.elementRef() + " " + s.bounds() + " overlaps " + t.elementRef() + " " + t.bounds());
                }
            }
        }
        return problems;
    }

    /** Sequence flows that pass through a shape other than their source and target (or the containers around them). */
    List<String> flowsThroughShapes() {
        List<String> problems = new ArrayList<>();
        for (String flow : sequenceFlows) {
            Edge e = edges.get(flow);
            if (e == null) continue;
            String src = sourceOf.get(flow), tgt = targetOf.get(flow);
            Set<String> around = new HashSet<>(containers.getOrDefault(src, Set.of()));
            around.addAll(containers.getOrDefault(tgt, Set.of()));
            for (Shape s : shapes.values()) {
                String id = s.elementRef();
                if (poolsAndLanes.contains(id) || around.contains(id)) continue;
                // its own ends may be touched at the border, not crossed
                Bounds inside = id.equals(src) || id.equals(tgt) ? shrink(s.bounds(), 1.5) : shrink(s.bounds(), 0.5);
                List<Point> pts = e.waypoints();
                for (int i = 0; i + 1 < pts.size(); i++) {
                    if (segmentHits(pts.get(i), pts.get(i + 1), inside)) {
                        problems.add(flow + " crosses " + id + " at segment " + pts.get(i) + "-" + pts.get(i + 1));
                        break;
                    }
                }
            }
        }
        return problems;
    }

    /** Message flows that pass through a shape other than their ends and what holds them. */
    List<String> messageFlowsThroughShapes() {
        List<String> problems = new ArrayList<>();
        for (Collaboration c : d.collaborations()) {
            for (Collaboration.MessageFlow m : c.messageFlows()) {
                Edge e = edges.get(m.id());
                Shape src = shapes.get(m.sourceRef()), tgt = shapes.get(m.targetRef());
                if (e == null || src == null || tgt == null) continue;
                for (Shape s : shapes.values()) {
                    if (poolsAndLanes.contains(s.elementRef()) || s == src || s == tgt) continue;
                    if (s.bounds().contains(src.bounds()) || s.bounds().contains(tgt.bounds())) continue;
                    List<Point> pts = e.waypoints();
                    for (int i = 0; i + 1 < pts.size(); i++) {
                        if (segmentHits(pts.get(i), pts.get(i + 1), shrink(s.bounds(), 0.5))) {
                            problems.add(m.id() + " crosses " + s.elementRef());
                            break;
                        }
                    }
                }
            }
        }
        return problems;
    }

    List<String> endsOffBorders() {
        List<String> problems = new ArrayList<>();
        for (String flow : sequenceFlows) {
            Edge e = edges.get(flow);
            Shape s = shapes.get(sourceOf.get(flow)), t = shapes.get(targetOf.get(flow));
            if (e == null || s == null || t == null) continue;
            if (!onBorder(e.waypoints().get(0), s.bounds())) problems.add(flow + " starts at " + e.waypoints().get(0) + " off " + s.bounds());
            Point last = e.waypoints().get(e.waypoints().size() - 1);
            if (!onBorder(last, t.bounds())) problems.add(flow + " ends at " + last + " off " + t.bounds());
        }
        return problems;
    }

    List<String> boundaryEventsOffHostBorder() {
        List<String> problems = new ArrayList<>();
        hostOf.forEach((event, host) -> {
            Shape e = shapes.get(event), h = shapes.get(host);
            if (e == null || h == null) return;
            boolean crosses = e.bounds().intersects(h.bounds()) && !h.bounds().contains(e.bounds());
            if (!crosses) problems.add(event + " " + e.bounds() + " is not on the border of " + host + " " + h.bounds());
        });
        return problems;
    }

    /** Shapes outside the subprocess, lane or pool that holds them. */
    List<String> outsideContainers() {
        List<String> problems = new ArrayList<>();
        containers.forEach((id, around) -> {
            Shape s = shapes.get(id);
            if (s == null) return;
            for (String c : around) {
                Shape outer = shapes.get(c);
                if (outer == null) continue;
                if (!grow(outer.bounds(), 0.5).contains(s.bounds())) problems.add(id + " " + s.bounds() + " is outside " + c + " " + outer.bounds());
            }
        });
        return problems;
    }

    List<String> all() {
        List<String> p = new ArrayList<>();
        p.addAll(missingDi());
        p.addAll(overlaps());
        p.addAll(flowsThroughShapes());
        p.addAll(endsOffBorders());
        p.addAll(boundaryEventsOffHostBorder());
        p.addAll(outsideContainers());
        return p;
    }

    // ---- geometry -------------------------------------------------------------------------------------------

    static Bounds shrink(Bounds b, double by) {
        return new Bounds(b.x() + by, b.y() + by, Math.max(0, b.width() - 2 * by), Math.max(0, b.height() - 2 * by));
    }

    static Bounds grow(Bounds b, double by) { return shrink(b, -by); }

    static boolean onBorder(Point p, Bounds b) {
        double tol = 1.5;
        boolean inX = p.x() >= b.x() - tol && p.x() <= b.maxX() + tol, inY = p.y() >= b.y() - tol && p.y() <= b.maxY() + tol;
        boolean nearV = Math.abs(p.x() - b.x()) <= tol || Math.abs(p.x() - b.maxX()) <= tol;
        boolean nearH = Math.abs(p.y() - b.y()) <= tol || Math.abs(p.y() - b.maxY()) <= tol;
        return inX && inY && (nearV || nearH);
    }

    /** Whether the segment a-b passes through the open rectangle r (Liang-Barsky clipping). */
    static boolean segmentHits(Point a, Point b, Bounds r) {
        if (r.width() <= 0 || r.height() <= 0) return false;
        double t0 = 0, t1 = 1, dx = b.x() - a.x(), dy = b.y() - a.y();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.x() - r.x(), r.maxX() - a.x(), a.y() - r.y(), r.maxY() - a.y()};
        for (int i = 0; i < 4; i++) {
            if (Math.abs(p[i]) < 1e-12) {
                if (q[i] <= 0) return false;
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) t0 = Math.max(t0, t); else t1 = Math.min(t1, t);
            }
        }
        return t0 < t1 - 1e-9;
    }
}
