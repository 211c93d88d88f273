package dev.baton.designer.model;

import dev.baton.model.Activity;
import dev.baton.model.ActivitySettings;
import dev.baton.model.Artifact;
import dev.baton.model.CallActivity;
import dev.baton.model.Collaboration;
import dev.baton.model.DataAssociation;
import dev.baton.model.Definitions;
import dev.baton.model.Event;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.Gateway;
import dev.baton.model.Lane;
import dev.baton.model.LaneSet;
import dev.baton.model.Process;
import dev.baton.model.RootElement;
import dev.baton.model.SubProcess;
import dev.baton.model.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** Rewrites of the semantic tree (processes, subprocesses, collaborations); pure functions over immutable records. */
public final class Semantics {

    private Semantics() {}

    /** Applies op to the content of every process and subprocess, innermost first. */
    public static Definitions mapContents(Definitions d, BiFunction<String, FlowContent, FlowContent> op) {
        List<RootElement> roots = new ArrayList<>(d.rootElements().size());
        boolean changed = false;
        for (RootElement r : d.rootElements()) {
            RootElement nr = r;
            if (r instanceof Process p) {
                FlowContent c = mapContent(p.id(), p.content(), op);
                if (c != p.content()) nr = p.withContent(c);
            }
            changed |= nr != r;
            roots.add(nr);
        }
        return changed ? d.withRootElements(roots) : d;
    }

    private static FlowContent mapContent(String containerId, FlowContent content, BiFunction<String, FlowContent, FlowContent> op) {
        List<FlowElement> elements = null;
        for (int i = 0; i < content.elements().size(); i++) {
            FlowElement e = content.elements().get(i);
            if (e instanceof SubProcess sp) {
                FlowContent c = mapContent(sp.id(), sp.content(), op);
                if (c != sp.content()) {
                    if (elements == null) elements = new ArrayList<>(content.elements());
                    elements.set(i, sp.withContent(c));
                }
            }
        }
        FlowContent inner = elements == null ? content : content.withElements(elements);
        return op.apply(containerId, inner);
    }

    /** Applies op to every collaboration. */
    public static Definitions mapCollaborations(Definitions d, java.util.function.UnaryOperator<Collaboration> op) {
        List<RootElement> roots = new ArrayList<>(d.rootElements());
        boolean changed = false;
        for (int i = 0; i < roots.size(); i++) {
            if (roots.get(i) instanceof Collaboration c) {
                Collaboration nc = op.apply(c);
                if (nc != c) {
                    roots.set(i, nc);
                    changed = true;
                }
            }
        }
        return changed ? d.withRootElements(roots) : d;
    }

    public static Collaboration collaboration(Collaboration c, List<Collaboration.Participant> participants,
                                              List<Collaboration.MessageFlow> flows, List<Artifact> artifacts) {
        return new Collaboration(c.id(), c.name(), c.closed(), participants, flows, artifacts, c.documentation(), c.extensions());
    }

    /** Replaces the flow element, artifact, participant, message flow or lane with the same id. */
    public static Definitions replace(Definitions d, Object element) {
        if (element instanceof FlowElement fe) {
            return mapContents(d, (cid, c) -> c.element(fe.id()).isPresent() ? c.replace(fe) : c);
        }
        if (element instanceof Artifact a) {
            Definitions r = mapContents(d, (cid, c) -> {
                if (c.artifacts().stream().noneMatch(x -> x.id().equals(a.id()))) return c;
                return c.withArtifacts(c.artifacts().stream().map(x -> x.id().equals(a.id()) ? a : x).toList());
            });
            return mapCollaborations(r, c -> c.artifacts().stream().noneMatch(x -> x.id().equals(a.id())) ? c
                    : collaboration(c, c.participants(), c.messageFlows(),
                    c.artifacts().stream().map(x -> x.id().equals(a.id()) ? a : x).toList()));
        }
        if (element instanceof Collaboration.Participant p) {
            return mapCollaborations(d, c -> c.participants().stream().noneMatch(x -> x.id().equals(p.id())) ? c
                    : collaboration(c, c.participants().stream().map(x -> x.id().equals(p.id()) ? p : x).toList(),
                    c.messageFlows(), c.artifacts()));
        }
        if (element instanceof Collaboration.MessageFlow m) {
            return mapCollaborations(d, c -> c.messageFlows().stream().noneMatch(x -> x.id().equals(m.id())) ? c
                    : collaboration(c, c.participants(), c.messageFlows().stream().map(x -> x.id().equals(m.id()) ? m : x).toList(),
                    c.artifacts()));
        }
        if (element instanceof Lane lane) {
            return mapContents(d, (cid, c) -> c.laneSets().isEmpty() ? c
                    : c.withLaneSets(c.laneSets().stream().map(ls -> replaceLane(ls, lane)).toList()));
        }
        if (element instanceof RootElement root) return d.replace(root);
        throw new IllegalArgumentException("cannot replace " + element);
    }

