package dev.baton.model.validation;

import dev.baton.model.Definitions;
import dev.baton.model.GlobalElement;
import dev.baton.model.Process;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;
import dev.baton.model.di.Shape;
import java.util.List;
import java.util.Optional;

/**
 * What a rule sees at one stop of the validator's walk: the element visited, the process or subprocess holding it,
 * and look-ups over the whole document (incoming and outgoing flows, global elements, diagram shapes).
 *
 * <p>The walk visits, in document order: the {@link Definitions}; each root element (a process, then its lanes and its
 * flow elements depth first; a collaboration, then its pools and message flows; each message, signal, error...);
 * then every shape and edge of every diagram.
 */
public final class RuleContext {
    private final ModelIndex index;
    private final Object element;
    private final Scope scope;

    RuleContext(ModelIndex index, Object element, Scope scope) {
        this.index = index;
        this.element = element;
        this.scope = scope;
    }

    public Definitions definitions() { return index.definitions; }

    /** The element visited: Definitions, a root element, a flow element, a pool, a lane, a message flow, or a DI shape or edge. */
    public Object element() { return element; }

    /** The process or subprocess holding the element (for a process, the process itself); null outside processes. */
    public Scope scope() { return scope; }

    /** When the element is a process or subprocess, the scope made of its own content. */
    public Optional<Scope> ownScope() {
        if (element instanceof Process p) return Optional.of(Scope.of(p));
        if (element instanceof SubProcess sp && scope != null) return Optional.of(scope.inside(sp));
        return Optional.empty();
    }

    /** Whether the element lives in a process marked isExecutable. */
    public boolean executable() { return scope != null && scope.executable(); }

    /** Sequence flows that end at the node, found in the node's container. */
    public List<SequenceFlow> incoming(String nodeId) { return index.incoming(nodeId); }

    /** Sequence flows that leave the node. */
    public List<SequenceFlow> outgoing(String nodeId) { return index.outgoing(nodeId); }

    /** Any element of the document with an id (flow elements, pools, lanes, message flows, root elements). */
    public Optional<Object> byId(String id) { return id == null ? Optional.empty() : Optional.ofNullable(index.elements.get(id)); }

    /** A message, signal, error or escalation (or other root element) by id, when the id points at one. */
    public Optional<GlobalElement> global(String id) { return Optional.ofNullable(index.global(id)); }

    /** The first diagram shape drawing the element, if any. */
    public Optional<Shape> shape(String elementRef) { return Optional.ofNullable(index.shapes.get(elementRef)); }

    /** Whether some diagram draws the element (a shape or an edge). */
    public boolean drawn(String elementRef) { return index.diagramRefs.contains(elementRef); }

    /** Whether an association starts at the element (compensation boundary events link to their handler so). */
    public boolean hasAssociationFrom(String elementId) { return index.associationSources.contains(elementId); }

    /** The element named for a message: its kind and name, e.g. "Service task 'Charge card'". */
    public String describe(Object e) { return Describe.of(e); }
}
