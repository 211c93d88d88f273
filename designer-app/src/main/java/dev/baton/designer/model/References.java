package dev.baton.designer.model;

import dev.baton.model.Activity;
import dev.baton.model.ActivitySettings;
import dev.baton.model.Artifact;
import dev.baton.model.Collaboration;
import dev.baton.model.DataAssociation;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowElement;
import dev.baton.model.Gateway;
import dev.baton.model.Lane;
import dev.baton.model.LaneSet;
import dev.baton.model.SequenceFlow;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Rewrites the id references one element holds to others (flow ends, hosts, default flows, lanes). */
final class References {

    private References() {}

    static FlowElement rename(FlowElement e, String oldId, String newId) {
        UnaryOperator<String> m = s -> oldId.equals(s) ? newId : s;
        Object r = e.id().equals(oldId) ? Elements.withId(e, newId) : e;
        return (FlowElement) remapWith(r, m);
    }

    static Artifact rename(Artifact a, String oldId, String newId) {
        UnaryOperator<String> m = s -> oldId.equals(s) ? newId : s;
        Object r = a.id().equals(oldId) ? Elements.withId(a, newId) : a;
        return (Artifact) remapWith(r, m);
    }

    static Collaboration.MessageFlow rename(Collaboration.MessageFlow f, String oldId, String newId) {
        UnaryOperator<String> m = s -> oldId.equals(s) ? newId : s;
        return new Collaboration.MessageFlow(f.id(), f.name(), m.apply(f.sourceRef()), m.apply(f.targetRef()), f.messageRef(),
                f.documentation(), f.extensions());
    }

    static LaneSet rename(LaneSet set, String oldId, String newId) {
        return new LaneSet(set.id(), set.name(), set.lanes().stream().map(l -> new Lane(l.id(), l.name(),
                l.flowNodeRefs().stream().map(r -> oldId.equals(r) ? newId : r).toList(),
                l.childLaneSet() == null ? null : rename(l.childLaneSet(), oldId, newId), l.partitionElementRef(),
                l.documentation(), l.extensions())).toList(), set.extensions());
    }

    /** The element with references to copied elements pointing at their copies. */
    static Object remap(Object e, Map<String, String> ids) {
        return remapWith(e, s -> s == null ? null : ids.getOrDefault(s, s));
    }

    private static Object remapWith(Object e, UnaryOperator<String> m) {
        if (e instanceof SequenceFlow f) return f.withEnds(m.apply(f.sourceRef()), m.apply(f.targetRef()));
        if (e instanceof Artifact.Association a) return new Artifact.Association(a.id(), m.apply(a.sourceRef()), m.apply(a.targetRef()),
                a.direction(), a.documentation(), a.extensions());
        if (e instanceof Gateway g) return g.withDefaultFlow(m.apply(g.defaultFlow()));
        if (e instanceof Event ev) return new Event(ev.id(), ev.name(), ev.kind(), ev.eventDefinitions(), ev.interrupting(),
                m.apply(ev.attachedToRef()), ev.parallelMultiple(), remap(ev.dataInputAssociations(), m),
                remap(ev.dataOutputAssociations(), m), ev.implementation(), ev.io(), ev.documentation(), ev.extensions());
        if (e instanceof Activity a) {
            ActivitySettings s = a.activity();
            return Elements.withActivity(a, new ActivitySettings(s.forCompensation(), m.apply(s.defaultFlow()), s.loop(), s.asyncBefore(),
                    s.asyncAfter(), s.retries(), s.io(), remap(s.dataInputAssociations(), m), remap(s.dataOutputAssociations(), m),
                    s.startQuantity(), s.completionQuantity()));
        }
        return e;
    }

    private static List<DataAssociation> remap(List<DataAssociation> list, UnaryOperator<String> m) {
        if (list.isEmpty()) return list;
        return list.stream().map(da -> new DataAssociation(da.id(), da.sourceRefs().stream().map(m).toList(), m.apply(da.targetRef()),
                da.extensions())).toList();
    }

    static ActivitySettings withoutData(ActivitySettings s) {
        return new ActivitySettings(s.forCompensation(), null, s.loop(), s.asyncBefore(), s.asyncAfter(), s.retries(), s.io(),
                List.of(), List.of(), s.startQuantity(), s.completionQuantity());
    }

    /** A pasted event needs its own event definition ids. */
    static Event withFreshDefinitions(Event ev) {
        List<EventDefinition> defs = ev.eventDefinitions().stream().map(d -> withId(d, d.id() == null ? null : "Def_" + ev.id())).toList();
        return new Event(ev.id(), ev.name(), ev.kind(), defs, ev.interrupting(), ev.attachedToRef(), ev.parallelMultiple(),
                List.of(), List.of(), ev.implementation(), ev.io(), ev.documentation(), ev.extensions());
    }

    static EventDefinition withId(EventDefinition d, String id) {
        if (d instanceof EventDefinition.Message x) return new EventDefinition.Message(id, x.messageRef(), x.operationRef(), x.extensions());
        if (d instanceof EventDefinition.Timer x) return new EventDefinition.Timer(id, x.kind(), x.value(), x.extensions());
        if (d instanceof EventDefinition.Signal x) return new EventDefinition.Signal(id, x.signalRef(), x.extensions());
        if (d instanceof EventDefinition.Error x) return new EventDefinition.Error(id, x.errorRef(), x.errorCodeVariable(),
                x.errorMessageVariable(), x.extensions());
        if (d instanceof EventDefinition.Escalation x) return new EventDefinition.Escalation(id, x.escalationRef(), x.escalationCodeVariable(), x.extensions());
        if (d instanceof EventDefinition.Compensate x) return new EventDefinition.Compensate(id, x.activityRef(), x.waitForCompletion(), x.extensions());
        if (d instanceof EventDefinition.Conditional x) return new EventDefinition.Conditional(id, x.condition(), x.variableName(),
                x.variableEvents(), x.extensions());
        if (d instanceof EventDefinition.Link x) return new EventDefinition.Link(id, x.name(), x.extensions());
        if (d instanceof EventDefinition.Cancel x) return new EventDefinition.Cancel(id, x.extensions());
        if (d instanceof EventDefinition.Terminate x) return new EventDefinition.Terminate(id, x.extensions());
        if (d instanceof EventDefinition.Reference x) return new EventDefinition.Reference(id, x.eventDefinitionRef(), x.extensions());
        return d;
    }
}
