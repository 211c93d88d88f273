package dev.baton.designer.model;

import dev.baton.model.Activity;
import dev.baton.model.Artifact;
import dev.baton.model.Collaboration;
import dev.baton.model.DataAssociation;
import dev.baton.model.Definitions;
import dev.baton.model.Event;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.Lane;
import dev.baton.model.LaneSet;
import dev.baton.model.Process;
import dev.baton.model.RootElement;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;
import dev.baton.model.di.Bounds;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Edge;
import dev.baton.model.di.Plane;
import dev.baton.model.di.Shape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lookups over one document and one of its diagrams: semantic element by id, which process or subprocess holds
 * it, the shape or edge that draws it, the connections touching a node. Built once per document state.
 */
public final class DiagramIndex {

    /** The two ends of a connection (sequence flow, message flow, association, data association). */
    public record Ends(String source, String target) {}

    /** A data association and the activity or event that owns it. */
    public record OwnedDataAssociation(DataAssociation association, String owner, boolean input) {}

    private final Definitions definitions;
    private final int diagramIndex;
    private final Map<String, Object> elements = new HashMap<>();
    private final Map<String, String> containerOf = new HashMap<>();
    private final Map<String, String> processOf = new HashMap<>();
    private final Map<String, Ends> ends = new HashMap<>();
    private final Map<String, List<String>> connections = new HashMap<>();
    private final Map<String, List<String>> boundaries = new HashMap<>();
    private final Map<String, DiagramElement> diByElement = new LinkedHashMap<>();
    private final Map<String, String> participantOfProcess = new HashMap<>();
    private final Map<String, String> laneOfNode = new HashMap<>();

    public DiagramIndex(Definitions definitions, int diagramIndex) {
        this.definitions = definitions;
        this.diagramIndex = diagramIndex;
        for (RootElement root : definitions.rootElements()) {
            elements.put(root.id(), root);
            if (root instanceof Process p) indexContent(p.id(), p.id(), p.content());
            if (root instanceof Collaboration c) {
                for (Collaboration.Participant part : c.participants()) {
                    elements.put(part.id(), part);
                    containerOf.put(part.id(), c.id());
                    if (part.processRef() != null) participantOfProcess.putIfAbsent(part.processRef(), part.id());
                }
                for (Collaboration.MessageFlow mf : c.messageFlows()) {
                    elements.put(mf.id(), mf);
                    containerOf.put(mf.id(), c.id());
                    connect(mf.id(), mf.sourceRef(), mf.targetRef());
                }
                indexArtifacts(c.id(), c.id(), c.artifacts());
            }
        }
        Plane plane = plane();
        if (plane != null) {
            for (DiagramElement de : plane.elements()) {
                if (de.elementRef() != null) diByElement.putIfAbsent(de.elementRef(), de);
            }
        }
    }

    public DiagramIndex(Definitions definitions) { this(definitions, 0); }

    private void indexContent(String containerId, String processId, FlowContent content) {
        for (FlowElement e : content.elements()) {
            elements.put(e.id(), e);
            containerOf.put(e.id(), containerId);
            processOf.put(e.id(), processId);
            if (e instanceof SequenceFlow f) connect(f.id(), f.sourceRef(), f.targetRef());
            if (e instanceof Event ev) {
                if (ev.attachedToRef() != null) boundaries.computeIfAbsent(ev.attachedToRef(), k -> new ArrayList<>()).add(ev.id());
                indexDataAssociations(containerId, processId, ev.id(), ev.dataInputAssociations(), ev.dataOutputAssociations());
            }
            if (e instanceof Activity a) {
                indexDataAssociations(containerId, processId, a.id(), a.activity().dataInputAssociations(),
                        a.activity().dataOutputAssociations());
            }
            if (e instanceof SubProcess sp) indexContent(sp.id(), processId, sp.content());
        }
        indexArtifacts(containerId, processId, content.artifacts());
        for (LaneSet ls : content.laneSets()) indexLanes(containerId, ls);
    }

    private void indexLanes(String containerId, LaneSet set) {
        for (Lane lane : set.lanes()) {
            elements.put(lane.id(), lane);
            containerOf.put(lane.id(), containerId);
            for (String ref : lane.flowNodeRefs()) laneOfNode.put(ref, lane.id());
            if (lane.childLaneSet() != null) indexLanes(containerId, lane.childLaneSet());
        }
    }

