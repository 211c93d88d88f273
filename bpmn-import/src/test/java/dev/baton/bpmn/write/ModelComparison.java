package dev.baton.bpmn.write;

import dev.baton.bpmn.xml.Namespaces;
import dev.baton.model.Definitions;
import dev.baton.model.Expression;
import dev.baton.model.Extensions;
import dev.baton.model.XmlFragment;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.Diagram;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Label;
import dev.baton.model.di.Point;
import dev.baton.model.di.Shape;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Test helper: what differs between two reads of one document. Every element with an id becomes one fact holding all
 * its modelled fields (names, kinds, references, conditions, event definitions...) and a summary of what it keeps
 * (attribute names, extension element namespaces, unmodelled child names). Geometry is compared within 0.5 px.
 */
final class ModelComparison {
    private static final double TOLERANCE = 0.5;

    private ModelComparison() {}

    static List<String> differences(Definitions first, Definitions second) {
        List<String> out = new ArrayList<>();
        Map<String, String> a = facts(first);
        Map<String, String> b = facts(second);
        for (Map.Entry<String, String> e : a.entrySet()) {
            String other = b.get(e.getKey());
            if (other == null) out.add("lost " + e.getKey() + " " + e.getValue());
            else if (!other.equals(e.getValue())) out.add("changed " + e.getKey() + "\n    was " + e.getValue() + "\n    now " + other);
        }
        for (String key : b.keySet()) if (!a.containsKey(key)) out.add("gained " + key + " " + b.get(key));
        geometry(first.diagrams(), second.diagrams(), out);
        return out;
    }

    /** One line per element with an id (and one for the document), keyed by type and id. */
    static Map<String, String> facts(Definitions d) {
        Map<String, String> facts = new TreeMap<>();
        StringBuilder root = new StringBuilder();
        for (RecordComponent rc : Definitions.class.getRecordComponents()) {
            // namespace declarations are the writer's to choose; diagrams are compared with a tolerance
            if (rc.getName().equals("namespaces") || rc.getName().equals("diagrams")) continue;
            Object v = value(rc, d);
            // the schema requires a target namespace: the writer fills in its default where the source had none
            if (rc.getName().equals("targetNamespace") && v == null) v = SemanticWriter.DEFAULT_TARGET_NAMESPACE;
            root.append(rc.getName()).append('=').append(describe(v, facts)).append(' ');
        }
        facts.put("Definitions", root.toString());
        return facts;
    }

