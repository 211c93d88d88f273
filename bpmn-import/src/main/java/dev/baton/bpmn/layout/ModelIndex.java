package dev.baton.bpmn.layout;

import dev.baton.model.Activity;
import dev.baton.model.Artifact;
import dev.baton.model.Collaboration;
import dev.baton.bpmn.xml.SecureXml;
import dev.baton.model.DataAssociation;
import dev.baton.model.DataObject;
import dev.baton.model.DataObjectReference;
import dev.baton.model.DataStoreReference;
import dev.baton.model.Definitions;
import dev.baton.model.Event;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.Process;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;
import dev.baton.model.XmlFragment;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What the layout needs to know about a whole document: every connection drawn as an edge, which scope (process or
 * subprocess) each element lives in, and in which scope each data reference or text annotation is drawn.
 */
final class ModelIndex {
    enum LinkKind { SEQUENCE, ASSOCIATION, DATA }

    /** A data input or output of a process (in its ioSpecification), drawn like a data object. */
    record ProcessData(String id, String name, boolean input) {}

    /** A connection drawn as an edge; id is the semantic element the edge points at. */
    record Link(String id, String source, String target, String name, LinkKind kind) {}

    final List<Link> links = new ArrayList<>();
    /** Element id to the id of the process or subprocess whose content holds it. */
    final Map<String, String> scopeOf = new HashMap<>();
    /** Flow elements and text annotations by id. */
    final Map<String, Object> elements = new LinkedHashMap<>();
    /** Data references and text annotations to draw in each scope, by scope id. */
    final Map<String, List<Object>> satellites = new LinkedHashMap<>();
    /** Text annotations of the collaboration that belong to no single process scope. */
    final List<Artifact.TextAnnotation> looseAnnotations = new ArrayList<>();

    private final Map<String, String> referenceOfDataObject = new HashMap<>();
    /** Scope id (process or subprocess) to the id of the process it belongs to. */
    private final Map<String, String> rootOf = new HashMap<>();
    /** Boundary events drawn on their host, by host id; a boundary event inside its own host's content is not. */
    final Map<String, List<Event>> boundaryByHost = new LinkedHashMap<>();
    final Set<String> onHost = new java.util.HashSet<>();
    private final Map<String, String> dataObjectScope = new HashMap<>();

