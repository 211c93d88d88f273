package dev.baton.engine.runtime;

import dev.baton.model.Activity;
import dev.baton.model.Artifact;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowContent;
import dev.baton.model.FlowElement;
import dev.baton.model.FlowNode;
import dev.baton.model.SubProcess;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compensation (the saga's undo): an activity with a compensation boundary event is remembered when it completes;
 * a compensation throw or end event runs the handlers of its scope's completed activities, last completed first,
 * one after another, each once. The throwing token waits as the handlers' scope and goes on when the last ends.
 * A multi-instance activity is compensated once its body has ended: its handler runs once per completed instance.
 */
public final class Compensation {
    private Compensation() {}

    /** A completed activity whose compensation handler may still run; scopeId is its enclosing subprocess token. */
    public static final class Completed {
        public String elementId;
        public String scopeId;
        /** For a subprocess with a compensation event subprocess: the scope its own completed activities were kept under. */
        public String innerScope;

        public Completed() {}

        Completed(String elementId, String scopeId) {
            this.elementId = elementId;
            this.scopeId = scopeId;
        }
    }

    /** Called when an activity completes: remember it when it can be compensated; a subprocess hands its own up. */
    static void completed(Step step, Token token, FlowNode node) {
        if (!(node instanceof Activity)) return;
        if (MultiInstance.of(node) != null && !MultiInstance.isInner(step, token)) {
            // a multi-instance body: each completed instance was remembered (Camunda 7 subscribes once per instance);
            // now that the body has ended, they can be compensated from its scope
            for (Completed c : step.state.compensable) if (token.id.equals(c.scopeId)) c.scopeId = token.parentId;
            return;
        }
        if (node instanceof SubProcess sp) {
            Optional<Event> start = compensationStart(sp);
            if (start.isPresent()) {
                // its compensation event subprocess undoes it; what completed inside waits for that event subprocess
                String inner = "compensation:" + token.id + ":" + token.activation;
                for (Completed c : step.state.compensable) if (token.id.equals(c.scopeId)) c.scopeId = inner;
                Completed me = new Completed(node.id(), token.parentId);
                me.innerScope = inner;
                step.state.compensable.add(me);
                return;
            }
            // what completed inside the subprocess can be compensated from the enclosing scope afterwards
            for (Completed c : step.state.compensable) if (token.id.equals(c.scopeId)) c.scopeId = token.parentId;
        }
        if (handler(step, node.id()).isPresent()) step.state.compensable.add(new Completed(node.id(), token.parentId));
    }

    /** The compensation handler of an activity: the activity its compensation boundary event is associated with. */
    static Optional<String> handler(Step step, String activityId) {
        for (Event b : step.model.boundaryEvents(activityId)) {
            if (!(b.definition() instanceof EventDefinition.Compensate)) continue;
            for (Artifact.Association a : associations(step.model.process().content())) {
                if (b.id().equals(a.sourceRef())) return Optional.of(a.targetRef());
                if (b.id().equals(a.targetRef())) return Optional.of(a.sourceRef());
            }
        }
        return Optional.empty();
    }

    private static List<Artifact.Association> associations(FlowContent content) {
        List<Artifact.Association> out = new ArrayList<>();
        for (Artifact a : content.artifacts()) if (a instanceof Artifact.Association as) out.add(as);
        for (FlowElement e : content.elements()) if (e instanceof SubProcess sp) out.addAll(associations(sp.content()));
        return out;
    }

    /**
     * Starts compensating the thrower's scope (all activities, or only activityRef). Returns false when nothing is
     * to be compensated, so the event goes on at once.
     */
    public static boolean start(Step step, Token thrower, String activityRef) {
        List<String> handlers = new ArrayList<>();
        List<Completed> all = step.state.compensable;
        for (int i = all.size() - 1; i >= 0; i--) {
            Completed c = all.get(i);
            if (!Objects.equals(c.scopeId, thrower.parentId) || activityRef != null && !activityRef.equals(c.elementId)) continue;
            if (c.innerScope != null) {
                // a compensation event subprocess: its start event and the scope its subprocess's activities wait in
                compensationStart((SubProcess) step.model.node(c.elementId)).ifPresent(s -> handlers.add(s.id() + " " + c.innerScope));
            } else {
                handler(step, c.elementId).ifPresent(handlers::add);
            }
            all.remove(i);
        }
        if (handlers.isEmpty()) return false;
        step.waitHere(thrower);
        step.state.compensating.put(thrower.id, handlers);
        next(step, thrower);
        return true;
    }

    /** Runs the thrower's next handler; false when none is left (the queue is dropped). */
    static boolean next(Step step, Token thrower) {
        List<String> queue = step.state.compensating.get(thrower.id);
        if (queue == null) return false;
        if (queue.isEmpty()) {
            step.state.compensating.remove(thrower.id);
            return false;
        }
        String handler = queue.remove(0);
        if (handler.contains(" ")) {
            startEventSubProcess(step, thrower, handler.substring(0, handler.indexOf(' ')), handler.substring(handler.indexOf(' ') + 1));
            return true;
        }
        Token t = step.state.newToken(handler, thrower.id);
        step.enter(t, handler, null);
        return true;
    }

    /**
     * Runs a completed subprocess's compensation event subprocess as the thrower's handler; a compensation throw inside
     * it compensates the activities that completed in that subprocess.
     */
    private static void startEventSubProcess(Step step, Token thrower, String startId, String innerScope) {
        String espId = step.model.scopeOf(startId);
        Token esp = step.state.newToken(espId, thrower.id);
        esp.enteredAt = step.now;
        esp.activation = step.state.nextActivation();
        esp.state = Token.State.WAITING;
        step.history("ELEMENT_ENTERED", espId, esp.id, null, null);
        for (Completed c : step.state.compensable) if (innerScope.equals(c.scopeId)) c.scopeId = esp.id;
        Token start = step.state.newToken(startId, esp.id);
        start.enteredAt = step.now;
        start.activation = step.state.nextActivation();
        step.history("ELEMENT_ENTERED", startId, start.id, null, null);
        step.leave(start);
    }

    /** The compensation start event of an event subprocess directly inside the subprocess. */
    public static Optional<Event> compensationStart(SubProcess sp) {
        for (FlowNode n : sp.content().nodes()) {
            if (!(n instanceof SubProcess esp) || esp.kind() != ElementKind.EVENT_SUB_PROCESS) continue;
            for (FlowNode inner : esp.content().nodes()) {
                if (inner instanceof Event e && e.kind() == ElementKind.START_EVENT && e.definition() instanceof EventDefinition.Compensate) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a node is a compensation handler: it runs only when compensation calls it. */
    public static boolean isHandler(FlowNode node) {
        return node instanceof Activity a && a.activity().forCompensation();
    }

    /** Whether the event throws compensation. */
    public static boolean throwsCompensation(FlowNode node) {
        return node instanceof Event e && (e.kind() == ElementKind.INTERMEDIATE_THROW_EVENT || e.kind() == ElementKind.END_EVENT)
                && e.definition() instanceof EventDefinition.Compensate;
    }
}
