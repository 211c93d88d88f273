package dev.baton.bpmn.layout;

import dev.baton.model.Lane;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Point;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The horizontal bands of a process's lanes, nested lanes included. Only leaf lanes hold nodes; a parent lane's band
 * is the union of its children's. Coordinates are the laid-out process's own, the top lane starting at y = 0.
 */
final class LaneBands {
    private final List<Lane> top;
    private final List<String> leaves = new ArrayList<>();
    private final Map<String, Integer> depth = new HashMap<>();
    private final Map<String, String> leafOf = new HashMap<>();
    private final Map<String, List<String>> leavesUnder = new LinkedHashMap<>();
    private final Map<String, Double> height = new LinkedHashMap<>();
    private final Map<String, Double> slackTop = new HashMap<>();
    private final Map<String, Double> strip = new HashMap<>();
    private final Map<String, Double> content = new HashMap<>();
    private int maxDepth;
    /** Where node content starts, right of every name band. */
    final double contentLeft;

    private final ModelIndex index;

    LaneBands(List<Lane> lanes, ModelIndex index) {
        this.top = lanes;
        this.index = index;
        for (Lane l : lanes) walk(l, 1);
        contentLeft = maxDepth * Sizes.BAND + ScopeLayout.LANE_PAD;
        // satellites and unlisted nodes go with the first thing they connect to
        for (ModelIndex.Link link : index.links) {
            String s = leafOf.get(link.source()), t = leafOf.get(link.target());
            if (s != null && t == null) leafOf.putIfAbsent(link.target(), s);
            if (t != null && s == null) leafOf.putIfAbsent(link.source(), t);
        }
    }

    private List<String> walk(Lane lane, int d) {
        depth.put(lane.id(), d);
        maxDepth = Math.max(maxDepth, d);
        List<String> under = new ArrayList<>();
        if (lane.childLanes().isEmpty()) {
            leaves.add(lane.id());
            under.add(lane.id());
        } else {
            for (Lane c : lane.childLanes()) under.addAll(walk(c, d + 1));
        }
        // children are walked first, so the deepest lane that lists a node wins; a parent's own nodes go to its first leaf
        for (String ref : lane.flowNodeRefs()) leafOf.putIfAbsent(ref, under.get(0));
        leavesUnder.put(lane.id(), under);
        return under;
    }

    List<String> leaves() { return leaves; }

    String leafFor(String elementId) { return leafOf.getOrDefault(elementId, leaves.get(0)); }

    /** Sizes each leaf band to hold its content and its row of event subprocesses. */
    void plan(Map<String, Double> contentHeights, Map<String, Double> stripHeights) {
        for (String leaf : leaves) {
            double c = contentHeights.getOrDefault(leaf, 0.0);
            double s = stripHeights.getOrDefault(leaf, 0.0);
            double need = 2 * ScopeLayout.LANE_PAD + c + (s > 0 ? ScopeLayout.ROW_GAP + s : 0);
            double h = Math.max(ScopeLayout.LANE_MIN_H, need);
            height.put(leaf, h);
            slackTop.put(leaf, (h - need) / 2);
            strip.put(leaf, s);
            content.put(leaf, c);
        }
    }

    private double bandTop(String leaf) {
        double y = 0;
        for (String l : leaves) {
            if (l.equals(leaf)) return y;
            y += height.get(l);
        }
        throw new IllegalArgumentException("no lane " + leaf);
    }

    double contentTop(String leaf) { return bandTop(leaf) + ScopeLayout.LANE_PAD + slackTop.get(leaf); }

    /** The lowest y the lane's nodes may reach. */
    double contentBottom(String leaf) {
        double s = strip.get(leaf);
        return bandTop(leaf) + height.get(leaf) - ScopeLayout.LANE_PAD - (s > 0 ? ScopeLayout.ROW_GAP + s : 0);
    }

    Map<String, Double> contentTops() {
        Map<String, Double> tops = new HashMap<>();
        for (String l : leaves) tops.put(l, contentTop(l));
        return tops;
    }

    void grow(String leaf, double by) { height.merge(leaf, by, Double::sum); }

    /** Where the lane's event subprocesses go: the bottom of its band. */
    Bounds strip(String leaf) {
        double s = strip.get(leaf);
        return new Bounds(contentLeft, bandTop(leaf) + height.get(leaf) - ScopeLayout.LANE_PAD - s, 0, s);
    }

