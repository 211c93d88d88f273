package dev.baton.model.validation;

import dev.baton.model.Artifact;
import dev.baton.model.Collaboration;
import dev.baton.model.Definitions;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.GlobalElement;
import dev.baton.model.Lane;
import dev.baton.model.LaneSet;
import dev.baton.model.Process;
import dev.baton.model.RootElement;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;
import dev.baton.model.di.Diagram;
import dev.baton.model.di.DiagramElement;
import dev.baton.model.di.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What rules look up across a document, computed once per validation: flows per node, DI per element, order. */
final class ModelIndex {

    /** One stop of the walk: an element and the process or subprocess holding it (null outside processes). */
    record Visit(Object element, Scope scope) {}

    final Definitions definitions;
    final List<Visit> visits = new ArrayList<>();
    final Map<String, Integer> order = new HashMap<>();
    final Map<String, List<SequenceFlow>> incoming = new HashMap<>();
    final Map<String, List<SequenceFlow>> outgoing = new HashMap<>();
    final Map<String, Object> elements = new HashMap<>();
    final Map<String, Shape> shapes = new HashMap<>();
    final Set<String> diagramRefs = new HashSet<>();
    final Set<String> associationSources = new HashSet<>();

    ModelIndex(Definitions d) {
        this.definitions = d;
        visit(d, null, null);
        for (RootElement root : d.rootElements()) {
            if (root instanceof Process p) {
                Scope scope = Scope.of(p);
                visit(p, p.id(), scope);
                content(p.content(), scope);
            } else if (root instanceof Collaboration c) {
                visit(c, c.id(), null);
                c.participants().forEach(p -> visit(p, p.id(), null));
                c.messageFlows().forEach(m -> visit(m, m.id(), null));
                artifacts(c.artifacts());
            } else {
                visit(root, root.id(), null);
            }
        }
        for (Diagram diagram : d.diagrams()) {
            if (diagram.plane() == null) continue;
            for (DiagramElement de : diagram.plane().elements()) {
                if (de.elementRef() == null) continue;
                diagramRefs.add(de.elementRef());
                if (de instanceof Shape s) shapes.putIfAbsent(s.elementRef(), s);
                visit(de, null, null);
            }
        }
    }

    private void content(FlowContent content, Scope scope) {
        for (LaneSet set : content.laneSets()) lanes(set, scope);
        for (FlowElement e : content.elements()) {
            if (e instanceof SequenceFlow f) {
                if (f.sourceRef() != null) outgoing.computeIfAbsent(f.sourceRef(), k -> new ArrayList<>()).add(f);
                if (f.targetRef() != null) incoming.computeIfAbsent(f.targetRef(), k -> new ArrayList<>()).add(f);
            }
        }
        artifacts(content.artifacts());
        for (FlowElement e : content.elements()) {
            visit(e, e.id(), scope);
            if (e instanceof SubProcess sp) content(sp.content(), scope.inside(sp));
        }
    }

    private void lanes(LaneSet set, Scope scope) {
        for (Lane lane : set.lanes()) {
            visit(lane, lane.id(), scope);
            if (lane.childLaneSet() != null) lanes(lane.childLaneSet(), scope);
        }
    }

    private void artifacts(List<Artifact> artifacts) {
        for (Artifact a : artifacts) {
            if (a instanceof Artifact.Association as && as.sourceRef() != null) associationSources.add(as.sourceRef());
        }
    }

    private void visit(Object element, String id, Scope scope) {
        visits.add(new Visit(element, scope));
        if (id != null) {
            order.putIfAbsent(id, order.size());
            elements.putIfAbsent(id, element);
        }
    }

    List<SequenceFlow> incoming(String id) { return incoming.getOrDefault(id, List.of()); }

    List<SequenceFlow> outgoing(String id) { return outgoing.getOrDefault(id, List.of()); }

    GlobalElement global(String id) {
        return id != null && elements.get(id) instanceof GlobalElement g ? g : null;
    }
}
