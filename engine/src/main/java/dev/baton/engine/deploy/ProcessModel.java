package dev.baton.engine.deploy;

import dev.baton.model.Definitions;
import dev.baton.model.Dialect;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.FlowNode;
import dev.baton.model.GlobalElement;
import dev.baton.model.Process;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One deployed process, indexed for running: nodes, flows, enclosing scopes, boundary events, messages. */
public final class ProcessModel {
    private final String definitionId;
    private final Definitions definitions;
    private final Process process;
    private final Map<String, FlowNode> nodes = new HashMap<>();
    private final Map<String, SequenceFlow> flows = new HashMap<>();
    private final Map<String, List<SequenceFlow>> outgoing = new HashMap<>();
    private final Map<String, List<SequenceFlow>> incoming = new HashMap<>();
    private final Map<String, String> scopeOf = new HashMap<>();
    private final Map<String, List<Event>> boundaries = new HashMap<>();
    private final Map<String, Set<String>> reachable = new ConcurrentHashMap<>();
    private volatile Boolean conditional;

    public ProcessModel(String definitionId, Definitions definitions, Process process) {
        this.definitionId = definitionId;
        this.definitions = definitions;
        this.process = process;
        index(process.content(), null);
    }

    private void index(FlowContent content, String scopeId) {
        for (FlowElement e : content.elements()) {
            if (e instanceof FlowNode n) {
                nodes.put(n.id(), n);
                scopeOf.put(n.id(), scopeId);
                if (n instanceof Event ev && ev.attachedToRef() != null) {
                    boundaries.computeIfAbsent(ev.attachedToRef(), k -> new ArrayList<>()).add(ev);
                }
                if (n instanceof SubProcess sp) index(sp.content(), sp.id());
            } else if (e instanceof SequenceFlow f) {
                flows.put(f.id(), f);
                outgoing.computeIfAbsent(f.sourceRef(), k -> new ArrayList<>()).add(f);
                incoming.computeIfAbsent(f.targetRef(), k -> new ArrayList<>()).add(f);
            }
        }
    }

    public String definitionId() { return definitionId; }

    /** Whether any event of the process is conditional; if none, variable changes need no evaluation. */
    public boolean hasConditionalEvents() {
        Boolean c = conditional;
        if (c == null) conditional = c = nodes.values().stream().anyMatch(n -> n instanceof Event e && e.definition() instanceof EventDefinition.Conditional);
        return c;
    }
    public String processId() { return process.id(); }
    public Process process() { return process; }
    public Definitions definitions() { return definitions; }
    public Dialect dialect() { return definitions.dialect(); }

    /**
     * The version tag the file gives the process (camunda:versionTag, or a zeebe:versionTag element's value), or
     * null. The importer keeps both unmodelled on the process; call activities bound by version tag look for it.
     */
    public static String versionTag(Process process) {
        String tag = process.extensions().attribute(Dialect.CAMUNDA7_NS, "versionTag").orElse(null);
        if (tag == null) {
            for (dev.baton.model.XmlFragment x : process.extensions().elements()) {
                if (x.namespace().equals(Dialect.CAMUNDA8_NS) && x.localName().equals("versionTag")) tag = attributeOf(x, "value");
            }
        }
        return tag == null || tag.isBlank() ? null : tag.strip();
    }

    private static String attributeOf(dev.baton.model.XmlFragment x, String name) {
        try {
            var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var root = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(x.xml()))).getDocumentElement();
            return root.hasAttribute(name) ? root.getAttribute(name) : null;
        } catch (Exception e) {
            throw new IllegalArgumentException("the zeebe:versionTag element cannot be read: " + e.getMessage(), e);
        }
    }

    public FlowNode node(String id) {
        FlowNode n = nodes.get(id);
        if (n == null) throw new IllegalStateException("process " + process.id() + " has no element " + id);
        return n;
    }

    public Optional<FlowNode> findNode(String id) { return Optional.ofNullable(nodes.get(id)); }
    public java.util.Collection<FlowNode> nodes() { return nodes.values(); }
    public SequenceFlow flow(String id) { return flows.get(id); }
    public List<SequenceFlow> outgoing(String nodeId) { return outgoing.getOrDefault(nodeId, List.of()); }
    public List<SequenceFlow> incoming(String nodeId) { return incoming.getOrDefault(nodeId, List.of()); }
    public List<Event> boundaryEvents(String activityId) { return boundaries.getOrDefault(activityId, List.of()); }

    /** The id of the subprocess that encloses the element, or null at process level. */
    public String scopeOf(String elementId) { return scopeOf.get(elementId); }

    /** The none start event of the process (scopeId null) or of a subprocess. */
    public Optional<Event> noneStart(String scopeId) {
        return nodes.values().stream()
                .filter(n -> n instanceof Event e && e.kind() == ElementKind.START_EVENT && e.definition() == null)
                .filter(n -> java.util.Objects.equals(scopeOf.get(n.id()), scopeId))
                .map(Event.class::cast).sorted(java.util.Comparator.comparing(Event::id)).findFirst();
    }

    /** Start events of the process itself with the given event definition type. */
    public <T extends EventDefinition> List<Event> startEvents(Class<T> type) {
        List<Event> out = new ArrayList<>();
        for (FlowElement e : process.content().elements()) {
            if (e instanceof Event ev && ev.kind() == ElementKind.START_EVENT && type.isInstance(ev.definition())) out.add(ev);
        }
        return out;
    }

    /** The name of a message by its id (messageRef); the id itself when the file declares no name. */
    public String messageName(String messageRef) {
        if (messageRef == null) return null;
        return definitions.globals(GlobalElement.Message.class).stream().filter(m -> messageRef.equals(m.id()))
                .map(m -> m.name() == null || m.name().isBlank() ? m.id() : m.name()).findFirst().orElse(messageRef);
    }

    public Optional<GlobalElement.Message> message(String messageRef) {
        if (messageRef == null) return Optional.empty();
        return definitions.globals(GlobalElement.Message.class).stream().filter(m -> messageRef.equals(m.id())).findFirst();
    }

    /** Whether a token at {@code from} can still arrive at {@code to} along sequence flows (boundary paths included). */
    public boolean canReach(String from, String to) {
        return reachable.computeIfAbsent(from, this::reachableFrom).contains(to);
    }

    private Set<String> reachableFrom(String start) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            String id = todo.poll();
            List<String> next = new ArrayList<>();
            for (SequenceFlow f : outgoing(id)) next.add(f.targetRef());
            for (Event b : boundaryEvents(id)) next.add(b.id());
            for (String n : next) if (seen.add(n)) todo.add(n);
        }
        return seen;
    }

    /** A readable name for messages: 'Check order' (Task_1), or just the id. */
    public String describe(String elementId) {
        FlowNode n = nodes.get(elementId);
        if (n == null || n.name() == null || n.name().isBlank()) return elementId;
        return "'" + n.name() + "' (" + elementId + ")";
    }
}
