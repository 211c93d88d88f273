package dev.baton.bpmn.layout;

import dev.baton.model.Event;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowNode;
import dev.baton.model.Lane;
import dev.baton.model.SubProcess;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Point;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.elk.alg.layered.options.CrossingMinimizationStrategy;
import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.NodeLabelPlacement;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays out the content of one process or subprocess with ELK layered, left to right with orthogonal edges.
 * Expanded subprocesses are laid out first and enter their parent's graph as one node of their size; boundary events
 * are ports on their host's bottom border, so ELK routes their flows away from the host; event subprocesses go in a
 * row below the main flow; lanes get a second, interactive ELK run that keeps each node inside its lane's band.
 */
final class ScopeLayout {
    static final double NODE_GAP = 40;
    static final double LAYER_GAP = 50;
    static final double SUB_PAD = 25;
    static final double SUB_TOP = 35;
    static final double ROW_GAP = 40;
    static final double LANE_PAD = 25;
    static final double LANE_MIN_H = 120;
    static final double BOUNDARY_STEP = 46;

    private final ModelIndex index;
    /** Links ELK has routed; the rest get a straight line at the end. */
    final Set<String> routed = new HashSet<>();

    private final Map<String, Fragment> inners = new HashMap<>();
    private final Map<String, ModelIndex.Link> linkById = new HashMap<>();

    ScopeLayout(ModelIndex index) {
        this.index = index;
        for (ModelIndex.Link l : index.links) linkById.putIfAbsent(l.id(), l);
    }

    /** One ELK node of the scope and what hangs on it. */
    private static final class Item {
        final String id;
        final Object element;
        final ElkNode node;
        ElkPort in, out;
        /** Where associations and data associations attach, apart from the sequence flows: the top border. */
        ElkPort artifactIn, artifactOut;
        final Map<String, ElkPort> boundary = new LinkedHashMap<>();
        Fragment inner;
        String lane;

        Item(String id, Object element, ElkNode node) {
            this.id = id;
            this.element = element;
            this.node = node;
        }
    }

    /** Whether a subprocess is drawn open with its content inside. */
    static boolean expanded(SubProcess sp) { return !sp.content().nodes().isEmpty(); }

