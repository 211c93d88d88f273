package dev.baton.engine.runtime;

import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;
import dev.baton.model.GlobalElement;
import dev.baton.model.SubProcess;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An escalation thrown inside an instance goes outwards scope by scope, like an error: an escalation event
 * subprocess of the scope first, then an escalation boundary event on the scope's activity. Unlike an error, a
 * non-interrupting catcher lets the scope (and the thrower) go on, and an escalation nobody catches changes nothing.
 */
public final class Escalations {
    private Escalations() {}

    static String code(Step step, String escalationRef) {
        if (escalationRef == null) return null;
        return step.model.definitions().globals(GlobalElement.Escalation.class).stream().filter(e -> escalationRef.equals(e.id()))
                .map(e -> e.escalationCode() == null || e.escalationCode().isBlank() ? e.id() : e.escalationCode())
                .findFirst().orElse(escalationRef);
    }

    /** Throws the escalation from the token; true when something caught it. */
    public static boolean raise(Step step, Token thrower, String escalationRef) {
        return raiseCode(step, thrower, code(step, escalationRef));
    }

    /**
     * An escalation the process called by the token's call activity did not catch: a boundary event on the call
     * activity comes first, then the scopes around it. True when something caught it.
     */
    public static boolean raiseFromCall(Step step, Token call, String code) {
        Optional<Event> b = match(step, step.model.boundaryEvents(call.elementId), code);
        if (b.isPresent()) {
            catchOnBoundary(step, call, b.get(), code);
            return true;
        }
        return raiseCode(step, call, code);
    }

    private static boolean raiseCode(Step step, Token thrower, String code) {
        Token scope = thrower.parentId == null ? null : step.state.token(thrower.parentId).orElse(null);
        while (true) {
            String scopeElement = scope == null ? null : scope.elementId;
            Optional<Event> start = eventSubProcessStart(step, scopeElement, code);
            if (start.isPresent()) {
                BpmnErrors.startEventSubProcess(step, scope, start.get(), Map.of(), variables(start.get(), code));
                return true;
            }
            if (scope == null) return CallActivities.propagateEscalation(step, code);
            Optional<Event> b = match(step, step.model.boundaryEvents(scope.elementId), code);
            if (b.isPresent()) {
                catchOnBoundary(step, scope, b.get(), code);
                return true;
            }
            scope = scope.parentId == null ? null : step.state.token(scope.parentId).orElse(null);
        }
    }

    private static void catchOnBoundary(Step step, Token host, Event boundary, String code) {
        Token token = step.state.newToken(boundary.id(), host.parentId);
        if (boundary.interrupting()) step.cancel(host);
        token.enteredAt = step.now;
        token.activation = step.state.nextActivation();
        step.history("ELEMENT_ENTERED", boundary.id(), token.id, null, Step.map("attachedTo", host.elementId, "escalationCode", code));
        step.setVariables(token, variables(boundary, code));
        step.leave(token);
    }

    private static Optional<Event> match(Step step, Iterable<? extends FlowNode> candidates, String code) {
        Event any = null;
        for (FlowNode n : candidates) {
            if (!(n instanceof Event e) || !(e.definition() instanceof EventDefinition.Escalation d)) continue;
            String c = code(step, d.escalationRef());
            if (c == null) any = any == null ? e : any;
            else if (c.equals(code)) return Optional.of(e);
        }
        return Optional.ofNullable(any);
    }

    private static Optional<Event> eventSubProcessStart(Step step, String scopeElement, String code) {
        for (FlowNode n : step.model.nodes()) {
            if (!(n instanceof SubProcess sp) || sp.kind() != ElementKind.EVENT_SUB_PROCESS
                    || !Objects.equals(step.model.scopeOf(sp.id()), scopeElement)) continue;
            Optional<Event> s = match(step, sp.content().nodes().stream()
                    .filter(x -> x instanceof Event e && e.kind() == ElementKind.START_EVENT).toList(), code);
            if (s.isPresent()) return s;
        }
        return Optional.empty();
    }

    private static Map<String, Object> variables(Event catcher, String code) {
        Map<String, Object> vars = new LinkedHashMap<>();
        if (catcher.definition() instanceof EventDefinition.Escalation e && e.escalationCodeVariable() != null
                && !e.escalationCodeVariable().isBlank()) vars.put(e.escalationCodeVariable(), code);
        return vars;
    }
}
