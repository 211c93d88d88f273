package dev.baton.designer.model;

import dev.baton.model.Activity;
import dev.baton.model.Artifact;
import dev.baton.model.Collaboration;
import dev.baton.model.DataObjectReference;
import dev.baton.model.DataStoreReference;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.FlowNode;
import dev.baton.model.Gateway;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;

import java.util.Optional;

/** What may connect to what, and where things may go. Says nothing about how an edit is done (that is Modeling). */
public final class Rules {

    private Rules() {}

    public enum ConnectionKind { SEQUENCE_FLOW, MESSAGE_FLOW, ASSOCIATION, DATA_INPUT, DATA_OUTPUT }

    /** The kind of connection a user may draw from source to target, or empty when none is allowed. */
    public static Optional<ConnectionKind> connection(DiagramIndex idx, String sourceId, String targetId) {
        if (sourceId == null || targetId == null || sourceId.equals(targetId)) return Optional.empty();
        Object s = idx.element(sourceId), t = idx.element(targetId);
        if (s == null || t == null) return Optional.empty();
        if (s instanceof Artifact.TextAnnotation || t instanceof Artifact.TextAnnotation) {
            if (s instanceof Artifact.TextAnnotation && t instanceof Artifact.TextAnnotation) return Optional.empty();
            if (s instanceof Artifact.Association || t instanceof Artifact.Association) return Optional.empty();
            return Optional.of(ConnectionKind.ASSOCIATION);
        }
        boolean sData = s instanceof DataObjectReference || s instanceof DataStoreReference;
        boolean tData = t instanceof DataObjectReference || t instanceof DataStoreReference;
        if (sData && !tData) {
            return (t instanceof Activity || (t instanceof Event e && e.isThrowing())) ? Optional.of(ConnectionKind.DATA_INPUT) : Optional.empty();
        }
        if (tData && !sData) {
            return (s instanceof Activity || (s instanceof Event e && e.isCatching())) ? Optional.of(ConnectionKind.DATA_OUTPUT) : Optional.empty();
        }
        if (sData) return Optional.empty();
        if (canSequenceFlow(idx, s, t)) return Optional.of(ConnectionKind.SEQUENCE_FLOW);
        if (canMessageFlow(idx, sourceId, targetId, s, t)) return Optional.of(ConnectionKind.MESSAGE_FLOW);
        return Optional.empty();
    }

    static boolean canSequenceFlow(DiagramIndex idx, Object s, Object t) {
        if (!(s instanceof FlowNode sn) || !(t instanceof FlowNode tn)) return false;
        if (!java.util.Objects.equals(idx.container(sn.id()), idx.container(tn.id()))) return false;
        if (sn.kind() == ElementKind.END_EVENT || tn.kind() == ElementKind.START_EVENT) return false;
        if (tn.kind() == ElementKind.BOUNDARY_EVENT) return false;
        if (sn.kind() == ElementKind.EVENT_SUB_PROCESS || tn.kind() == ElementKind.EVENT_SUB_PROCESS) return false;
        if (sn instanceof Event se && se.definition() instanceof dev.baton.model.EventDefinition.Link && se.isThrowing()) return false;
        if (tn instanceof Event te && te.definition() instanceof dev.baton.model.EventDefinition.Link && te.isCatching()) return false;
        if (sn instanceof Event se && se.definition() instanceof dev.baton.model.EventDefinition.Compensate
                && se.kind() == ElementKind.BOUNDARY_EVENT) return false;
        // no second flow between the same two nodes
        for (String c : idx.connectionsOf(sn.id())) {
            if (idx.element(c) instanceof SequenceFlow f && f.sourceRef().equals(sn.id()) && f.targetRef().equals(tn.id())) return false;
        }
        return true;
    }

    static boolean canMessageFlow(DiagramIndex idx, String sourceId, String targetId, Object s, Object t) {
        String sp = idx.process(sourceId), tp = idx.process(targetId);
        String sPool = s instanceof Collaboration.Participant ? sourceId : sp == null ? null : idx.participantOf(sp);
        String tPool = t instanceof Collaboration.Participant ? targetId : tp == null ? null : idx.participantOf(tp);
        if (sPool == null || tPool == null || sPool.equals(tPool)) return false;
        return canSendMessage(s) && canReceiveMessage(t);
    }

    private static boolean canSendMessage(Object e) {
        if (e instanceof Collaboration.Participant) return true;
        if (e instanceof Event ev) return ev.isThrowing() && (ev.definition() == null || ev.definition() instanceof dev.baton.model.EventDefinition.Message);
        return e instanceof Activity && !(e instanceof SubProcess sp && sp.triggeredByEvent());
    }

    private static boolean canReceiveMessage(Object e) {
        if (e instanceof Collaboration.Participant) return true;
        if (e instanceof Event ev) return ev.isCatching() && (ev.definition() == null || ev.definition() instanceof dev.baton.model.EventDefinition.Message);
        return e instanceof Activity && !(e instanceof SubProcess sp && sp.triggeredByEvent());
    }

    /** Boundary events sit only on activities. */
    public static boolean canAttach(Object host) {
        return host instanceof Activity && !(host instanceof SubProcess sp && sp.triggeredByEvent());
    }

    /** Whether a gateway or activity may mark this outgoing flow as its default. */
    public static boolean canBeDefault(DiagramIndex idx, SequenceFlow f) {
        Object s = idx.element(f.sourceRef());
        if (s instanceof Gateway g) {
            return g.kind() == ElementKind.EXCLUSIVE_GATEWAY || g.kind() == ElementKind.INCLUSIVE_GATEWAY
                    || g.kind() == ElementKind.COMPLEX_GATEWAY;
        }
        return s instanceof Activity;
    }

    /** Whether a condition may go on this flow (not from parallel or event-based gateways, not from events). */
    public static boolean canHaveCondition(DiagramIndex idx, SequenceFlow f) {
        Object s = idx.element(f.sourceRef());
        if (s instanceof Gateway g) return g.kind() != ElementKind.PARALLEL_GATEWAY && g.kind() != ElementKind.EVENT_BASED_GATEWAY;
        return s instanceof Activity;
    }

    /** Shapes the user may resize. */
    public static boolean canResize(Object e) {
        return e instanceof Activity || e instanceof Collaboration.Participant || e instanceof dev.baton.model.Lane
                || e instanceof Artifact.TextAnnotation || e instanceof Artifact.Group;
    }
}
