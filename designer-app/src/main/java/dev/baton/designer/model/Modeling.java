package dev.baton.designer.model;

import dev.baton.model.Activity;
import dev.baton.model.ActivitySettings;
import dev.baton.model.Artifact;
import dev.baton.model.Collaboration;
import dev.baton.model.DataAssociation;
import dev.baton.model.DataObject;
import dev.baton.model.DataObjectReference;
import dev.baton.model.DataStoreReference;
import dev.baton.model.Definitions;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowElement;
import dev.baton.model.FlowNode;
import dev.baton.model.Gateway;
import dev.baton.model.Lane;
import dev.baton.model.LaneSet;
import dev.baton.model.FlowContent;
import dev.baton.model.Process;
import dev.baton.model.RootElement;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Label;
import dev.baton.model.di.Plane;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each edit does to a document: keeps the semantic model and the diagram geometry in step (moving a task
 * moves its boundary events and labels and re-routes its flows; deleting a node deletes its flows and their
 * edges). Every method returns a Command; the command computes its result from the document it is given, so
 * commands compose.
 */
public final class Modeling {

    /** A command that creates an element, and the id the element will have. */
    public record Created(Command command, String id) {}

    /** A copied part of a diagram: semantic elements in document order, their diagram elements, their containers. */
    public record Clipboard(List<Object> elements, Map<String, DiagramElement> diagram, Map<String, String> containers) {
        public boolean isEmpty() { return elements.isEmpty(); }
    }

    public enum Alignment { LEFT, CENTER, RIGHT, TOP, MIDDLE, BOTTOM }

    private final int diagram;

    public Modeling(int diagram) { this.diagram = diagram; }

    public Modeling() { this(0); }

    private DiagramIndex index(Definitions d) { return new DiagramIndex(d, diagram); }

    // ---------------------------------------------------------------- ids and labels

    /** A fresh id with this prefix: Prefix_1, Prefix_2, ... skipping every id in use or reserved. */
    public static String newId(DiagramIndex idx, String prefix, Set<String> reserved) {
        for (int n = 1; ; n++) {
            String id = prefix + "_" + n;
            if (!idx.idTaken(id) && !reserved.contains(id) && !idx.idTaken(id + "_di")) {
                reserved.add(id);
                return id;
            }
        }
    }

    static String prefixFor(ElementType t) {
        if (t == ElementType.POOL) return "Participant";
        if (t == ElementType.DATA_OBJECT) return "DataObjectReference";
        if (t == ElementType.DATA_STORE) return "DataStoreReference";
        if (t == ElementType.TEXT_ANNOTATION) return "TextAnnotation";
        if (t == ElementType.GROUP) return "Group";
        ElementKind k = t.kind();
        if (k == ElementKind.START_EVENT) return "StartEvent";
        if (k == ElementKind.END_EVENT) return "EndEvent";
        if (k.isEvent()) return k == ElementKind.BOUNDARY_EVENT ? "BoundaryEvent" : "Event";
        if (k.isGateway()) return "Gateway";
        if (k.isSubProcess()) return "SubProcess";
        if (k == ElementKind.CALL_ACTIVITY) return "CallActivity";
        return "Activity";
    }

    /** "Task 'Check order'" or "Task_1" when unnamed: how descriptions name an element. */
    public static String describe(DiagramIndex idx, String id) {
        Object e = idx.element(id);
        String name = Elements.name(e);
        return name == null || name.isBlank() ? id : "'" + name.strip().replaceAll("\\s+", " ") + "'";
    }

    // ---------------------------------------------------------------- creating

    /** Creates an element of the given type centred on (cx, cy), inside whatever subprocess or pool is there. */
    public Created create(DiagramIndex now, ElementType type, double cx, double cy) {
        Set<String> reserved = new HashSet<>();
        String id = newId(now, prefixFor(type), reserved);
        if (type == ElementType.POOL) {
            String processId = newId(now, "Process", reserved);
            String collabId = newId(now, "Collaboration", reserved);
            return new Created(Command.of("Create pool", d -> createPool(d, id, processId, collabId, cx, cy)), id);
        }
        String dataObjectId = type == ElementType.DATA_OBJECT ? newId(now, "DataObject", reserved) : null;
        return new Created(Command.of("Create " + type.label().toLowerCase(java.util.Locale.ROOT),
                d -> create(d, type, id, dataObjectId, cx, cy)), id);
    }

    private Definitions create(Definitions d, ElementType type, String id, String dataObjectId, double cx, double cy) {
        DiagramIndex idx = index(d);
        Bounds size = type.defaultSize();
        Bounds b = new Bounds(cx - size.width() / 2, cy - size.height() / 2, size.width(), size.height());
        if (type.group() == ElementType.Group.BOUNDARY) {
            String host = hostAt(idx, cx, cy);
            if (host == null) throw new ModelingException("Drop a boundary event on the border of a task or subprocess.");
            Point c = snapToBorder(idx.bounds(host), cx, cy);
            b = new Bounds(c.x() - 18, c.y() - 18, 36, 36);
            Event e = (Event) type.createNode(id, null, host);
            d = Semantics.add(d, idx.container(host), e);
            return addShape(d, Shape.of(id + "_di", id, b), null);
        }
        String container = containerAt(idx, cx, cy);
        boolean inCollaboration = d.rootElement(container).orElse(null) instanceof Collaboration;
        Object element;
        if (type.isFlowNode()) {
            if (inCollaboration) throw new ModelingException("Put flow elements inside a pool.");
            element = type.createNode(id, null, null);
        } else if (type == ElementType.DATA_OBJECT) {
            if (inCollaboration) throw new ModelingException("Put data objects inside a pool.");
            d = Semantics.add(d, container, new DataObject(dataObjectId, null, false, null, null, null));
            element = new DataObjectReference(id, null, dataObjectId, null, null, null);
        } else if (type == ElementType.DATA_STORE) {
            if (inCollaboration) throw new ModelingException("Put data stores inside a pool.");
            element = new DataStoreReference(id, null, null, null, null, null);
        } else if (type == ElementType.TEXT_ANNOTATION) {
            element = new Artifact.TextAnnotation(id, null, null, null, null);
        } else {
            element = new Artifact.Group(id, null, null, null);
        }
        d = Semantics.add(d, container, element);
        if (element instanceof FlowNode) {
            String lane = laneAt(idx, cx, cy, idx.process(container));
            if (lane != null) d = Semantics.addToLane(d, lane, id);
        }
        Shape s = Shape.of(id + "_di", id, b);
        if (type.kind() != null && type.kind().isSubProcess() || type == ElementType.CALL_ACTIVITY) s = s.withExpanded(type.expanded());
        if (type == ElementType.EXCLUSIVE_GATEWAY) s = new Shape(s.id(), s.elementRef(), s.bounds(), null, null, true, null, null, null, null, null);
        return addShape(d, s, type == ElementType.GROUP ? 0 : null);
    }

    private Definitions addShape(Definitions d, Shape s, Integer at) {
        return Di.updateElements(d, diagram, els -> {
            if (at == null) els.add(s);
            else els.add(at, s);
            return els;
        });
    }