    private static LaneSet replaceLane(LaneSet set, Lane lane) {
        List<Lane> lanes = set.lanes().stream().map(l -> {
            if (l.id().equals(lane.id())) return lane;
            if (l.childLaneSet() == null) return l;
            return new Lane(l.id(), l.name(), l.flowNodeRefs(), replaceLane(l.childLaneSet(), lane), l.partitionElementRef(),
                    l.documentation(), l.extensions());
        }).toList();
        return new LaneSet(set.id(), set.name(), lanes, set.extensions());
    }

    /** Adds a flow element or artifact to the process, subprocess or collaboration with the given id. */
    public static Definitions add(Definitions d, String containerId, Object element) {
        if (d.rootElement(containerId).orElse(null) instanceof Collaboration col) {
            Collaboration nc;
            if (element instanceof Artifact a) {
                List<Artifact> as = new ArrayList<>(col.artifacts());
                as.add(a);
                nc = collaboration(col, col.participants(), col.messageFlows(), as);
            } else if (element instanceof Collaboration.MessageFlow m) {
                List<Collaboration.MessageFlow> ms = new ArrayList<>(col.messageFlows());
                ms.add(m);
                nc = collaboration(col, col.participants(), ms, col.artifacts());
            } else if (element instanceof Collaboration.Participant p) {
                List<Collaboration.Participant> ps = new ArrayList<>(col.participants());
                ps.add(p);
                nc = collaboration(col, ps, col.messageFlows(), col.artifacts());
            } else {
                throw new IllegalArgumentException("a collaboration cannot hold " + element);
            }
            return d.replace(nc);
        }
        boolean[] found = {false};
        Definitions r = mapContents(d, (cid, c) -> {
            if (!cid.equals(containerId)) return c;
            found[0] = true;
            if (element instanceof FlowElement fe) return c.plus(fe);
            if (element instanceof Artifact a) {
                List<Artifact> as = new ArrayList<>(c.artifacts());
                as.add(a);
                return c.withArtifacts(as);
            }
            throw new IllegalArgumentException("a process cannot hold " + element);
        });
        if (!found[0]) throw new IllegalArgumentException("no process or subprocess " + containerId);
        return r;
    }

    /** Adds a node to a lane's flowNodeRefs. */
    public static Definitions addToLane(Definitions d, String laneId, String nodeId) {
        return mapContents(d, (cid, c) -> c.laneSets().isEmpty() ? c
                : c.withLaneSets(c.laneSets().stream().map(ls -> mapLanes(ls, l -> {
                    if (!l.id().equals(laneId) || l.flowNodeRefs().contains(nodeId)) return l;
                    List<String> refs = new ArrayList<>(l.flowNodeRefs());
                    refs.add(nodeId);
                    return new Lane(l.id(), l.name(), refs, l.childLaneSet(), l.partitionElementRef(), l.documentation(), l.extensions());
                })).toList()));
    }

    private static LaneSet mapLanes(LaneSet set, java.util.function.UnaryOperator<Lane> op) {
        return new LaneSet(set.id(), set.name(), set.lanes().stream().map(l -> {
            Lane nl = op.apply(l);
            if (nl.childLaneSet() == null) return nl;
            return new Lane(nl.id(), nl.name(), nl.flowNodeRefs(), mapLanes(nl.childLaneSet(), op), nl.partitionElementRef(),
                    nl.documentation(), nl.extensions());
        }).toList(), set.extensions());
    }

    /**
     * Removes the elements with these ids from everywhere, together with what would dangle: lane references,
     * default-flow references, data associations with a removed end.
     */
    public static Definitions remove(Definitions d, Set<String> ids) {
        Definitions r = mapContents(d, (cid, c) -> {
            List<FlowElement> elements = new ArrayList<>(c.elements().size());
            boolean changed = false;
            for (FlowElement e : c.elements()) {
                if (ids.contains(e.id())) {
                    changed = true;
                    continue;
                }
                FlowElement ne = withoutDangling(e, ids);
                changed |= ne != e;
                elements.add(ne);
            }
            List<Artifact> artifacts = c.artifacts().stream().filter(a -> !ids.contains(a.id())
                    && !(a instanceof Artifact.Association as && (ids.contains(as.sourceRef()) || ids.contains(as.targetRef())))).toList();
            changed |= artifacts.size() != c.artifacts().size();
            List<LaneSet> laneSets = c.laneSets().stream().map(ls -> removeFromLanes(ls, ids)).toList();
            changed |= !laneSets.equals(c.laneSets());
            return changed ? new FlowContent(elements, artifacts, laneSets) : c;
        });
        r = mapCollaborations(r, c -> {
            List<Collaboration.Participant> ps = c.participants().stream().filter(p -> !ids.contains(p.id())).toList();
            List<Collaboration.MessageFlow> ms = c.messageFlows().stream().filter(m -> !ids.contains(m.id())
                    && !ids.contains(m.sourceRef()) && !ids.contains(m.targetRef())).toList();
            List<Artifact> as = c.artifacts().stream().filter(a -> !ids.contains(a.id())
                    && !(a instanceof Artifact.Association x && (ids.contains(x.sourceRef()) || ids.contains(x.targetRef())))).toList();
            if (ps.size() == c.participants().size() && ms.size() == c.messageFlows().size() && as.size() == c.artifacts().size()) return c;
            return collaboration(c, ps, ms, as);
        });
        return r;
    }

