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
 */
public final class Compensation {
    private Compensation() {}

    /** A completed activity whose compensation handler may still run; scopeId is its enclosing subprocess token. */
    public static final class Completed {
        public String elementId;
        public String scopeId;

        public Completed() {}

        Completed(String elementId, String scopeId) {
            this.elementId = elementId;
            this.scopeId = scopeId;
        }
    }

    /** Called when an activity completes: remember it when it can be compensated; a subprocess hands its own up. */
    static void completed(Step step, Token token, FlowNode node) {
        if (!(node instanceof Activity)) return;
        if (node instanceof SubProcess) {
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
            handler(step, c.elementId).ifPresent(handlers::add);
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
        Token t = step.state.newToken(handler, thrower.id);
        step.enter(t, handler, null);
        return true;
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