    private Definitions createPool(Definitions d, String participantId, String processId, String collabId, double cx, double cy) {
        DiagramIndex idx = index(d);
        Plane plane = idx.plane();
        if (plane == null) throw new ModelingException("the document has no diagram to draw in");
        Object planeOwner = idx.element(plane.elementRef());
        Bounds b = new Bounds(cx - 300, cy - 125, 600, 250);
        if (planeOwner instanceof Process p) {
            // the first pool wraps the existing process and turns the diagram into a collaboration
            Bounds content = Di.union(plane.shapes().stream().map(Shape::bounds).toList());
            if (content != null) b = new Bounds(content.x() - 60, content.y() - 40, Math.max(600, content.width() + 100),
                    Math.max(250, content.height() + 80));
            Collaboration.Participant part = new Collaboration.Participant(participantId, p.name(), p.id(), null, null);
            Collaboration col = new Collaboration(collabId, null, false, List.of(part), List.of(), List.of(), null, null);
            List<RootElement> roots = new ArrayList<>(d.rootElements());
            roots.add(0, col);
            d = Di.setPlaneRef(d.withRootElements(roots), diagram, collabId);
        } else if (planeOwner instanceof Collaboration col) {
            Process proc = new Process(processId, null, true, null, false, null, null, null);
            List<RootElement> roots = new ArrayList<>(d.rootElements());
            roots.add(proc);
            d = d.withRootElements(roots);
            d = Semantics.add(d, col.id(), new Collaboration.Participant(participantId, null, processId, null, null));
        } else {
            throw new ModelingException("Pools can only be drawn in a process or collaboration diagram.");
        }
        Shape s = Di.withHorizontal(Shape.of(participantId + "_di", participantId, b), true);
        return addShape(d, s, 0);
    }

    /** The process, expanded subprocess or collaboration holding a point: the innermost one. */
    public static String containerAt(DiagramIndex idx, double x, double y) {
        return containerAt(idx, x, y, Set.of());
    }

    /** The innermost container at a point, ignoring the shapes in exclude (the ones being moved). */
    public static String containerAt(DiagramIndex idx, double x, double y, Set<String> exclude) {
        Plane plane = idx.plane();
        String best = null;
        double bestArea = Double.MAX_VALUE;
        String pool = null;
        double poolArea = Double.MAX_VALUE;
        if (plane != null) {
            for (Shape s : plane.shapes()) {
                if (!s.bounds().contains(x, y) || exclude.contains(s.elementRef())) continue;
                Object e = idx.element(s.elementRef());
                double area = s.bounds().width() * s.bounds().height();
                if (e instanceof SubProcess && isExpanded(s) && area < bestArea) {
                    best = s.elementRef();
                    bestArea = area;
                }
                if (e instanceof Collaboration.Participant p && area < poolArea) {
                    if (p.processRef() == null) throw new ModelingException("Pool " + describe(idx, p.id()) + " is a black box: it has no process to hold elements.");
                    pool = p.processRef();
                    poolArea = area;
                }
            }
        }
        if (best != null) return best;
        if (pool != null) return pool;
        if (plane != null && idx.element(plane.elementRef()) != null) return plane.elementRef();
        List<Process> ps = idx.definitions().processes();
        if (ps.isEmpty()) throw new ModelingException("the document has no process to add elements to");
        return ps.get(0).id();
    }

    /** Subprocess shapes are drawn open when the file says so, or when it does not say and the shape is big. */
    public static boolean isExpanded(Shape s) {
        return s.expanded() != null ? s.expanded() : s.bounds().width() > 150;
    }

    static String laneAt(DiagramIndex idx, double x, double y, String processId) {
        Plane plane = idx.plane();
        if (plane == null) return null;
        String best = null;
        double bestArea = Double.MAX_VALUE;
        for (Shape s : plane.shapes()) {
            if (idx.element(s.elementRef()) instanceof Lane && s.bounds().contains(x, y)
                    && java.util.Objects.equals(idx.process(idx.container(s.elementRef())), processId)) {
                double area = s.bounds().width() * s.bounds().height();
                if (area < bestArea) {
                    best = s.elementRef();
                    bestArea = area;
                }
            }
        }
        return best;
    }

    /** The activity whose border is near (x, y), or that contains it; smallest first. */
    static String hostAt(DiagramIndex idx, double x, double y) {
        Plane plane = idx.plane();
        if (plane == null) return null;
        String best = null;
        double bestArea = Double.MAX_VALUE;
        for (Shape s : plane.shapes()) {
            Bounds b = s.bounds();
            Bounds grown = new Bounds(b.x() - 15, b.y() - 15, b.width() + 30, b.height() + 30);
            if (!grown.contains(x, y) || !Rules.canAttach(idx.element(s.elementRef()))) continue;
            boolean nearBorder = distanceToBorder(b, x, y) <= 15;
            boolean inside = b.contains(x, y) && !isExpanded(s);
            if (!nearBorder && !inside) continue;
            double area = b.width() * b.height();
            if (area < bestArea) {
                best = s.elementRef();
                bestArea = area;
            }
        }
        return best;
    }

    static double distanceToBorder(Bounds b, double x, double y) {
        double dx = Math.max(Math.max(b.x() - x, 0), x - b.maxX());
        double dy = Math.max(Math.max(b.y() - y, 0), y - b.maxY());
        if (dx > 0 || dy > 0) return Math.hypot(dx, dy);
        return Math.min(Math.min(x - b.x(), b.maxX() - x), Math.min(y - b.y(), b.maxY() - y));
    }

    /** The nearest point on the rectangle's border. */
    public static Point snapToBorder(Bounds b, double x, double y) {
        double cx = Math.max(b.x(), Math.min(b.maxX(), x));
        double cy = Math.max(b.y(), Math.min(b.maxY(), y));
        double dl = Math.abs(cx - b.x()), dr = Math.abs(b.maxX() - cx), dt = Math.abs(cy - b.y()), db = Math.abs(b.maxY() - cy);
        double m = Math.min(Math.min(dl, dr), Math.min(dt, db));
        if (m == db) return new Point(cx, b.maxY());
        if (m == dt) return new Point(cx, b.y());
        if (m == dl) return new Point(b.x(), cy);
        return new Point(b.maxX(), cy);
    }

    // ---------------------------------------------------------------- connecting

    /** Connects source to target with whatever connection the rules allow there. */
    public Created connect(DiagramIndex now, String sourceId, String targetId) {
        Rules.ConnectionKind kind = Rules.connection(now, sourceId, targetId).orElseThrow(() -> new ModelingException(
                "Cannot connect " + describe(now, sourceId) + " to " + describe(now, targetId) + "."));
        String prefix = switch (kind) {
            case SEQUENCE_FLOW -> "Flow";
            case MESSAGE_FLOW -> "MessageFlow";
            case ASSOCIATION -> "Association";
            default -> "DataAssociation";
        };
        String id = newId(now, prefix, new HashSet<>());
        String what = switch (kind) {
            case SEQUENCE_FLOW -> "sequence flow";
            case MESSAGE_FLOW -> "message flow";
            case ASSOCIATION -> "association";
            default -> "data association";
        };
        return new Created(Command.of("Connect " + describe(now, sourceId) + " to " + describe(now, targetId) + " (" + what + ")",
                d -> connect(d, kind, id, sourceId, targetId)), id);
    }

    private Definitions connect(Definitions d, Rules.ConnectionKind kind, String id, String sourceId, String targetId) {
        DiagramIndex idx = index(d);
        switch (kind) {
            case SEQUENCE_FLOW -> d = Semantics.add(d, idx.container(sourceId), SequenceFlow.of(id, sourceId, targetId));
            case MESSAGE_FLOW -> {
                String collab = idx.plane() != null && idx.element(idx.plane().elementRef()) instanceof Collaboration c ? c.id()
                        : d.collaborations().stream().findFirst().map(Collaboration::id).orElseThrow(
                        () -> new ModelingException("Message flows connect pools: draw a pool first."));
                d = Semantics.add(d, collab, new Collaboration.MessageFlow(id, null, sourceId, targetId, null, null, null));
            }
            case ASSOCIATION -> {
                String annotation = idx.element(sourceId) instanceof Artifact.TextAnnotation ? sourceId : targetId;
                d = Semantics.add(d, idx.container(annotation), new Artifact.Association(id, sourceId, targetId, "None", null, null));
            }
            case DATA_INPUT -> d = Semantics.replace(d, withDataAssociation(idx.element(targetId),
                    new DataAssociation(id, List.of(sourceId), null, null), true));
            case DATA_OUTPUT -> d = Semantics.replace(d, withDataAssociation(idx.element(sourceId),
                    new DataAssociation(id, List.of(), targetId, null), false));
        }
        DiagramIndex after = index(d);
        List<Point> route = route(after, id, Map.of());
        return Di.updateElements(d, diagram, els -> {
            els.add(Edge.of(id + "_di", id, route));
            return els;
        });
    }