    Fragment layout(String scopeId, FlowContent content, List<Lane> lanes) {
        List<FlowNode> main = new ArrayList<>();
        List<SubProcess> eventSubs = new ArrayList<>();
        for (FlowNode n : content.nodes()) {
            if (index.onHost.contains(n.id())) continue;
            if (n instanceof SubProcess sp && sp.triggeredByEvent()) eventSubs.add(sp);
            else main.add(n);
        }
        Map<String, List<Event>> boundaryByHost = index.boundaryByHost;

        ElkNode root = ElkGraphUtil.createGraph();
        configure(root);
        Map<String, Item> items = new LinkedHashMap<>();
        for (FlowNode n : main) {
            Item item = addItem(root, n.id(), n, boundaryByHost.getOrDefault(n.id(), List.of()));
            items.put(n.id(), item);
        }
        for (Object s : index.satellites.getOrDefault(scopeId, List.of())) {
            String id = ModelIndex.idOf(s);
            items.put(id, addItem(root, id, s, List.of()));
        }
        Map<String, ElkPort> sources = new HashMap<>(), targets = new HashMap<>();
        Map<String, ElkPort> artifactSources = new HashMap<>(), artifactTargets = new HashMap<>();
        for (Item item : items.values()) {
            sources.put(item.id, item.out);
            targets.put(item.id, item.in);
            sources.putAll(item.boundary);
            artifactSources.put(item.id, item.artifactOut != null ? item.artifactOut : item.out);
            artifactTargets.put(item.id, item.artifactIn != null ? item.artifactIn : item.in);
            artifactSources.putAll(item.boundary);
        }
        Map<String, ElkEdge> edges = new LinkedHashMap<>();
        for (ModelIndex.Link link : index.links) {
            boolean sequence = link.kind() == ModelIndex.LinkKind.SEQUENCE;
            ElkPort from = (sequence ? sources : artifactSources).get(link.source());
            ElkPort to = (sequence ? targets : artifactTargets).get(link.target());
            if (from == null || to == null || routed.contains(link.id())) continue;
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(from, to);
            edge.setIdentifier(link.id());
            if (link.kind() == ModelIndex.LinkKind.SEQUENCE && Sizes.hasText(link.name())) {
                double[] size = Sizes.label(link.name());
                ElkLabel label = ElkGraphUtil.createLabel(link.name(), edge);
                label.setDimensions(size[0], size[1]);
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            }
            edges.put(link.id(), edge);
        }

        if (!items.isEmpty()) run(root, scopeId);

        LaneBands bands = null;
        if (lanes != null && !lanes.isEmpty() && !items.isEmpty()) {
            bands = new LaneBands(lanes, index);
            for (Item item : items.values()) item.lane = bands.leafFor(item.id);
            fitIntoLanes(scopeId, root, items, edges, bands, eventSubs);
        } else if (lanes != null && !lanes.isEmpty()) {
            bands = new LaneBands(lanes, index);
            Map<String, Double> strips = new HashMap<>();
            for (SubProcess esp : eventSubs) strips.merge(bands.leafFor(esp.id()), eventSubprocessSize(esp)[1], Math::max);
            bands.plan(Map.of(), strips);
        }

        Fragment f = new Fragment();
        collect(items, edges, f, bands != null);
        routed.addAll(edges.keySet());
        placeEventSubprocesses(eventSubs, f, bands);
        if (bands != null) {
            bands.fitEdges(f);
            bands.clearBorders(f);
            bands.draw(f);
        }
        return f;
    }