    /** Grows the outer bands so that edges ELK routed around the content stay inside the pool. */
    void fitEdges(Fragment f) {
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (List<Point> pts : f.edges.values()) {
            for (Point p : pts) { minY = Math.min(minY, p.y()); maxY = Math.max(maxY, p.y()); }
        }
        for (Bounds b : f.labels.values()) { minY = Math.min(minY, b.y()); maxY = Math.max(maxY, b.maxY()); }
        if (minY < 10) {
            double by = 10 - minY;
            f.translate(0, by);
            grow(leaves.get(0), by);
        }
        String last = leaves.get(leaves.size() - 1);
        double bottom = bandTop(last) + height.get(last);
        if (maxY > bottom - 10) grow(last, maxY - bottom + 10);
    }

    /**
     * Moves a border between two lanes off a flow that runs along it, when the lanes' content leaves room: a line
     * drawn on a lane border reads as part of the border.
     */
    void clearBorders(Fragment f) {
        Map<String, double[]> extent = new HashMap<>();
        for (Map.Entry<String, Bounds> e : f.shapes.entrySet()) {
            String leaf = leafOf.get(e.getKey());
            if (leaf == null) continue;
            List<Bounds> parts = new ArrayList<>();
            parts.add(e.getValue());
            if (f.labels.containsKey(e.getKey())) parts.add(f.labels.get(e.getKey()));
            for (var b : index.boundaryByHost.getOrDefault(e.getKey(), List.of())) {
                if (f.shapes.containsKey(b.id())) parts.add(f.shapes.get(b.id()));
                if (f.labels.containsKey(b.id())) parts.add(f.labels.get(b.id()));
            }
            double[] ex = extent.computeIfAbsent(leaf, k -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
            for (Bounds b : parts) { ex[0] = Math.min(ex[0], b.y()); ex[1] = Math.max(ex[1], b.maxY()); }
        }
        List<Double> flowYs = new ArrayList<>();
        for (List<Point> pts : f.edges.values()) {
            for (int i = 0; i + 1 < pts.size(); i++) {
                if (Math.abs(pts.get(i).y() - pts.get(i + 1).y()) < 0.5 && Math.abs(pts.get(i).x() - pts.get(i + 1).x()) > 0.5) {
                    flowYs.add(pts.get(i).y());
                }
            }
        }
        for (int i = 0; i + 1 < leaves.size(); i++) {
            String upper = leaves.get(i), lower = leaves.get(i + 1);
            double border = bandTop(lower);
            if (distance(border, flowYs) >= 8) continue;
            double lo = Math.max(bandTop(upper) + 20, extent.containsKey(upper) ? extent.get(upper)[1] + 6 : border - 40);
            double hi = Math.min(bandTop(lower) + height.get(lower) - 20, extent.containsKey(lower) ? extent.get(lower)[0] - 6 : border + 40);
            double best = border, bestDistance = distance(border, flowYs);
            for (double y = lo; y <= hi; y += 1) {
                double d = distance(y, flowYs);
                if (d > bestDistance + 0.5 || Math.abs(d - bestDistance) <= 0.5 && Math.abs(y - border) < Math.abs(best - border)) {
                    best = y;
                    bestDistance = d;
                }
            }
            height.merge(upper, best - border, Double::sum);
            height.merge(lower, border - best, Double::sum);
        }
    }

    private static double distance(double y, List<Double> ys) {
        double d = Double.POSITIVE_INFINITY;
        for (double v : ys) d = Math.min(d, Math.abs(v - y));
        return d;
    }

    /** Adds lane shapes, full width, ahead of the content they hold. */
    void draw(Fragment f) {
        double right = f.extent().maxX() + ScopeLayout.LANE_PAD;
        Map<String, Bounds> lanes = new LinkedHashMap<>();
        for (Lane l : top) drawLane(l, right, lanes);
        Map<String, Bounds> rest = new LinkedHashMap<>(f.shapes);
        f.shapes.clear();
        f.shapes.putAll(lanes);
        f.shapes.putAll(rest);
        f.horizontal.addAll(lanes.keySet());
    }

    private void drawLane(Lane lane, double right, Map<String, Bounds> out) {
        List<String> under = leavesUnder.get(lane.id());
        double y = bandTop(under.get(0));
        double h = 0;
        for (String leaf : under) h += height.get(leaf);
        double x = (depth.get(lane.id()) - 1) * Sizes.BAND;
        out.put(lane.id(), new Bounds(x, y, right - x, h));
        for (Lane c : lane.childLanes()) drawLane(c, right, out);
    }
}