    private static String describe(Object o, Map<String, String> facts) {
        // the schema requires a link's name and a conditional's condition: the writer fills them in empty
        if (o == null || "".equals(o)) return "null";
        if (o instanceof Extensions x) return extensions(x);
        if (o instanceof Expression x) return x.text().isEmpty() ? "null" : "expr(" + x.text() + ")";
        if (o instanceof XmlFragment f) return "xml(" + keptNamespace(f.namespace()) + "|" + f.localName() + ")";
        if (o instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            for (Object x : c) parts.add(describe(x, facts));
            return parts.toString();
        }
        if (o instanceof Map<?, ?> m) return new TreeMap<>(m).toString();
        if (o instanceof Record r) {
            StringBuilder b = new StringBuilder(r.getClass().getSimpleName()).append('{');
            String id = null;
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                Object v = value(rc, r);
                if (rc.getName().equals("id") && v instanceof String s) id = s;
                b.append(rc.getName()).append('=').append(describe(v, facts)).append(' ');
            }
            b.append('}');
            if (id == null) return b.toString();
            String key = r.getClass().getSimpleName() + "#" + id;
            String previous = facts.putIfAbsent(key, b.toString());
            if (previous != null && !previous.equals(b.toString())) facts.put(key + "@" + facts.size(), b.toString());
            return "->" + id;
        }
        return o.toString();
    }

    /** What an element keeps, with BPMN-namespace or unqualified vendor content counted as the writer's kept namespace. */
    private static String extensions(Extensions x) {
        List<String> attributes = new ArrayList<>();
        for (String key : x.attributes().keySet()) {
            String ns = key.startsWith("{") ? key.substring(1, key.indexOf('}')) : "";
            String local = key.startsWith("{") ? key.substring(key.indexOf('}') + 1) : key;
            attributes.add(keptNamespace(ns) + "|" + local);
        }
        attributes.sort(null);
        List<String> elements = new ArrayList<>();
        for (XmlFragment f : x.elements()) elements.add(keptNamespace(f.namespace()) + "|" + f.localName());
        List<String> unmodelled = new ArrayList<>();
        for (XmlFragment f : x.unmodelledChildren()) unmodelled.add(f.localName());
        unmodelled.sort(null);
        return "ext(attrs=" + attributes + " elements=" + elements + " unmodelled=" + unmodelled + ")";
    }

    private static String keptNamespace(String ns) {
        return ns == null || ns.isEmpty() || ns.equals(Namespaces.BPMN) ? BpmnWriter.KEPT_NAMESPACE : ns;
    }

    private static void geometry(List<Diagram> a, List<Diagram> b, List<String> out) {
        if (a.size() != b.size()) {
            out.add("diagram count " + a.size() + " became " + b.size());
            return;
        }
        for (int i = 0; i < a.size(); i++) {
            Diagram da = a.get(i);
            Diagram db = b.get(i);
            if (!Objects.equals(da.id(), db.id()) || !Objects.equals(da.name(), db.name())) {
                out.add("diagram " + da.id() + "/" + da.name() + " became " + db.id() + "/" + db.name());
            }
            if (da.plane() == null || db.plane() == null) {
                if (da.plane() != db.plane()) out.add("diagram " + da.id() + " plane lost or gained");
                continue;
            }
            if (!Objects.equals(da.plane().elementRef(), db.plane().elementRef())) {
                out.add("plane of " + da.id() + " drew " + da.plane().elementRef() + ", now " + db.plane().elementRef());
            }
            // shapes without bounds and edges without two waypoints cannot be valid BPMN DI: the writer leaves them out
            Map<String, DiagramElement> ea = byKey(da.plane().elements().stream()
                    .filter(e -> e instanceof Shape s ? s.bounds() != null : ((Edge) e).waypoints().size() >= 2).toList());
            Map<String, DiagramElement> eb = byKey(db.plane().elements());
            for (Map.Entry<String, DiagramElement> e : ea.entrySet()) {
                DiagramElement other = eb.get(e.getKey());
                if (other == null) {
                    out.add("lost diagram element " + e.getKey());
                    continue;
                }
                compare(e.getKey(), e.getValue(), other, out);
            }
            for (String key : eb.keySet()) if (!ea.containsKey(key)) out.add("gained diagram element " + key);
        }
    }

    private static Map<String, DiagramElement> byKey(List<DiagramElement> elements) {
        Map<String, DiagramElement> m = new LinkedHashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            DiagramElement e = elements.get(i);
            m.put(e.id() != null ? e.id() : "#" + i + ":" + e.elementRef(), e);
        }
        return m;
    }

    private static void compare(String key, DiagramElement a, DiagramElement b, List<String> out) {
        if (!Objects.equals(a.elementRef(), b.elementRef()) || a.getClass() != b.getClass()) {
            out.add(key + " drew " + a.elementRef() + ", now " + b.elementRef());
            return;
        }
        if (!extensions(a.extensions()).equals(extensions(b.extensions()))) {
            out.add(key + " extensions " + extensions(a.extensions()) + " became " + extensions(b.extensions()));
        }
        if (a instanceof Shape sa && b instanceof Shape sb) {
            bounds(key, sa.bounds(), sb.bounds(), out);
            String flagsA = List.of(String.valueOf(sa.expanded()), String.valueOf(sa.horizontal()), String.valueOf(sa.markerVisible()),
                    String.valueOf(sa.messageVisible()), String.valueOf(sa.participantBandKind()), String.valueOf(sa.choreographyActivityShape())).toString();
            String flagsB = List.of(String.valueOf(sb.expanded()), String.valueOf(sb.horizontal()), String.valueOf(sb.markerVisible()),
                    String.valueOf(sb.messageVisible()), String.valueOf(sb.participantBandKind()), String.valueOf(sb.choreographyActivityShape())).toString();
            if (!flagsA.equals(flagsB)) out.add(key + " flags " + flagsA + " became " + flagsB);
        } else if (a instanceof Edge ea && b instanceof Edge eb) {
            if (ea.waypoints().size() != eb.waypoints().size()) {
                out.add(key + " had " + ea.waypoints().size() + " waypoints, now " + eb.waypoints().size());
            } else {
                for (int i = 0; i < ea.waypoints().size(); i++) {
                    Point p = ea.waypoints().get(i);
                    Point q = eb.waypoints().get(i);
                    if (Math.abs(p.x() - q.x()) > TOLERANCE || Math.abs(p.y() - q.y()) > TOLERANCE) {
                        out.add(key + " waypoint " + i + " moved from " + p + " to " + q);
                    }
                }
            }
            if (!Objects.equals(ea.sourceElement(), eb.sourceElement()) || !Objects.equals(ea.targetElement(), eb.targetElement())
                    || !Objects.equals(ea.messageVisibleKind(), eb.messageVisibleKind())) {
                out.add(key + " edge ends or message kind changed");
            }
        }
        label(key, a.label(), b.label(), out);
    }

    private static void label(String key, Label a, Label b, List<String> out) {
        if (a == null || b == null) {
            if (a != b) out.add(key + " label " + a + " became " + b);
            return;
        }
        bounds(key + " label", a.bounds(), b.bounds(), out);
        if (!Objects.equals(a.labelStyle(), b.labelStyle())) out.add(key + " label style " + a.labelStyle() + " became " + b.labelStyle());
        if (!extensions(a.extensions()).equals(extensions(b.extensions()))) out.add(key + " label extensions changed");
    }

    private static void bounds(String key, Bounds a, Bounds b, List<String> out) {
        if (a == null || b == null) {
            if (a != b) out.add(key + " bounds " + a + " became " + b);
            return;
        }
        if (Math.abs(a.x() - b.x()) > TOLERANCE || Math.abs(a.y() - b.y()) > TOLERANCE
                || Math.abs(a.width() - b.width()) > TOLERANCE || Math.abs(a.height() - b.height()) > TOLERANCE) {
            out.add(key + " bounds " + a + " became " + b);
        }
    }

    private static Object value(RecordComponent rc, Object r) {
        try {
            return rc.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