    ModelIndex(Definitions d) {
        Map<String, String> definedIn = new LinkedHashMap<>();
        for (Process p : d.processes()) {
            for (ProcessData pd : processData(p)) {
                if (elements.containsKey(pd.id())) continue;
                elements.put(pd.id(), pd);
                definedIn.put(pd.id(), p.id());
            }
            walk(p.id(), p.id(), p.content(), definedIn);
        }
        for (Object e : new ArrayList<>(elements.values())) {
            if (!(e instanceof Event ev) || ev.attachedToRef() == null) continue;
            Object host = elements.get(ev.attachedToRef());
            boolean hostable = host instanceof Activity && !(host instanceof SubProcess sp && sp.triggeredByEvent());
            if (!hostable || insideOf(ev.id(), ev.attachedToRef())) continue;
            boundaryByHost.computeIfAbsent(ev.attachedToRef(), k -> new ArrayList<>()).add(ev);
            onHost.add(ev.id());
            scopeOf.put(ev.id(), scopeOf.get(ev.attachedToRef()));
        }
        for (Collaboration c : d.collaborations()) {
            for (Artifact a : c.artifacts()) collectArtifact(c.id(), a, definedIn);
        }
        // a data association may name the data object itself: draw it at its first reference, or on its own
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            String s = dataEnd(l.source(), definedIn), t = dataEnd(l.target(), definedIn);
            if (!java.util.Objects.equals(s, l.source()) || !java.util.Objects.equals(t, l.target())) links.set(i, new Link(l.id(), s, t, l.name(), l.kind()));
        }
        Map<String, Set<String>> neighbourScopes = new HashMap<>();
        for (Link l : links) {
            String s = scopeOf.get(l.source()), t = scopeOf.get(l.target());
            if (t != null) neighbourScopes.computeIfAbsent(l.source(), k -> new LinkedHashSet<>()).add(t);
            if (s != null) neighbourScopes.computeIfAbsent(l.target(), k -> new LinkedHashSet<>()).add(s);
        }
        // a satellite is drawn next to what it explains, when all of that lives in one scope
        definedIn.forEach((id, scope) -> {
            Set<String> near = neighbourScopes.getOrDefault(id, Set.of());
            String placed = near.size() == 1 ? near.iterator().next() : scope;
            // never into another pool: a data reference belongs to its process
            if (rootOf.containsKey(scope) && !java.util.Objects.equals(rootOf.get(placed), rootOf.get(scope))) placed = scope;
            Object element = elements.get(id);
            if (!scopeOf.containsKey(placed) && !isProcessScope(d, placed) && element instanceof Artifact.TextAnnotation t) {
                looseAnnotations.add(t);
                return;
            }
            satellites.computeIfAbsent(placed, k -> new ArrayList<>()).add(element);
            scopeOf.put(id, placed);
        });
    }

    private String dataEnd(String id, Map<String, String> definedIn) {
        if (id == null) return null;
        String scope = dataObjectScope.get(id);
        if (scope == null) return id;
        String ref = referenceOfDataObject.get(id);
        if (ref != null) return ref;
        definedIn.putIfAbsent(id, scope);
        return id;
    }

    static String idOf(Object element) {
        if (element instanceof FlowElement fe) return fe.id();
        if (element instanceof Artifact a) return a.id();
        if (element instanceof ProcessData pd) return pd.id();
        throw new IllegalArgumentException("not a drawn element: " + element);
    }

    static String nameOf(Object element) {
        if (element instanceof FlowElement fe) return fe.name();
        if (element instanceof ProcessData pd) return pd.name();
        return null;
    }

    /** The data inputs and outputs a process declares in its ioSpecification (kept as XML by the reader). */
    static List<ProcessData> processData(Process p) {
        List<ProcessData> out = new ArrayList<>();
        for (XmlFragment x : p.extensions().unmodelledChildren()) {
            if (!"ioSpecification".equals(x.localName())) continue;
            try {
                Document doc = SecureXml.documentBuilder().parse(new InputSource(new StringReader(x.xml())));
                collectData(doc.getDocumentElement(), out);
            } catch (SAXException | IOException e) {
                // kept XML that does not parse again has nothing drawable in it
            }
        }
        return out;
    }

    private static void collectData(Element e, List<ProcessData> out) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (!(c instanceof Element ce)) continue;
            String local = ce.getLocalName() != null ? ce.getLocalName() : ce.getNodeName().replaceFirst(".*:", "");
            String id = ce.getAttribute("id");
            if ((local.equals("dataInput") || local.equals("dataOutput")) && !id.isEmpty()) {
                out.add(new ProcessData(id, ce.hasAttribute("name") ? ce.getAttribute("name") : null, local.equals("dataInput")));
            }
        }
    }

    private static boolean isProcessScope(Definitions d, String id) {
        return d.processes().stream().anyMatch(p -> p.id().equals(id));
    }

    /** Whether the element lives somewhere inside the content of the given subprocess. */
    private boolean insideOf(String elementId, String subprocessId) {
        for (String scope = scopeOf.get(elementId); scope != null; scope = parentScope.get(scope)) {
            if (scope.equals(subprocessId)) return true;
        }
        return false;
    }

    private final Map<String, String> parentScope = new HashMap<>();

    private void walk(String root, String scope, FlowContent content, Map<String, String> definedIn) {
        rootOf.put(scope, root);
        for (FlowElement e : content.elements()) {
            if (e.id() == null) continue;
            if (e instanceof DataObject) {
                dataObjectScope.put(e.id(), scope);
                elements.putIfAbsent(e.id(), e);
                continue;
            }
            elements.put(e.id(), e);
            if (e instanceof DataObjectReference r && r.dataObjectRef() != null) referenceOfDataObject.putIfAbsent(r.dataObjectRef(), r.id());
            if (e instanceof DataObjectReference || e instanceof DataStoreReference) {
                definedIn.put(e.id(), scope);
                continue;
            }
            scopeOf.put(e.id(), scope);
            if (e instanceof SequenceFlow f) links.add(new Link(f.id(), f.sourceRef(), f.targetRef(), f.name(), LinkKind.SEQUENCE));
            if (e instanceof Activity a) {
                addData(a.id(), a.activity().dataInputAssociations(), a.activity().dataOutputAssociations());
            }
            if (e instanceof Event ev) addData(ev.id(), ev.dataInputAssociations(), ev.dataOutputAssociations());
            if (e instanceof SubProcess sp) {
                parentScope.put(sp.id(), scope);
                walk(root, sp.id(), sp.content(), definedIn);
            }
        }
        for (Artifact a : content.artifacts()) collectArtifact(scope, a, definedIn);
    }

    private void collectArtifact(String scope, Artifact a, Map<String, String> definedIn) {
        if (a.id() == null) return;
        if (a instanceof Artifact.TextAnnotation t) {
            elements.put(t.id(), t);
            definedIn.put(t.id(), scope);
        } else if (a instanceof Artifact.Association as && as.sourceRef() != null && as.targetRef() != null) {
            links.add(new Link(as.id(), as.sourceRef(), as.targetRef(), null, LinkKind.ASSOCIATION));
        }
    }

    private void addData(String owner, List<DataAssociation> inputs, List<DataAssociation> outputs) {
        for (DataAssociation in : inputs) {
            if (in.id() == null || in.sourceRefs().isEmpty()) continue;
            links.add(new Link(in.id(), in.sourceRefs().get(0), owner, null, LinkKind.DATA));
        }
        for (DataAssociation out : outputs) {
            if (out.id() == null || out.targetRef() == null) continue;
            links.add(new Link(out.id(), owner, out.targetRef(), null, LinkKind.DATA));
        }
    }
}