    private static LaneSet removeFromLanes(LaneSet set, Set<String> ids) {
        List<Lane> lanes = new ArrayList<>();
        for (Lane l : set.lanes()) {
            if (ids.contains(l.id())) continue;
            List<String> refs = l.flowNodeRefs().stream().filter(x -> !ids.contains(x)).toList();
            LaneSet child = l.childLaneSet() == null ? null : removeFromLanes(l.childLaneSet(), ids);
            lanes.add(new Lane(l.id(), l.name(), refs, child, l.partitionElementRef(), l.documentation(), l.extensions()));
        }
        return new LaneSet(set.id(), set.name(), lanes, set.extensions());
    }

    private static FlowElement withoutDangling(FlowElement e, Set<String> ids) {
        if (e instanceof Gateway g && g.defaultFlow() != null && ids.contains(g.defaultFlow())) return g.withDefaultFlow(null);
        if (e instanceof Event ev) {
            List<DataAssociation> in = keep(ev.dataInputAssociations(), ids);
            List<DataAssociation> out = keep(ev.dataOutputAssociations(), ids);
            if (in.size() == ev.dataInputAssociations().size() && out.size() == ev.dataOutputAssociations().size()) return e;
            return new Event(ev.id(), ev.name(), ev.kind(), ev.eventDefinitions(), ev.interrupting(), ev.attachedToRef(),
                    ev.parallelMultiple(), in, out, ev.implementation(), ev.io(), ev.documentation(), ev.extensions());
        }
        if (e instanceof Activity a) {
            ActivitySettings s = a.activity();
            List<DataAssociation> in = keep(s.dataInputAssociations(), ids);
            List<DataAssociation> out = keep(s.dataOutputAssociations(), ids);
            String def = s.defaultFlow() != null && ids.contains(s.defaultFlow()) ? null : s.defaultFlow();
            if (in.size() == s.dataInputAssociations().size() && out.size() == s.dataOutputAssociations().size()
                    && java.util.Objects.equals(def, s.defaultFlow())) return e;
            ActivitySettings ns = new ActivitySettings(s.forCompensation(), def, s.loop(), s.asyncBefore(), s.asyncAfter(),
                    s.retries(), s.io(), in, out, s.startQuantity(), s.completionQuantity());
            return Elements.withActivity(a, ns);
        }
        return e;
    }

    private static List<DataAssociation> keep(List<DataAssociation> list, Set<String> ids) {
        if (list.isEmpty()) return list;
        return list.stream().filter(da -> !ids.contains(da.id()) && !ids.contains(da.targetRef())
                && da.sourceRefs().stream().noneMatch(ids::contains)).toList();
    }

    /** Takes flow elements or artifacts out of their container without touching anything that refers to them. */
    public static Definitions detach(Definitions d, Set<String> ids) {
        Definitions r = mapContents(d, (cid, c) -> {
            boolean hit = c.elements().stream().anyMatch(e -> ids.contains(e.id())) || c.artifacts().stream().anyMatch(a -> ids.contains(a.id()));
            if (!hit) return c;
            return new FlowContent(c.elements().stream().filter(e -> !ids.contains(e.id())).toList(),
                    c.artifacts().stream().filter(a -> !ids.contains(a.id())).toList(), c.laneSets());
        });
        return mapCollaborations(r, c -> c.artifacts().stream().noneMatch(a -> ids.contains(a.id())) ? c
                : collaboration(c, c.participants(), c.messageFlows(), c.artifacts().stream().filter(a -> !ids.contains(a.id())).toList()));
    }

    /** Removes a node from every lane's flowNodeRefs. */
    public static Definitions removeFromLanes(Definitions d, String nodeId) {
        return mapContents(d, (cid, c) -> c.laneSets().isEmpty() ? c
                : c.withLaneSets(c.laneSets().stream().map(ls -> mapLanes(ls, l -> !l.flowNodeRefs().contains(nodeId) ? l
                        : new Lane(l.id(), l.name(), l.flowNodeRefs().stream().filter(x -> !x.equals(nodeId)).toList(), l.childLaneSet(),
                        l.partitionElementRef(), l.documentation(), l.extensions()))).toList()));
    }

    /** True when the element is a task, subprocess or call activity. */
    public static boolean isActivity(Object o) {
        return o instanceof Task || o instanceof SubProcess || o instanceof CallActivity;
    }
}