    private void configure(ElkNode root) {
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(12));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_GAP);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_GAP);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 20.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 20.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 15.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 15.0);
        root.setProperty(LayeredOptions.SPACING_LABEL_NODE, 6.0);
        root.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.DEPTH_FIRST);
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.PREFER_EDGES);
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.BRANDES_KOEPF);
        root.setProperty(LayeredOptions.FEEDBACK_EDGES, true);
    }

    private Item addItem(ElkNode root, String id, Object element, List<Event> boundaryEvents) {
        double[] size = Sizes.of(element);
        Fragment inner = null;
        if (element instanceof SubProcess sp && expanded(sp)) {
            inner = innerOf(sp);
            Bounds e = inner.extent();
            size = new double[] {Math.max(Sizes.TASK_W * 2, e.width() + 2 * SUB_PAD),
                    Math.max(Sizes.TASK_H + 40, e.height() + SUB_TOP + SUB_PAD)};
        }
        double w = Math.max(size[0], boundaryEvents.size() * BOUNDARY_STEP), h = size[1];
        ElkNode node = ElkGraphUtil.createNode(root);
        node.setIdentifier(id);
        node.setDimensions(w, h);
        node.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
        Item item = new Item(id, element, node);
        item.inner = inner;
        item.in = port(node, 0, h / 2, 0, 0, PortSide.WEST);
        item.out = port(node, w, h / 2, 0, 0, PortSide.EAST);
        if (element instanceof FlowNode) {
            item.artifactIn = port(node, w * 0.3, 0, 0, 0, PortSide.NORTH);
            item.artifactOut = port(node, w * 0.7, 0, 0, 0, PortSide.NORTH);
        }
        String name = ModelIndex.nameOf(element);
        if (Sizes.labelOutside(element) && Sizes.hasText(name)) {
            double[] ls = Sizes.label(name);
            ElkLabel label = ElkGraphUtil.createLabel(name, node);
            label.setDimensions(ls[0], ls[1]);
            node.setProperty(CoreOptions.NODE_LABELS_PLACEMENT, NodeLabelPlacement.outsideBottomCenter());
        }
        double step = w / Math.max(1, boundaryEvents.size());
        for (int i = 0; i < boundaryEvents.size(); i++) {
            Event b = boundaryEvents.get(i);
            double cx = step * (i + 0.5);
            ElkPort p = port(node, cx - Sizes.EVENT / 2, h - Sizes.EVENT / 2, Sizes.EVENT, Sizes.EVENT, PortSide.SOUTH);
            // centred on the border line; flows leave the event at its bottom point
            p.setProperty(CoreOptions.PORT_BORDER_OFFSET, -Sizes.EVENT / 2);
            p.setProperty(CoreOptions.PORT_ANCHOR, new KVector(Sizes.EVENT / 2, Sizes.EVENT));
            if (Sizes.hasText(b.name())) {
                double[] ls = Sizes.label(b.name());
                ElkLabel label = ElkGraphUtil.createLabel(b.name(), p);
                label.setDimensions(ls[0], ls[1]);
            }
            item.boundary.put(b.id(), p);
        }
        return item;
    }

    private static ElkPort port(ElkNode node, double x, double y, double w, double h, PortSide side) {
        ElkPort p = ElkGraphUtil.createPort(node);
        p.setDimensions(w, h);
        p.setLocation(x, y);
        p.setProperty(CoreOptions.PORT_SIDE, side);
        return p;
    }

    private Fragment innerOf(SubProcess sp) {
        Fragment inner = inners.get(sp.id());
        if (inner == null) {
            inner = layout(sp.id(), sp.content(), null);
            inner.normalize();
            inners.put(sp.id(), inner);
        }
        return inner;
    }

    private static void run(ElkNode root, String scopeId) {
        try {
            new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        } catch (RuntimeException e) {
            throw new IllegalStateException("automatic layout of " + scopeId + " failed: " + e.getMessage(), e);
        }
    }

    /** Reads positions back from ELK into the fragment, inner subprocess content included. */
    private void collect(Map<String, Item> items, Map<String, ElkEdge> edges, Fragment f, boolean laneRun) {
        for (Item item : items.values()) {
            ElkNode n = item.node;
            Bounds b = new Bounds(n.getX(), n.getY(), n.getWidth(), n.getHeight());
            f.shapes.put(item.id, b);
            if (item.inner != null) {
                f.expanded.add(item.id);
                f.addShifted(item.inner, b.x() + SUB_PAD, b.y() + SUB_TOP);
            }
            if (!n.getLabels().isEmpty()) {
                ElkLabel l = n.getLabels().get(0);
                f.labels.put(item.id, new Bounds(b.x() + l.getX(), b.y() + l.getY(), l.getWidth(), l.getHeight()));
            }
            for (Map.Entry<String, ElkPort> e : item.boundary.entrySet()) {
                ElkPort p = e.getValue();
                Bounds eb = new Bounds(b.x() + p.getX(), b.y() + p.getY(), p.getWidth(), p.getHeight());
                f.shapes.put(e.getKey(), eb);
                if (!p.getLabels().isEmpty()) {
                    ElkLabel l = p.getLabels().get(0);
                    // below the event, right of the flow that leaves its bottom
                    f.labels.put(e.getKey(), new Bounds(eb.centerX() + 4, eb.maxY() + 2, l.getWidth(), l.getHeight()));
                }
            }
        }
        for (Map.Entry<String, ElkEdge> e : edges.entrySet()) {
            ElkEdge edge = e.getValue();
            if (edge.getSections().isEmpty()) continue;
            ElkEdgeSection s = edge.getSections().get(0);
            List<Point> pts = new ArrayList<>();
            pts.add(new Point(s.getStartX(), s.getStartY()));
            for (ElkBendPoint bp : s.getBendPoints()) pts.add(new Point(bp.getX(), bp.getY()));
            pts.add(new Point(s.getEndX(), s.getEndY()));
            f.edges.put(e.getKey(), simplify(pts));
            if (!edge.getLabels().isEmpty()) {
                ElkLabel l = edge.getLabels().get(0);
                f.labels.put(e.getKey(), new Bounds(l.getX(), l.getY(), l.getWidth(), l.getHeight()));
            } else if (laneRun) {
                ModelIndex.Link link = linkById.get(e.getKey());
                if (link != null && link.kind() == ModelIndex.LinkKind.SEQUENCE && Sizes.hasText(link.name())) {
                    List<Bounds> occupied = new ArrayList<>(f.labels.values());
                    f.shapes.forEach((id, b) -> { if (!f.expanded.contains(id)) occupied.add(b); });
                    f.labels.put(e.getKey(), EdgeGeometry.labelNear(f.edges.get(e.getKey()), Sizes.label(link.name()), occupied));
                }
            }
        }
    }

    /** Drops repeated points and middle points of straight runs. */
    static List<Point> simplify(List<Point> pts) {
        List<Point> out = new ArrayList<>();
        for (Point p : pts) {
            if (!out.isEmpty() && near(out.get(out.size() - 1), p)) continue;
            if (out.size() >= 2) {
                Point a = out.get(out.size() - 2), b = out.get(out.size() - 1);
                boolean straight = (Math.abs(a.x() - b.x()) < 0.5 && Math.abs(b.x() - p.x()) < 0.5)
                        || (Math.abs(a.y() - b.y()) < 0.5 && Math.abs(b.y() - p.y()) < 0.5);
                if (straight) out.remove(out.size() - 1);
            }
            out.add(p);
        }
        if (out.size() == 1) out.add(out.get(0));
        return out;
    }

    private static boolean near(Point a, Point b) {
        return Math.abs(a.x() - b.x()) < 0.5 && Math.abs(a.y() - b.y()) < 0.5;
    }

    /** Event subprocesses in a row below the main flow (or below their lane's content), clear of every edge. */
    private void placeEventSubprocesses(List<SubProcess> eventSubs, Fragment f, LaneBands bands) {
        if (eventSubs.isEmpty()) return;
        Bounds all = f.extent();
        double nextX = bands == null ? all.x() : bands.contentLeft;
        Map<String, Double> nextXByLane = new HashMap<>();
        for (SubProcess esp : eventSubs) {
            Fragment inner = expanded(esp) ? innerOf(esp) : null;
            double[] size = eventSubprocessSize(esp);
            double w = size[0], h = size[1];
            double x, y;
            if (bands == null) {
                x = nextX;
                y = all.maxY() + ROW_GAP;
                nextX = x + w + ROW_GAP;
            } else {
                String lane = bands.leafFor(esp.id());
                Bounds strip = bands.strip(lane);
                x = nextXByLane.getOrDefault(lane, bands.contentLeft);
                y = strip.y();
                x = freeX(f, x, y, w, h);
                nextXByLane.put(lane, x + w + ROW_GAP);
            }
            Bounds b = new Bounds(x, y, w, h);
            f.shapes.put(esp.id(), b);
            if (inner != null) {
                f.expanded.add(esp.id());
                f.addShifted(inner, x + SUB_PAD, y + SUB_TOP);
            }
        }
    }

    /** The leftmost x from which a w-by-h box at y touches no shape, label or edge already drawn. */
    private static double freeX(Fragment f, double x, double y, double w, double h) {
        for (int guard = 0; guard < 10_000; guard++) {
            double blockedUntil = Double.NaN;
            Bounds box = new Bounds(x - 10, y - 10, w + 20, h + 20);
            for (Bounds b : f.shapes.values()) if (box.intersects(b)) blockedUntil = max(blockedUntil, b.maxX());
            for (Bounds b : f.labels.values()) if (box.intersects(b)) blockedUntil = max(blockedUntil, b.maxX());
            for (List<Point> pts : f.edges.values()) {
                for (int i = 0; i + 1 < pts.size(); i++) {
                    Point a = pts.get(i), c = pts.get(i + 1);
                    Bounds seg = new Bounds(Math.min(a.x(), c.x()), Math.min(a.y(), c.y()),
                            Math.abs(a.x() - c.x()) + 0.01, Math.abs(a.y() - c.y()) + 0.01);
                    if (box.intersects(seg)) blockedUntil = max(blockedUntil, seg.maxX());
                }
            }
            if (Double.isNaN(blockedUntil)) return x;
            x = blockedUntil + 20;
        }
        return x;
    }

    private static double max(double a, double b) { return Double.isNaN(a) ? b : Math.max(a, b); }

    // ---- lanes ----------------------------------------------------------------------------------------------

    /**
     * Packs each lane's nodes into its band, keeping ELK's columns and the vertical order inside a lane, then lets
     * ELK route again with its interactive phases, which keep those positions. A lane whose nodes ELK had to move
     * down grows, and ELK runs again. Leaves the ELK graph in lane coordinates.
     */
    private void fitIntoLanes(String scopeId, ElkNode root, Map<String, Item> items, Map<String, ElkEdge> edges, LaneBands bands,
                              List<SubProcess> eventSubs) {
        Map<String, double[]> extent = new HashMap<>();
        for (Item item : items.values()) extent.put(item.id, verticalExtent(item));
        Map<String, Double> stripHeights = new HashMap<>();
        for (SubProcess esp : eventSubs) {
            stripHeights.merge(bands.leafFor(esp.id()), eventSubprocessSize(esp)[1], Math::max);
        }
        // squeeze out the empty space other lanes' nodes left between this lane's nodes
        Map<String, Double> offsetInLane = new HashMap<>();
        Map<String, Double> contentHeight = new HashMap<>();
        for (String lane : bands.leaves()) {
            List<Item> mine = items.values().stream().filter(i -> lane.equals(i.lane))
                    .sorted((a, b) -> Double.compare(extent.get(a.id)[0], extent.get(b.id)[0])).toList();
            if (mine.isEmpty()) continue;
            double firstTop = extent.get(mine.get(0).id)[0];
            double shift = 0, bottomOld = firstTop, bottomNew = 0;
            for (Item item : mine) {
                double[] ex = extent.get(item.id);
                if (ex[0] > bottomOld + NODE_GAP) shift -= ex[0] - bottomOld - NODE_GAP;
                offsetInLane.put(item.id, item.node.getY() + shift - firstTop);
                bottomOld = Math.max(bottomOld, ex[1]);
                bottomNew = Math.max(bottomNew, ex[1] + shift - firstTop);
            }
            contentHeight.put(lane, bottomNew);
        }
        bands.plan(contentHeight, stripHeights);

        root.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.INTERACTIVE);
        root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.INTERACTIVE);
        root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_STRATEGY, CrossingMinimizationStrategy.INTERACTIVE);
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.INTERACTIVE);
        root.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, false);
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NONE);
        // center labels would become dummy nodes the interactive placer puts at the top of a layer
        for (ElkEdge e : edges.values()) e.getLabels().clear();

        Map<String, Double> y = new HashMap<>();
        for (Item item : items.values()) y.put(item.id, bands.contentTop(item.lane) + offsetInLane.get(item.id));
        double dy = 0;
        for (int round = 0; round < 10; round++) {
            moveKeepingRoutes(items, edges, y);
            run(root, "the lanes of " + scopeId);
            // ELK moves the drawing to its padding; measure that so planned and actual coordinates compare
            dy = Double.POSITIVE_INFINITY;
            for (Item item : items.values()) dy = Math.min(dy, item.node.getY() - y.get(item.id));
            Map<String, Double> before = bands.contentTops();
            boolean fits = true;
            for (String lane : bands.leaves()) {
                double over = 0;
                for (Item item : items.values()) {
                    if (lane.equals(item.lane)) over = Math.max(over, verticalExtent(item)[1] - dy - bands.contentBottom(lane));
                }
                if (over > 0.5) {
                    fits = false;
                    bands.grow(lane, over + 1);
                }
            }
            if (fits) break;
            Map<String, Double> after = bands.contentTops();
            for (Item item : items.values()) {
                y.put(item.id, item.node.getY() - dy + after.get(item.lane) - before.get(item.lane));
            }
        }
        shiftAll(items, edges, bands.contentLeft - 12, -dy);
    }

    private double[] eventSubprocessSize(SubProcess esp) {
        if (!expanded(esp)) return new double[] {Sizes.TASK_W, Sizes.TASK_H};
        Bounds e = innerOf(esp).extent();
        return new double[] {Math.max(Sizes.TASK_W * 2, e.width() + 2 * SUB_PAD), Math.max(Sizes.TASK_H + 40, e.height() + SUB_TOP + SUB_PAD)};
    }

    /**
     * Moves nodes to their planned y and carries the current edge routes along, each bend point with the end it is
     * nearer to, so that ELK's interactive phases start from routes that already fit the lanes.
     */
    private static void moveKeepingRoutes(Map<String, Item> items, Map<String, ElkEdge> edges, Map<String, Double> y) {
        Map<ElkNode, Double> delta = new HashMap<>();
        for (Item item : items.values()) delta.put(item.node, y.get(item.id) - item.node.getY());
        for (ElkEdge e : edges.values()) {
            if (e.getSections().isEmpty()) continue;
            ElkEdgeSection s = e.getSections().get(0);
            ElkNode src = ElkGraphUtil.connectableShapeToNode(e.getSources().get(0));
            ElkNode tgt = ElkGraphUtil.connectableShapeToNode(e.getTargets().get(0));
            double ds = delta.getOrDefault(src, 0.0), dt = delta.getOrDefault(tgt, 0.0);
            double sy = s.getStartY(), ty = s.getEndY();
            for (ElkBendPoint p : s.getBendPoints()) {
                p.set(p.getX(), p.getY() + (Math.abs(p.getY() - sy) <= Math.abs(p.getY() - ty) ? ds : dt));
            }
            s.setStartLocation(s.getStartX(), sy + ds);
            s.setEndLocation(s.getEndX(), ty + dt);
        }
        for (Item item : items.values()) item.node.setY(y.get(item.id));
    }

    private static double[] verticalExtent(Item item) {
        ElkNode n = item.node;
        double top = n.getY(), bottom = n.getY() + n.getHeight();
        for (ElkLabel l : n.getLabels()) bottom = Math.max(bottom, n.getY() + l.getY() + l.getHeight());
        for (ElkPort p : item.boundary.values()) {
            bottom = Math.max(bottom, n.getY() + p.getY() + p.getHeight());
            for (ElkLabel l : p.getLabels()) bottom = Math.max(bottom, n.getY() + p.getY() + p.getHeight() + l.getHeight());
        }
        return new double[] {top, bottom};
    }

    private static void shiftAll(Map<String, Item> items, Map<String, ElkEdge> edges, double dx, double dy) {
        for (Item item : items.values()) item.node.setLocation(item.node.getX() + dx, item.node.getY() + dy);
        for (ElkEdge e : edges.values()) {
            for (ElkEdgeSection s : e.getSections()) {
                s.setStartLocation(s.getStartX() + dx, s.getStartY() + dy);
                s.setEndLocation(s.getEndX() + dx, s.getEndY() + dy);
                for (ElkBendPoint p : s.getBendPoints()) p.set(p.getX() + dx, p.getY() + dy);
            }
            for (ElkLabel l : e.getLabels()) l.setLocation(l.getX() + dx, l.getY() + dy);
        }
    }
}