    private static Object withDataAssociation(Object owner, DataAssociation da, boolean input) {
        if (owner instanceof Activity a) {
            ActivitySettings s = a.activity();
            List<DataAssociation> in = new ArrayList<>(s.dataInputAssociations());
            List<DataAssociation> out = new ArrayList<>(s.dataOutputAssociations());
            (input ? in : out).add(da);
            return Elements.withActivity(a, new ActivitySettings(s.forCompensation(), s.defaultFlow(), s.loop(), s.asyncBefore(),
                    s.asyncAfter(), s.retries(), s.io(), in, out, s.startQuantity(), s.completionQuantity()));
        }
        Event e = (Event) owner;
        List<DataAssociation> in = new ArrayList<>(e.dataInputAssociations());
        List<DataAssociation> out = new ArrayList<>(e.dataOutputAssociations());
        (input ? in : out).add(da);
        return new Event(e.id(), e.name(), e.kind(), e.eventDefinitions(), e.interrupting(), e.attachedToRef(), e.parallelMultiple(),
                in, out, e.implementation(), e.io(), e.documentation(), e.extensions());
    }

    /** The route of a connection given (possibly moved) bounds of its ends. */
    static List<Point> route(DiagramIndex idx, String connectionId, Map<String, Bounds> moved) {
        DiagramIndex.Ends ends = idx.ends(connectionId);
        Bounds s = moved.getOrDefault(ends.source(), idx.bounds(ends.source()));
        Bounds t = moved.getOrDefault(ends.target(), idx.bounds(ends.target()));
        if (s == null || t == null) return List.of();
        Object e = idx.element(connectionId);
        if (e instanceof SequenceFlow) {
            Object src = idx.element(ends.source());
            if (src instanceof Event ev && ev.kind() == ElementKind.BOUNDARY_EVENT && t.centerY() > s.maxY()) {
                // leave a boundary event downwards, away from its host
                if (Math.abs(t.centerX() - s.centerX()) < 2) return List.of(new Point(s.centerX(), s.maxY()), new Point(s.centerX(), t.y()));
                return List.of(new Point(s.centerX(), s.maxY()), new Point(s.centerX(), t.centerY()),
                        new Point(t.centerX() > s.centerX() ? t.x() : t.maxX(), t.centerY()));
            }
            return Routing.orthogonalAvoiding(s, t, src instanceof Gateway, obstacles(idx, ends, s, t, moved));
        }
        if (e instanceof Collaboration.MessageFlow) return Routing.vertical(s, t);
        return Routing.straight(s, t);
    }

    /** Shapes a flow between these ends should not cross: other nodes, data and annotations near the route. */
    static List<Bounds> obstacles(DiagramIndex idx, DiagramIndex.Ends ends, Bounds s, Bounds t, Map<String, Bounds> moved) {
        Plane plane = idx.plane();
        if (plane == null) return List.of();
        Bounds area = s.union(t);
        area = new Bounds(area.x() - 200, area.y() - 200, area.width() + 400, area.height() + 400);
        List<Bounds> out = new ArrayList<>();
        for (Shape sh : plane.shapes()) {
            String ref = sh.elementRef();
            if (ref.equals(ends.source()) || ref.equals(ends.target())) continue;
            Object e = idx.element(ref);
            if (e == null || e instanceof Collaboration.Participant || e instanceof Lane || e instanceof Artifact.Group) continue;
            if (e instanceof Event ev && ev.attachedToRef() != null) continue;
            Bounds b = moved.getOrDefault(ref, sh.bounds());
            if (e instanceof SubProcess && isExpanded(sh) && (b.contains(s) || b.contains(t))) continue;
            if (b.intersects(area)) out.add(b);
        }
        return out;
    }

    /** Appends a new element after the source and connects them (the context pad's "append"). */
    public Created append(DiagramIndex now, String sourceId, ElementType type) {
        Bounds s = now.bounds(sourceId);
        if (s == null) throw new ModelingException("Element " + sourceId + " is not in this diagram.");
        Bounds size = type.defaultSize();
        double cx = s.maxX() + 80 + size.width() / 2;
        double cy = s.centerY();
        Object src = now.element(sourceId);
        if (src instanceof Event e && e.kind() == ElementKind.BOUNDARY_EVENT) cy = s.maxY() + 60 + size.height() / 2;
        for (int i = 0; i < 12 && occupied(now, new Bounds(cx - size.width() / 2, cy - size.height() / 2, size.width(), size.height())); i++) {
            cy += size.height() + 40;
        }
        Created node = create(now, type, cx, cy);
        Set<String> reserved = new HashSet<>(Set.of(node.id()));
        String flowId = newId(now, type.group() == ElementType.Group.ARTIFACT ? "Association" : "Flow", reserved);
        double fcx = cx, fcy = cy;
        Command cmd = Command.of("Append " + type.label().toLowerCase(java.util.Locale.ROOT), d -> {
            Definitions withNode = node.command().execute(d);
            DiagramIndex idx = index(withNode);
            Rules.ConnectionKind kind = Rules.connection(idx, sourceId, node.id()).orElseThrow(
                    () -> new ModelingException("Cannot append " + type.label() + " to " + describe(idx, sourceId) + "."));
            return connect(withNode, kind, flowId, sourceId, node.id());
        });
        return new Created(cmd, node.id());
    }