    private void indexDataAssociations(String containerId, String processId, String owner,
                                       List<DataAssociation> inputs, List<DataAssociation> outputs) {
        for (DataAssociation da : inputs) {
            if (da.id() == null) continue;
            elements.put(da.id(), new OwnedDataAssociation(da, owner, true));
            containerOf.put(da.id(), containerId);
            processOf.put(da.id(), processId);
            connect(da.id(), da.sourceRefs().isEmpty() ? null : da.sourceRefs().get(0), owner);
        }
        for (DataAssociation da : outputs) {
            if (da.id() == null) continue;
            elements.put(da.id(), new OwnedDataAssociation(da, owner, false));
            containerOf.put(da.id(), containerId);
            processOf.put(da.id(), processId);
            connect(da.id(), owner, da.targetRef());
        }
    }

    private void indexArtifacts(String containerId, String processId, List<Artifact> artifacts) {
        for (Artifact a : artifacts) {
            elements.put(a.id(), a);
            containerOf.put(a.id(), containerId);
            processOf.put(a.id(), processId);
            if (a instanceof Artifact.Association as) connect(as.id(), as.sourceRef(), as.targetRef());
        }
    }

    private void connect(String id, String source, String target) {
        ends.put(id, new Ends(source, target));
        if (source != null) connections.computeIfAbsent(source, k -> new ArrayList<>()).add(id);
        if (target != null && !target.equals(source)) connections.computeIfAbsent(target, k -> new ArrayList<>()).add(id);
    }

    public Definitions definitions() { return definitions; }

    public int diagramIndex() { return diagramIndex; }

    /** The plane this index draws, or null when the document has no diagram. */
    public Plane plane() {
        return diagramIndex < definitions.diagrams().size() ? definitions.diagrams().get(diagramIndex).plane() : null;
    }

    public boolean contains(String id) { return elements.containsKey(id); }

    /** The semantic element: a RootElement, FlowElement, Artifact, Participant, MessageFlow, Lane or OwnedDataAssociation. */
    public Object element(String id) { return id == null ? null : elements.get(id); }

    public Optional<FlowElement> flowElement(String id) {
        return element(id) instanceof FlowElement f ? Optional.of(f) : Optional.empty();
    }

    /** The id of the process, subprocess or collaboration that holds the element. */
    public String container(String id) { return containerOf.get(id); }

    /** The top-level process a flow element belongs to (through nested subprocesses). */
    public String process(String id) {
        Object e = elements.get(id);
        if (e instanceof Process) return id;
        if (e instanceof Collaboration.Participant p) return p.processRef();
        return processOf.get(id);
    }

    /** The participant (pool) drawing the given process, or null. */
    public String participantOf(String processId) { return participantOfProcess.get(processId); }

    public String laneOf(String nodeId) { return laneOfNode.get(nodeId); }

    public Ends ends(String connectionId) { return ends.get(connectionId); }

    public boolean isConnection(String id) { return ends.containsKey(id); }

    /** Connections with this element at one end, in document order. */
    public List<String> connectionsOf(String elementId) { return connections.getOrDefault(elementId, List.of()); }

    public List<String> boundaryEventsOf(String activityId) { return boundaries.getOrDefault(activityId, List.of()); }

    public Shape shape(String elementId) {
        return diByElement.get(elementId) instanceof Shape s ? s : null;
    }

    public Edge edge(String elementId) {
        return diByElement.get(elementId) instanceof Edge e ? e : null;
    }

    public Bounds bounds(String elementId) {
        Shape s = shape(elementId);
        return s == null ? null : s.bounds();
    }

    /** Elements drawn in this diagram, in drawing order. */
    public List<DiagramElement> diagramElements() {
        Plane p = plane();
        return p == null ? List.of() : p.elements();
    }

    /** Every element id in the document (semantic and diagram), so that new ids never clash. */
    public boolean idTaken(String id) {
        if (elements.containsKey(id)) return true;
        if (diagramIds == null) {
            diagramIds = new java.util.HashSet<>();
            for (var d : definitions.diagrams()) {
                diagramIds.add(d.id());
                if (d.plane() != null) {
                    diagramIds.add(d.plane().id());
                    for (DiagramElement de : d.plane().elements()) diagramIds.add(de.id());
                }
            }
            for (var r : definitions.rootElements()) if (r instanceof Process p) collectNestedIds(p.content(), diagramIds);
        }
        return diagramIds.contains(id);
    }

    private java.util.Set<String> diagramIds;

    private static void collectNestedIds(FlowContent content, java.util.Set<String> ids) {
        for (var e : content.elements()) {
            if (e instanceof Event ev) ev.eventDefinitions().forEach(d -> ids.add(d.id()));
            if (e instanceof SubProcess sp) collectNestedIds(sp.content(), ids);
        }
        for (var ls : content.laneSets()) ids.add(ls.id());
    }
}
