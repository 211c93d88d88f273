package dev.baton.designer.model;

import dev.baton.model.Activity;
import dev.baton.model.ActivitySettings;
import dev.baton.model.Artifact;
import dev.baton.model.CallActivity;
import dev.baton.model.Collaboration;
import dev.baton.model.DataObject;
import dev.baton.model.DataObjectReference;
import dev.baton.model.DataStoreReference;
import dev.baton.model.Documentation;
import dev.baton.model.Event;
import dev.baton.model.FlowElement;
import dev.baton.model.Gateway;
import dev.baton.model.Lane;
import dev.baton.model.Process;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;
import dev.baton.model.Task;

import java.util.List;

/** Uniform reads and copies over the model's element records, which share no common "with" methods. */
public final class Elements {

    private Elements() {}

    /** The element's display name (a text annotation's text), or null. */
    public static String name(Object e) {
        if (e instanceof FlowElement f) return f.name();
        if (e instanceof Artifact.TextAnnotation t) return t.text();
        if (e instanceof Collaboration.Participant p) return p.name();
        if (e instanceof Collaboration.MessageFlow m) return m.name();
        if (e instanceof Lane l) return l.name();
        if (e instanceof Process p) return p.name();
        return null;
    }

    public static String id(Object e) {
        if (e instanceof FlowElement f) return f.id();
        if (e instanceof Artifact a) return a.id();
        if (e instanceof Collaboration.Participant p) return p.id();
        if (e instanceof Collaboration.MessageFlow m) return m.id();
        if (e instanceof Lane l) return l.id();
        if (e instanceof dev.baton.model.RootElement r) return r.id();
        if (e instanceof DiagramIndex.OwnedDataAssociation da) return da.association().id();
        return null;
    }

    public static List<Documentation> documentation(Object e) {
        if (e instanceof FlowElement f) return f.documentation();
        if (e instanceof Artifact a) return a.documentation();
        if (e instanceof Collaboration.Participant p) return p.documentation();
        if (e instanceof Collaboration.MessageFlow m) return m.documentation();
        if (e instanceof Lane l) return l.documentation();
        if (e instanceof Process p) return p.documentation();
        return List.of();
    }

    /** Whether the element has a name the user can edit. */
    public static boolean isNamed(Object e) {
        return e instanceof FlowElement || e instanceof Artifact.TextAnnotation || e instanceof Collaboration.Participant
                || e instanceof Collaboration.MessageFlow || e instanceof Lane || e instanceof Process;
    }

    public static Object withName(Object e, String n) {
        if (e instanceof Task t) return t.withName(n);
        if (e instanceof Event ev) return ev.withName(n);
        if (e instanceof Gateway g) return g.withName(n);
        if (e instanceof SubProcess s) return s.withName(n);
        if (e instanceof CallActivity c) return c.withName(n);
        if (e instanceof SequenceFlow f)
            return new SequenceFlow(f.id(), n, f.sourceRef(), f.targetRef(), f.condition(), f.immediate(), f.documentation(), f.extensions());
        if (e instanceof DataObjectReference r)
            return new DataObjectReference(r.id(), n, r.dataObjectRef(), r.itemSubjectRef(), r.documentation(), r.extensions());
        if (e instanceof DataStoreReference r)
            return new DataStoreReference(r.id(), n, r.dataStoreRef(), r.itemSubjectRef(), r.documentation(), r.extensions());
        if (e instanceof DataObject o)
            return new DataObject(o.id(), n, o.collection(), o.itemSubjectRef(), o.documentation(), o.extensions());
        if (e instanceof Artifact.TextAnnotation t)
            return new Artifact.TextAnnotation(t.id(), n, t.textFormat(), t.documentation(), t.extensions());
        if (e instanceof Collaboration.Participant p)
            return new Collaboration.Participant(p.id(), n, p.processRef(), p.documentation(), p.extensions());
        if (e instanceof Collaboration.MessageFlow m)
            return new Collaboration.MessageFlow(m.id(), n, m.sourceRef(), m.targetRef(), m.messageRef(), m.documentation(), m.extensions());
        if (e instanceof Lane l)
            return new Lane(l.id(), n, l.flowNodeRefs(), l.childLaneSet(), l.partitionElementRef(), l.documentation(), l.extensions());
        if (e instanceof Process p) return p.withName(n);
        throw new IllegalArgumentException("element " + id(e) + " has no name");
    }