    private static boolean occupied(DiagramIndex idx, Bounds b) {
        if (idx.plane() == null) return false;
        for (Shape s : idx.plane().shapes()) {
            Object e = idx.element(s.elementRef());
            if (e instanceof Collaboration.Participant || e instanceof Lane || e instanceof Artifact.Group) continue;
            if (e instanceof SubProcess && isExpanded(s) && s.bounds().contains(b)) continue;
            if (s.bounds().intersects(b)) return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- moving

    /** Moves the elements (and what comes with them) by (dx, dy); flows attached to one moved end are re-routed. */
    public Command move(DiagramIndex now, Collection<String> ids, double dx, double dy) {
        List<String> list = List.copyOf(ids);
        // flows come along with their shapes; the description counts what the user moved
        List<String> shapes = list.stream().filter(i -> now.bounds(i) != null).toList();
        List<String> named = shapes.isEmpty() ? list : shapes;
        String what = named.size() == 1 ? describe(now, named.get(0)) : named.size() + " elements";
        if (list.size() == 1 && now.element(list.get(0)) instanceof Event ev) {
            Bounds b = now.bounds(ev.id());
            if (b != null) {
                double ncx = b.centerX() + dx, ncy = b.centerY() + dy;
                String host = hostAt(now, ncx, ncy);
                if (ev.kind() == ElementKind.BOUNDARY_EVENT && host != null && Rules.canAttach(now.element(host))) {
                    String h = host;
                    String desc = host.equals(ev.attachedToRef()) ? "Move " + what : "Attach " + what + " to " + describe(now, host);
                    return Command.of(desc, d -> attach(d, ev.id(), h, ncx, ncy));
                }
                if (ev.kind() == ElementKind.BOUNDARY_EVENT && host == null) {
                    return Command.of("Detach " + what, d -> {
                        Definitions m = moveNow(d, list, dx, dy);
                        Event e = (Event) index(m).element(ev.id());
                        Event free = new Event(e.id(), e.name(), ElementKind.INTERMEDIATE_CATCH_EVENT, e.eventDefinitions(), true, null,
                                false, e.dataInputAssociations(), e.dataOutputAssociations(), e.implementation(), e.io(),
                                e.documentation(), e.extensions());
                        return Semantics.replace(m, free);
                    });
                }
                if (ev.kind() == ElementKind.INTERMEDIATE_CATCH_EVENT && host != null && now.connectionsOf(ev.id()).stream()
                        .noneMatch(c -> now.element(c) instanceof SequenceFlow f && f.targetRef().equals(ev.id()))
                        && java.util.Objects.equals(now.container(host), now.container(ev.id()))) {
                    String h = host;
                    return Command.of("Attach " + what + " to " + describe(now, host), d -> attach(d, ev.id(), h, ncx, ncy));
                }
            }
        }
        return Command.of("Move " + what, d -> reparent(d, moveNow(d, list, dx, dy), list));
    }

    /**
     * After a move, puts moved elements into the subprocess, pool or lane they now stand in. Sequence flows follow
     * when both ends share the new container and are deleted when they would cross one; message flows between two
     * nodes that now share a pool are deleted.
     */
    private Definitions reparent(Definitions before, Definitions moved, List<String> ids) {
        if (moved == before) return moved;
        DiagramIndex old = index(before);
        Set<String> closure = moveClosure(old, ids);
        Definitions r = moved;
        Set<String> changed = new LinkedHashSet<>();
        for (String id : ids) {
            Object e = old.element(id);
            boolean node = e instanceof FlowNode && !(e instanceof Event ev && ev.attachedToRef() != null);
            boolean data = e instanceof DataObjectReference || e instanceof DataStoreReference;
            if (!node && !data && !(e instanceof Artifact.TextAnnotation)) continue;
            DiagramIndex idx = index(r);
            Bounds b = idx.bounds(id);
            if (b == null) continue;
            String target;
            try {
                target = containerAt(idx, b.centerX(), b.centerY(), closure);
            } catch (ModelingException black) {
                continue;
            }
            String current = idx.container(id);
            if (target != null && !target.equals(current)) {
                boolean intoCollaboration = r.rootElement(target).orElse(null) instanceof Collaboration;
                boolean otherProcess = !java.util.Objects.equals(idx.process(target), idx.process(current));
                if ((node || data) && intoCollaboration) continue;
                if (data && otherProcess) continue;
                Set<String> carried = new LinkedHashSet<>();
                carried.add(id);
                carried.addAll(idx.boundaryEventsOf(id));
                List<Object> elements = carried.stream().map(idx::element).toList();
                r = Semantics.detach(r, carried);
                for (Object el : elements) r = Semantics.add(r, target, el);
                if (node) carried.forEach(changed::add);
                if (node) r = Semantics.removeFromLanes(r, id);
            }
            if (node) {
                DiagramIndex now = index(r);
                String container = now.container(id);
                String process = now.process(id);
                if (container != null && container.equals(process)) {
                    String lane = laneAt(now, b.centerX(), b.centerY(), process);
                    if (lane != null && !lane.equals(now.laneOf(id))) {
                        r = Semantics.addToLane(Semantics.removeFromLanes(r, id), lane, id);
                    }
                }
            }
        }
        if (changed.isEmpty()) return r;
        DiagramIndex idx = index(r);
        Set<String> dropped = new LinkedHashSet<>();
        Map<String, String> relocate = new java.util.LinkedHashMap<>();
        for (String id : changed) {
            for (String c : idx.connectionsOf(id)) {
                Object conn = idx.element(c);
                DiagramIndex.Ends ends = idx.ends(c);
                if (conn instanceof SequenceFlow) {
                    String cs = idx.container(ends.source()), ct = idx.container(ends.target());
                    if (!java.util.Objects.equals(cs, ct)) dropped.add(c);
                    else if (!cs.equals(idx.container(c))) relocate.put(c, cs);
                } else if (conn instanceof Collaboration.MessageFlow
                        && java.util.Objects.equals(idx.process(ends.source()), idx.process(ends.target()))) {
                    dropped.add(c);
                }
            }
        }
        for (var move : relocate.entrySet()) {
            Object flow = index(r).element(move.getKey());
            r = Semantics.add(Semantics.detach(r, Set.of(move.getKey())), move.getValue(), flow);
        }
        if (!dropped.isEmpty()) {
            r = Semantics.remove(r, dropped);
            r = Di.updateElements(r, diagram, els -> {
                els.removeIf(de -> dropped.contains(de.elementRef()));
                return els;
            });
        }
        return r;
    }

    private Definitions attach(Definitions d, String eventId, String hostId, double cx, double cy) {
        DiagramIndex idx = index(d);
        Event e = (Event) idx.element(eventId);
        Bounds hb = idx.bounds(hostId);
        Point c = snapToBorder(hb, cx, cy);
        Bounds old = idx.bounds(eventId);
        double dx = c.x() - old.centerX(), dy = c.y() - old.centerY();
        Definitions m = moveNow(d, List.of(eventId), dx, dy);
        Event attached = new Event(e.id(), e.name(), ElementKind.BOUNDARY_EVENT, e.eventDefinitions(),
                e.kind() == ElementKind.BOUNDARY_EVENT ? e.interrupting() : true, hostId, false, e.dataInputAssociations(),
                e.dataOutputAssociations(), e.implementation(), e.io(), e.documentation(), e.extensions());
        return Semantics.replace(m, attached);
    }

    /** The moved set: the elements, boundary events of moved activities, everything inside moved pools and subprocesses. */
    static Set<String> moveClosure(DiagramIndex idx, Collection<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) addWithContent(idx, id, out);
        return out;
    }

    private static void addWithContent(DiagramIndex idx, String id, Set<String> out) {
        if (!out.add(id)) return;
        Object e = idx.element(id);
        for (String b : idx.boundaryEventsOf(id)) addWithContent(idx, b, out);
        if (e instanceof SubProcess sp) {
            sp.content().elements().forEach(x -> addWithContent(idx, x.id(), out));
            sp.content().artifacts().forEach(x -> addWithContent(idx, x.id(), out));
        }
        Process proc = e instanceof Collaboration.Participant p && p.processRef() != null
                ? idx.definitions().process(p.processRef()).orElse(null) : null;
        if (proc != null) {
            proc.content().elements().forEach(x -> addWithContent(idx, x.id(), out));
            proc.content().artifacts().forEach(x -> addWithContent(idx, x.id(), out));
            proc.content().laneSets().forEach(ls -> addLanes(ls.lanes(), out));
        }
        if (e instanceof Lane l) {
            l.flowNodeRefs().forEach(x -> addWithContent(idx, x, out));
            l.childLanes().forEach(c -> addWithContent(idx, c.id(), out));
        }
    }

    private static void addLanes(List<Lane> lanes, Set<String> out) {
        for (Lane l : lanes) {
            out.add(l.id());
            addLanes(l.childLanes(), out);
        }
    }

    private Definitions moveNow(Definitions d, Collection<String> ids, double dx, double dy) {
        if (dx == 0 && dy == 0) return d;
        DiagramIndex idx = index(d);
        Set<String> moved = moveClosure(idx, ids);
        Map<String, Bounds> newBounds = new HashMap<>();
        for (String id : moved) {
            Bounds b = idx.bounds(id);
            if (b != null) newBounds.put(id, b.translate(dx, dy));
        }
        return Di.updateElements(d, diagram, els -> {
            for (int i = 0; i < els.size(); i++) {
                DiagramElement de = els.get(i);
                if (de instanceof Shape s && moved.contains(s.elementRef())) {
                    els.set(i, Di.translate(s, dx, dy));
                } else if (de instanceof Edge e && idx.isConnection(e.elementRef())) {
                    DiagramIndex.Ends ends = idx.ends(e.elementRef());
                    boolean sm = moved.contains(ends.source()), tm = moved.contains(ends.target());
                    if ((sm && tm) || (moved.contains(e.elementRef()) && !sm && !tm)) {
                        els.set(i, Di.translate(e, dx, dy));
                    } else if (sm || tm) {
                        els.set(i, reroute(idx, e, newBounds));
                    }
                }
            }
            return els;
        });
    }

    private static Edge reroute(DiagramIndex idx, Edge e, Map<String, Bounds> bounds) {
        List<Point> route = route(idx, e.elementRef(), bounds);
        if (route.isEmpty()) return e;
        Point oldMid = Di.midpoint(e.waypoints()), newMid = Di.midpoint(route);
        return Di.withLabel(e.withWaypoints(route), Di.translate(e.label(), newMid.x() - oldMid.x(), newMid.y() - oldMid.y()));
    }

    /** Gives a connection hand-made waypoints (a dragged bendpoint); the ends stay on their shapes. */
    public Command setWaypoints(DiagramIndex now, String connectionId, List<Point> points) {
        if (now.edge(connectionId) == null) throw new ModelingException("Connection " + connectionId + " is not in this diagram.");
        if (points.size() < 2) throw new ModelingException("A connection needs at least two points.");
        List<Point> copy = List.copyOf(points);
        return Command.of("Move bendpoint of " + describe(now, connectionId), d -> Di.updateElements(d, diagram, els -> {
            for (int i = 0; i < els.size(); i++) {
                if (els.get(i) instanceof Edge e && connectionId.equals(e.elementRef())) els.set(i, e.withWaypoints(copy));
            }
            return els;
        }));
    }

    /** Moves one end of a sequence or message flow to another element, if the rules allow that connection. */
    public Command reconnect(DiagramIndex now, String connectionId, boolean sourceEnd, String newEnd) {
        Object conn = now.element(connectionId);
        DiagramIndex.Ends ends = now.ends(connectionId);
        if (ends == null || !(conn instanceof SequenceFlow || conn instanceof Collaboration.MessageFlow))
            throw new ModelingException("Only sequence and message flows can be reconnected.");
        String source = sourceEnd ? newEnd : ends.source(), target = sourceEnd ? ends.target() : newEnd;
        Rules.ConnectionKind want = conn instanceof SequenceFlow ? Rules.ConnectionKind.SEQUENCE_FLOW : Rules.ConnectionKind.MESSAGE_FLOW;
        boolean unchanged = source.equals(ends.source()) && target.equals(ends.target());
        if (!unchanged && Rules.connection(withoutConnection(now, connectionId), source, target).filter(k -> k == want).isEmpty())
            throw new ModelingException("Cannot connect " + describe(now, source) + " to " + describe(now, target) + ".");
        return Command.of("Reconnect " + describe(now, connectionId), d -> {
            if (unchanged) return d;
            DiagramIndex idx = index(d);
            Object cur = idx.element(connectionId);
            Definitions r = cur instanceof SequenceFlow f ? Semantics.replace(d, f.withEnds(source, target))
                    : Semantics.replace(d, new Collaboration.MessageFlow(connectionId, ((Collaboration.MessageFlow) cur).name(), source, target,
                    ((Collaboration.MessageFlow) cur).messageRef(), ((Collaboration.MessageFlow) cur).documentation(),
                    ((Collaboration.MessageFlow) cur).extensions()));
            DiagramIndex after = index(r);
            return Di.updateElements(r, diagram, els -> {
                for (int i = 0; i < els.size(); i++) {
                    if (els.get(i) instanceof Edge e && connectionId.equals(e.elementRef())) els.set(i, reroute(after, e, Map.of()));
                }
                return els;
            });
        });
    }

    /** The index as if the connection were not there, so the rules do not see it as a duplicate of itself. */
    private DiagramIndex withoutConnection(DiagramIndex now, String connectionId) {
        return new DiagramIndex(Semantics.remove(now.definitions(), Set.of(connectionId)), diagram);
    }

    /** Moves a label on its own. */
    public Command moveLabel(DiagramIndex now, String id, double dx, double dy) {
        return Command.of("Move label of " + describe(now, id), d -> Di.updateElements(d, diagram, els -> {
            for (int i = 0; i < els.size(); i++) {
                DiagramElement de = els.get(i);
                if (!id.equals(de.elementRef())) continue;
                Label l = de.label() != null && de.label().bounds() != null ? de.label() : new Label(defaultLabelBounds(de),
                        de.label() == null ? null : de.label().labelStyle(), de.label() == null ? null : de.label().extensions());
                if (de instanceof Shape s) els.set(i, s.withLabel(Di.translate(l, dx, dy)));
                if (de instanceof Edge e) els.set(i, Di.withLabel(e, Di.translate(l, dx, dy)));
            }
            return els;
        }));
    }

    /** Where a name is drawn when the file gives no label bounds: below a shape, above a flow's middle. */
    public static Bounds defaultLabelBounds(DiagramElement de) {
        if (de instanceof Shape s) return new Bounds(s.bounds().centerX() - 45, s.bounds().maxY() + 5, 90, 28);
        Point m = Di.midpoint(((Edge) de).waypoints());
        return new Bounds(m.x() - 45, m.y() - 17, 90, 14);
    }

    /** Adds a lane at the bottom of a pool (the first one splits the pool in two); everything below moves down. */
    public Command addLane(DiagramIndex now, String poolId) {
        if (!(now.element(poolId) instanceof Collaboration.Participant part) || part.processRef() == null)
            throw new ModelingException("Lanes go into a pool with a process.");
        Set<String> reserved = new HashSet<>();
        String first = newId(now, "Lane", reserved), second = newId(now, "Lane", reserved), set = newId(now, "LaneSet", reserved);
        return Command.of("Add lane to " + describe(now, poolId), d -> {
            DiagramIndex idx = index(d);
            Process proc = d.process(part.processRef()).orElseThrow();
            Bounds pool = idx.bounds(poolId);
            double h = 120;
            List<DiagramElement> newShapes = new ArrayList<>();
            FlowContent content = proc.content();
            if (content.laneSets().isEmpty()) {
                List<String> nodes = content.nodes().stream().map(FlowNode::id).toList();
                Lane a = new Lane(first, null, nodes, null, null, null, null);
                Lane b = new Lane(second, null, List.of(), null, null, null, null);
                content = content.withLaneSets(List.of(new LaneSet(set, null, List.of(a, b), null)));
                newShapes.add(Di.withHorizontal(Shape.of(first + "_di", first, new Bounds(pool.x() + 30, pool.y(), pool.width() - 30, pool.height())), true));
                newShapes.add(Di.withHorizontal(Shape.of(second + "_di", second, new Bounds(pool.x() + 30, pool.maxY(), pool.width() - 30, h)), true));
            } else {
                LaneSet ls = content.laneSets().get(0);
                List<Lane> lanes = new ArrayList<>(ls.lanes());
                lanes.add(new Lane(first, null, List.of(), null, null, null, null));
                List<LaneSet> sets = new ArrayList<>(content.laneSets());
                sets.set(0, new LaneSet(ls.id(), ls.name(), lanes, ls.extensions()));
                content = content.withLaneSets(sets);
                newShapes.add(Di.withHorizontal(Shape.of(first + "_di", first, new Bounds(pool.x() + 30, pool.maxY(), pool.width() - 30, h)), true));
            }
            Definitions r = d.replace(proc.withContent(content));
            double below = pool.maxY();
            return Di.updateElements(r, diagram, els -> {
                int poolAt = els.indexOf(idx.shape(poolId));
                for (int i = 0; i < els.size(); i++) {
                    DiagramElement de = els.get(i);
                    if (de instanceof Shape s) {
                        if (s.elementRef().equals(poolId)) {
                            els.set(i, s.withBounds(new Bounds(pool.x(), pool.y(), pool.width(), pool.height() + h)));
                        } else if (s.bounds().y() >= below) {
                            els.set(i, Di.translate(s, 0, h));
                        }
                    } else if (de instanceof Edge e) {
                        els.set(i, e.withWaypoints(e.waypoints().stream().map(p -> p.y() >= below ? p.translate(0, h) : p).toList()));
                    }
                }
                els.addAll(poolAt + 1, newShapes);
                return els;
            });
        });
    }

    // ---------------------------------------------------------------- resizing

    /** Gives a shape new bounds; its boundary events stay on the same spot of its border, flows are re-routed. */
    public Command resize(DiagramIndex now, String id, Bounds to) {
        if (to.width() < 20 || to.height() < 20) throw new ModelingException("A shape must be at least 20 by 20.");
        return Command.of("Resize " + describe(now, id), d -> {
            DiagramIndex idx = index(d);
            Bounds from = idx.bounds(id);
            if (from == null || from.equals(to)) return d;
            Map<String, Bounds> nb = new HashMap<>();
            nb.put(id, to);
            for (String b : idx.boundaryEventsOf(id)) {
                Bounds bb = idx.bounds(b);
                if (bb == null) continue;
                double fx = (bb.centerX() - from.x()) / from.width(), fy = (bb.centerY() - from.y()) / from.height();
                Point c = snapToBorder(to, to.x() + fx * to.width(), to.y() + fy * to.height());
                nb.put(b, new Bounds(c.x() - bb.width() / 2, c.y() - bb.height() / 2, bb.width(), bb.height()));
            }
            if (idx.element(id) instanceof Collaboration.Participant p) resizeLanes(idx, p, from, to, nb);
            if (idx.element(id) instanceof Lane) {
                // a lane keeps the pool's width; its bottom edge is the border with the next lane, or the pool's bottom
                Bounds lane = new Bounds(from.x(), from.y(), from.width(), to.height());
                nb.put(id, lane);
                double delta = to.height() - from.height();
                String next = null, pool = null;
                for (Shape s : idx.plane().shapes()) {
                    Object e = idx.element(s.elementRef());
                    if (e instanceof Lane && Math.abs(s.bounds().y() - from.maxY()) < 1 && Math.abs(s.bounds().x() - from.x()) < 1) next = s.elementRef();
                    if (e instanceof Collaboration.Participant && s.bounds().contains(from)) pool = s.elementRef();
                }
                if (next != null) {
                    Bounds nbnd = idx.bounds(next);
                    if (nbnd.height() - delta < 40) throw new ModelingException("The lane below would become too small.");
                    nb.put(next, new Bounds(nbnd.x(), nbnd.y() + delta, nbnd.width(), nbnd.height() - delta));
                } else if (pool != null) {
                    Bounds pb = idx.bounds(pool);
                    nb.put(pool, new Bounds(pb.x(), pb.y(), pb.width(), pb.height() + delta));
                }
            }
            Set<String> touched = nb.keySet();
            return Di.updateElements(d, diagram, els -> {
                for (int i = 0; i < els.size(); i++) {
                    DiagramElement de = els.get(i);
                    if (de instanceof Shape s && touched.contains(s.elementRef())) {
                        Bounds n = nb.get(s.elementRef());
                        els.set(i, s.withBounds(n).withLabel(Di.translate(s.label(), n.x() - s.bounds().x(), n.maxY() - s.bounds().maxY())));
                    } else if (de instanceof Edge e && idx.isConnection(e.elementRef())) {
                        DiagramIndex.Ends ends = idx.ends(e.elementRef());
                        if (touched.contains(ends.source()) || touched.contains(ends.target())) els.set(i, reroute(idx, e, nb));
                    }
                }
                return els;
            });
        });
    }

    private static void resizeLanes(DiagramIndex idx, Collaboration.Participant p, Bounds from, Bounds to, Map<String, Bounds> nb) {
        Process proc = p.processRef() == null ? null : idx.definitions().process(p.processRef()).orElse(null);
        if (proc == null) return;
        Set<String> lanes = new LinkedHashSet<>();
        proc.content().laneSets().forEach(ls -> addLanes(ls.lanes(), lanes));
        double sy = to.height() / from.height();
        for (String l : lanes) {
            Bounds lb = idx.bounds(l);
            if (lb == null) continue;
            double nx = to.x() + (lb.x() - from.x());
            double nw = lb.width() + (to.width() - from.width());
            nb.put(l, new Bounds(nx, to.y() + (lb.y() - from.y()) * sy, nw, lb.height() * sy));
        }
    }

    // ---------------------------------------------------------------- deleting

    /** Deletes the elements, their boundary events, everything inside them and every connection touching them. */
    public Command delete(DiagramIndex now, Collection<String> ids) {
        List<String> list = List.copyOf(ids);
        String what = list.size() == 1 ? describe(now, list.get(0)) : list.size() + " elements";
        return Command.of("Delete " + what, d -> deleteNow(d, list));
    }

    private Definitions deleteNow(Definitions d, List<String> ids) {
        DiagramIndex idx = index(d);
        Set<String> gone = new LinkedHashSet<>();
        Set<String> processesGone = new HashSet<>();
        for (String id : ids) {
            if (!idx.contains(id)) continue;
            if (idx.element(id) instanceof Collaboration.Participant p && p.processRef() != null) processesGone.add(p.processRef());
            gone.addAll(moveClosure(idx, List.of(id)));
        }
        if (gone.isEmpty()) return d;
        for (String id : List.copyOf(gone)) gone.addAll(idx.connectionsOf(id));
        // a lane's nodes stay when only the lane is deleted
        for (String id : ids) {
            if (idx.element(id) instanceof Lane l) l.flowNodeRefs().forEach(n -> { if (!ids.contains(n)) gone.remove(n); });
        }
        for (String id : List.copyOf(gone)) gone.addAll(idx.connectionsOf(id));
        Definitions r = Semantics.remove(d, gone);
        if (!processesGone.isEmpty()) {
            r = r.withRootElements(r.rootElements().stream().filter(x -> !processesGone.contains(x.id())).toList());
        }
        DiagramIndex after = index(r);
        return Di.updateElements(r, diagram, els -> {
            els.removeIf(de -> de.elementRef() != null && idx.contains(de.elementRef()) && !after.contains(de.elementRef()));
            return els;
        });
    }

    // ---------------------------------------------------------------- properties

    public Command rename(DiagramIndex now, String id, String name) {
        Object e = now.element(id);
        if (!Elements.isNamed(e)) throw new ModelingException("Element " + id + " has no name.");
        String n = name == null || name.isBlank() ? null : name;
        return Command.of("Rename " + describe(now, id) + (n == null ? "" : " to '" + n.strip() + "'"), d -> {
            Object cur = index(d).element(id);
            if (java.util.Objects.equals(Elements.name(cur), n)) return d;
            Definitions r = Semantics.replace(d, Elements.withName(cur, n));
            boolean outside = cur instanceof Event || cur instanceof Gateway || cur instanceof DataObjectReference
                    || cur instanceof DataStoreReference || cur instanceof SequenceFlow || cur instanceof Collaboration.MessageFlow;
            if (!outside || n == null || diagram >= r.diagrams().size()) return r;
            // a named outside label gets its place in the diagram, so it can be moved on its own
            return Di.updateElements(r, diagram, els -> {
                for (int i = 0; i < els.size(); i++) {
                    DiagramElement de = els.get(i);
                    if (!id.equals(de.elementRef()) || (de.label() != null && de.label().bounds() != null)) continue;
                    Label l = new Label(defaultLabelBounds(de), de.label() == null ? null : de.label().labelStyle(), null);
                    if (de instanceof Shape s) els.set(i, s.withLabel(l));
                    if (de instanceof Edge ed) els.set(i, Di.withLabel(ed, l));
                }
                return els;
            });
        });
    }

    /** Replaces an element by an edited copy with the same id (the properties panel's edits). */
    public Command update(String description, Object edited) {
        return Command.of(description, d -> Semantics.replace(d, edited));
    }

    /** Gives an element a new id and rewrites every reference to it. */
    public Command changeId(DiagramIndex now, String oldId, String newId) {
        if (newId == null || !newId.matches("[A-Za-z_][A-Za-z0-9_.\\-]*"))
            throw new ModelingException("An id must start with a letter or '_' and hold only letters, digits, '_', '-' and '.'.");
        if (!oldId.equals(newId) && now.idTaken(newId)) throw new ModelingException("The id " + newId + " is already used.");
        Object e = now.element(oldId);
        if (!(e instanceof FlowElement) && !(e instanceof Artifact))
            throw new ModelingException("The id of " + oldId + " cannot be changed here.");
        return Command.of("Change id " + oldId + " to " + newId, d -> {
            if (oldId.equals(newId)) return d;
            Definitions r = Semantics.mapContents(d, (cid, c) -> {
                List<FlowElement> els = c.elements().stream().map(x -> References.rename(x, oldId, newId)).toList();
                List<Artifact> arts = c.artifacts().stream().map(x -> References.rename(x, oldId, newId)).toList();
                return new dev.baton.model.FlowContent(els, arts, c.laneSets().stream().map(ls -> References.rename(ls, oldId, newId)).toList());
            });
            r = Semantics.mapCollaborations(r, c -> Semantics.collaboration(c, c.participants(),
                    c.messageFlows().stream().map(m -> References.rename(m, oldId, newId)).toList(),
                    c.artifacts().stream().map(x -> References.rename(x, oldId, newId)).toList()));
            return Di.updateElements(r, diagram, els -> {
                for (int i = 0; i < els.size(); i++) {
                    DiagramElement de = els.get(i);
                    if (!oldId.equals(de.elementRef())) continue;
                    if (de instanceof Shape s) els.set(i, new Shape(s.id(), newId, s.bounds(), s.expanded(), s.horizontal(),
                            s.markerVisible(), s.messageVisible(), s.participantBandKind(), s.choreographyActivityShape(), s.label(), s.extensions()));
                    if (de instanceof Edge ed) els.set(i, new Edge(ed.id(), newId, ed.waypoints(), ed.sourceElement(), ed.targetElement(),
                            ed.messageVisibleKind(), ed.label(), ed.extensions()));
                }
                return els;
            });
        });
    }

    /** Changes a node into another type of the same family, keeping id, name and flows. */
    public Command changeType(DiagramIndex now, String id, ElementType type) {
        Object e = now.element(id);
        if (!(e instanceof FlowNode node)) throw new ModelingException("Only flow nodes can change type.");
        return Command.of("Change " + describe(now, id) + " to " + type.label().toLowerCase(java.util.Locale.ROOT), d -> {
            DiagramIndex idx = index(d);
            FlowElement replaced = type.replace((FlowElement) idx.element(id));
            Definitions r = d;
            if (!(replaced instanceof Activity) && !idx.boundaryEventsOf(id).isEmpty()) {
                r = deleteNow(r, idx.boundaryEventsOf(id));
            }
            r = Semantics.replace(r, replaced);
            Bounds size = type.defaultSize();
            Bounds old = idx.bounds(id);
            boolean keepSize = old != null && node instanceof Activity && replaced instanceof Activity
                    && type.expanded() == isExpanded(idx.shape(id));
            DiagramIndex mid = index(r);
            Definitions fr = r;
            return Di.updateElements(fr, diagram, els -> {
                for (int i = 0; i < els.size(); i++) {
                    DiagramElement de = els.get(i);
                    if (de instanceof Shape s && id.equals(s.elementRef())) {
                        Bounds nb = keepSize ? s.bounds() : new Bounds(s.bounds().centerX() - size.width() / 2,
                                s.bounds().centerY() - size.height() / 2, size.width(), size.height());
                        Boolean expanded = type.kind() != null && type.kind().isSubProcess() ? type.expanded() : null;
                        Boolean marker = type == ElementType.EXCLUSIVE_GATEWAY ? Boolean.TRUE : null;
                        els.set(i, new Shape(s.id(), s.elementRef(), nb, expanded, s.horizontal(), marker, s.messageVisible(),
                                s.participantBandKind(), s.choreographyActivityShape(), s.label(), s.extensions()));
                    }
                }
                Map<String, Bounds> nb = new HashMap<>();
                for (DiagramElement de : els) if (de instanceof Shape s && id.equals(s.elementRef())) nb.put(id, s.bounds());
                for (int i = 0; i < els.size(); i++) {
                    if (els.get(i) instanceof Edge ed && mid.isConnection(ed.elementRef())) {
                        DiagramIndex.Ends ends = mid.ends(ed.elementRef());
                        if (id.equals(ends.source()) || id.equals(ends.target())) els.set(i, reroute(mid, ed, nb));
                    }
                }
                return els;
            });
        });
    }

    /** Makes the flow its source's default flow (or plain again when it already is). */
    public Command toggleDefaultFlow(DiagramIndex now, String flowId) {
        if (!(now.element(flowId) instanceof SequenceFlow f) || !Rules.canBeDefault(now, f))
            throw new ModelingException("Only flows leaving an exclusive, inclusive or complex gateway or an activity can be the default.");
        return Command.of("Toggle default flow " + describe(now, flowId), d -> {
            DiagramIndex idx = index(d);
            Object src = idx.element(f.sourceRef());
            if (src instanceof Gateway g) return Semantics.replace(d, g.withDefaultFlow(flowId.equals(g.defaultFlow()) ? null : flowId));
            Activity a = (Activity) src;
            return Semantics.replace(d, Elements.withActivity(a, a.activity().withDefaultFlow(flowId.equals(a.activity().defaultFlow()) ? null : flowId)));
        });
    }

    // ---------------------------------------------------------------- copy and paste

    /** What copy takes: the selection with boundary events and content, plus flows between copied nodes. */
    public Clipboard copy(DiagramIndex now, Collection<String> ids) {
        Set<String> all = moveClosure(now, ids.stream().filter(i -> !(now.element(i) instanceof Collaboration.Participant)
                && !(now.element(i) instanceof Lane)).toList());
        for (String id : List.copyOf(all)) {
            for (String c : now.connectionsOf(id)) {
                DiagramIndex.Ends ends = now.ends(c);
                if (all.contains(ends.source()) && all.contains(ends.target()) && !(now.element(c) instanceof DiagramIndex.OwnedDataAssociation)) all.add(c);
            }
        }
        List<Object> elements = new ArrayList<>();
        Map<String, DiagramElement> di = new HashMap<>();
        Map<String, String> containers = new HashMap<>();
        for (String id : all) {
            Object e = now.element(id);
            if (e == null || e instanceof DiagramIndex.OwnedDataAssociation || e instanceof Collaboration.MessageFlow) continue;
            if (e instanceof DataObject) continue;
            elements.add(e);
            containers.put(id, now.container(id));
            DiagramElement de = now.shape(id) != null ? now.shape(id) : now.edge(id);
            if (de != null) di.put(id, de);
        }
        return new Clipboard(elements, di, containers);
    }

    /** Pastes a copy with fresh ids, shifted by (dx, dy); returns the new ids of the top-level pasted elements. */
    public record Pasted(Command command, List<String> ids) {}

    public Pasted paste(DiagramIndex now, Clipboard clip, double dx, double dy, String description) {
        if (clip.isEmpty()) throw new ModelingException("Nothing to paste.");
        Set<String> reserved = new HashSet<>();
        Map<String, String> ids = new HashMap<>();
        for (Object e : clip.elements()) {
            String old = Elements.id(e);
            String prefix = old.replaceAll("_\\d+$", "").replaceAll("[^A-Za-z]+$", "");
            ids.put(old, newId(now, prefix.isEmpty() ? "Element" : prefix, reserved));
        }
        Map<String, String> dataObjects = new HashMap<>();
        List<String> top = clip.elements().stream().map(Elements::id).filter(i -> !ids.containsKey(clip.containers().get(i)))
                .map(ids::get).toList();
        Command cmd = Command.of(description, d -> {
            DiagramIndex idx = index(d);
            Definitions r = d;
            List<DiagramElement> newDi = new ArrayList<>();
            for (Object e : clip.elements()) {
                String old = Elements.id(e);
                String oldContainer = clip.containers().get(old);
                String container = ids.getOrDefault(oldContainer, oldContainer);
                if (container == null || (!ids.containsKey(oldContainer) && !idx.contains(container))) container = containerAt(idx, 0, 0);
                Object copy = References.remap(Elements.withId(e, ids.get(old)), ids);
                if (copy instanceof Event ev && ev.attachedToRef() != null && !ids.containsValue(ev.attachedToRef())) continue;
                if (copy instanceof SubProcess sp) copy = sp.withContent(dev.baton.model.FlowContent.EMPTY);
                if (copy instanceof Activity a) copy = Elements.withActivity(a, References.withoutData(a.activity()));
                if (copy instanceof Event ev) copy = References.withFreshDefinitions(ev);
                if (copy instanceof DataObjectReference ref && ref.dataObjectRef() != null) {
                    // the copy shares the data object when it still exists in the target process
                    if (!idx.contains(ref.dataObjectRef())) {
                        String doId = dataObjects.computeIfAbsent(ref.dataObjectRef(), k -> k + "_copy");
                        if (!index(r).contains(doId)) r = Semantics.add(r, container, new DataObject(doId, null, false, null, null, null));
                        copy = new DataObjectReference(ref.id(), ref.name(), doId, ref.itemSubjectRef(), ref.documentation(), ref.extensions());
                    }
                }
                r = Semantics.add(r, container, copy);
                DiagramElement de = clip.diagram().get(old);
                String nid = ids.get(old);
                if (de instanceof Shape s) {
                    Shape t = Di.translate(s, dx, dy);
                    newDi.add(new Shape(nid + "_di", nid, t.bounds(), t.expanded(), t.horizontal(), t.markerVisible(), t.messageVisible(),
                            t.participantBandKind(), t.choreographyActivityShape(), t.label(), t.extensions()));
                } else if (de instanceof Edge ed) {
                    Edge t = Di.translate(ed, dx, dy);
                    newDi.add(new Edge(nid + "_di", nid, t.waypoints(), null, null, t.messageVisibleKind(), t.label(), t.extensions()));
                }
            }
            return Di.updateElements(r, diagram, els -> {
                els.addAll(newDi);
                return els;
            });
        });
        return new Pasted(cmd, top);
    }

    // ---------------------------------------------------------------- arranging

    public Command align(DiagramIndex now, Collection<String> ids, Alignment how) {
        List<String> shapes = ids.stream().filter(i -> now.bounds(i) != null).toList();
        if (shapes.size() < 2) throw new ModelingException("Select two or more shapes to align.");
        Bounds u = Di.union(shapes.stream().map(now::bounds).toList());
        List<Command> moves = new ArrayList<>();
        for (String id : shapes) {
            Bounds b = now.bounds(id);
            double dx = 0, dy = 0;
            switch (how) {
                case LEFT -> dx = u.x() - b.x();
                case RIGHT -> dx = u.maxX() - b.maxX();
                case CENTER -> dx = u.centerX() - b.centerX();
                case TOP -> dy = u.y() - b.y();
                case BOTTOM -> dy = u.maxY() - b.maxY();
                case MIDDLE -> dy = u.centerY() - b.centerY();
            }
            double fdx = dx, fdy = dy;
            if (dx != 0 || dy != 0) moves.add(Command.of("move", d -> moveNow(d, List.of(id), fdx, fdy)));
        }
        return Command.compound("Align " + shapes.size() + " elements " + how.name().toLowerCase(java.util.Locale.ROOT), moves);
    }

    public Command distribute(DiagramIndex now, Collection<String> ids, boolean horizontally) {
        List<String> shapes = new ArrayList<>(ids.stream().filter(i -> now.bounds(i) != null).toList());
        if (shapes.size() < 3) throw new ModelingException("Select three or more shapes to distribute.");
        shapes.sort(java.util.Comparator.comparingDouble(i -> horizontally ? now.bounds(i).centerX() : now.bounds(i).centerY()));
        double first = horizontally ? now.bounds(shapes.get(0)).centerX() : now.bounds(shapes.get(0)).centerY();
        double last = horizontally ? now.bounds(shapes.get(shapes.size() - 1)).centerX() : now.bounds(shapes.get(shapes.size() - 1)).centerY();
        double step = (last - first) / (shapes.size() - 1);
        List<Command> moves = new ArrayList<>();
        for (int i = 1; i < shapes.size() - 1; i++) {
            Bounds b = now.bounds(shapes.get(i));
            double target = first + step * i;
            double delta = target - (horizontally ? b.centerX() : b.centerY());
            String id = shapes.get(i);
            if (Math.abs(delta) > 0.01) moves.add(Command.of("move", d -> moveNow(d, List.of(id), horizontally ? delta : 0, horizontally ? 0 : delta)));
        }
        return Command.compound("Distribute " + shapes.size() + " elements " + (horizontally ? "horizontally" : "vertically"), moves);
    }

    /**
     * The space tool: everything beyond the line at {@code at} moves by delta; pools, lanes and subprocesses the line
     * crosses grow by delta.
     */
    public Command makeSpace(DiagramIndex now, double at, double delta, boolean horizontal) {
        return Command.of((delta >= 0 ? "Make space" : "Remove space"), d -> {
            if (delta == 0) return d;
            DiagramIndex idx = index(d);
            return Di.updateElements(d, diagram, els -> {
                for (int i = 0; i < els.size(); i++) {
                    DiagramElement de = els.get(i);
                    if (de instanceof Shape s) {
                        Bounds b = s.bounds();
                        double lo = horizontal ? b.x() : b.y(), hi = horizontal ? b.maxX() : b.maxY();
                        Object e = idx.element(s.elementRef());
                        boolean container = e instanceof Collaboration.Participant || e instanceof Lane
                                || (e instanceof SubProcess && isExpanded(s)) || e instanceof Artifact.Group;
                        if (lo >= at) {
                            els.set(i, Di.translate(s, horizontal ? delta : 0, horizontal ? 0 : delta));
                        } else if (container && hi > at) {
                            Bounds nb = horizontal ? new Bounds(b.x(), b.y(), Math.max(30, b.width() + delta), b.height())
                                    : new Bounds(b.x(), b.y(), b.width(), Math.max(30, b.height() + delta));
                            els.set(i, s.withBounds(nb));
                        }
                    } else if (de instanceof Edge e) {
                        List<Point> pts = e.waypoints().stream().map(p -> (horizontal ? p.x() : p.y()) >= at
                                ? p.translate(horizontal ? delta : 0, horizontal ? 0 : delta) : p).toList();
                        Label l = e.label();
                        if (l != null && l.bounds() != null && (horizontal ? l.bounds().x() : l.bounds().y()) >= at)
                            l = Di.translate(l, horizontal ? delta : 0, horizontal ? 0 : delta);
                        els.set(i, Di.withLabel(e.withWaypoints(pts), l));
                    }
                }
                return els;
            });
        });
    }

    /** Flow node kinds an event-definition-free ElementType gives; used by tests and the UI. */
    static boolean isEventDefinitionOf(EventDefinition d, String trigger) {
        return java.util.Objects.equals(ElementType.triggerOf(d), trigger);
    }
}