    public static Object withDocumentation(Object e, List<Documentation> docs) {
        if (e instanceof Task t) return new Task(t.id(), t.name(), t.kind(), t.activity(), t.implementation(), t.messageRef(),
                t.script(), t.user(), t.instantiate(), docs, t.extensions());
        if (e instanceof Event v) return new Event(v.id(), v.name(), v.kind(), v.eventDefinitions(), v.interrupting(),
                v.attachedToRef(), v.parallelMultiple(), v.dataInputAssociations(), v.dataOutputAssociations(),
                v.implementation(), v.io(), docs, v.extensions());
        if (e instanceof Gateway g) return new Gateway(g.id(), g.name(), g.kind(), g.defaultFlow(), g.direction(), g.instantiate(),
                g.eventGatewayType(), g.activationCondition(), docs, g.extensions());
        if (e instanceof SubProcess s) return new SubProcess(s.id(), s.name(), s.kind(), s.content(), s.activity(), s.adHoc(),
                s.transactionMethod(), docs, s.extensions());
        if (e instanceof CallActivity c) return new CallActivity(c.id(), c.name(), c.calledElement(), c.call(), c.activity(), docs,
                c.extensions());
        if (e instanceof SequenceFlow f) return new SequenceFlow(f.id(), f.name(), f.sourceRef(), f.targetRef(), f.condition(),
                f.immediate(), docs, f.extensions());
        if (e instanceof DataObjectReference r) return new DataObjectReference(r.id(), r.name(), r.dataObjectRef(), r.itemSubjectRef(),
                docs, r.extensions());
        if (e instanceof DataStoreReference r) return new DataStoreReference(r.id(), r.name(), r.dataStoreRef(), r.itemSubjectRef(),
                docs, r.extensions());
        if (e instanceof Artifact.TextAnnotation t) return new Artifact.TextAnnotation(t.id(), t.text(), t.textFormat(), docs, t.extensions());
        if (e instanceof Collaboration.Participant p) return new Collaboration.Participant(p.id(), p.name(), p.processRef(), docs, p.extensions());
        if (e instanceof Collaboration.MessageFlow m) return new Collaboration.MessageFlow(m.id(), m.name(), m.sourceRef(), m.targetRef(),
                m.messageRef(), docs, m.extensions());
        if (e instanceof Lane l) return new Lane(l.id(), l.name(), l.flowNodeRefs(), l.childLaneSet(), l.partitionElementRef(), docs,
                l.extensions());
        throw new IllegalArgumentException("element " + id(e) + " has no documentation");
    }

    public static Activity withActivity(Activity a, ActivitySettings s) {
        if (a instanceof Task t) return t.withActivity(s);
        if (a instanceof SubProcess sp) return new SubProcess(sp.id(), sp.name(), sp.kind(), sp.content(), s, sp.adHoc(),
                sp.transactionMethod(), sp.documentation(), sp.extensions());
        if (a instanceof CallActivity c) return new CallActivity(c.id(), c.name(), c.calledElement(), c.call(), s, c.documentation(),
                c.extensions());
        throw new IllegalArgumentException("unknown activity " + a);
    }

    /** The same element under a new id (copy and paste); references to other elements are the caller's concern. */
    public static Object withId(Object e, String n) {
        if (e instanceof Task t) return t.withId(n);
        if (e instanceof Event v) return v.withId(n);
        if (e instanceof Gateway g) return new Gateway(n, g.name(), g.kind(), g.defaultFlow(), g.direction(), g.instantiate(),
                g.eventGatewayType(), g.activationCondition(), g.documentation(), g.extensions());
        if (e instanceof SubProcess s) return new SubProcess(n, s.name(), s.kind(), s.content(), s.activity(), s.adHoc(),
                s.transactionMethod(), s.documentation(), s.extensions());
        if (e instanceof CallActivity c) return new CallActivity(n, c.name(), c.calledElement(), c.call(), c.activity(),
                c.documentation(), c.extensions());
        if (e instanceof SequenceFlow f) return new SequenceFlow(n, f.name(), f.sourceRef(), f.targetRef(), f.condition(),
                f.immediate(), f.documentation(), f.extensions());
        if (e instanceof DataObjectReference r) return new DataObjectReference(n, r.name(), r.dataObjectRef(), r.itemSubjectRef(),
                r.documentation(), r.extensions());
        if (e instanceof DataStoreReference r) return new DataStoreReference(n, r.name(), r.dataStoreRef(), r.itemSubjectRef(),
                r.documentation(), r.extensions());
        if (e instanceof Artifact.TextAnnotation t) return new Artifact.TextAnnotation(n, t.text(), t.textFormat(), t.documentation(),
                t.extensions());
        if (e instanceof Artifact.Group g) return new Artifact.Group(n, g.categoryValueRef(), g.documentation(), g.extensions());
        if (e instanceof Artifact.Association a) return new Artifact.Association(n, a.sourceRef(), a.targetRef(), a.direction(),
                a.documentation(), a.extensions());
        throw new IllegalArgumentException("cannot copy " + id(e));
    }
}
