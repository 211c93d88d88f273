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
 * A BPMN error thrown inside an instance: it goes to the nearest catcher, looking outwards scope by scope. At each
 * scope an error event subprocess inside it comes first, then an error boundary event on the scope's activity; a
 * catcher with the error's code wins over a catch-all one.
 */
public final class BpmnErrors {
    private BpmnErrors() {}

    /** The error code of an errorRef: the error's errorCode, else its id; null for no reference. */
    public static String code(Step step, String errorRef) {
        if (errorRef == null) return null;
        return step.model.definitions().globals(GlobalElement.Error.class).stream().filter(e -> errorRef.equals(e.id()))
                .map(e -> e.errorCode() == null || e.errorCode().isBlank() ? e.id() : e.errorCode()).findFirst().orElse(errorRef);
    }

    /** The error's message: camunda:errorMessage when given, else its name. */
    public static String message(Step step, String errorRef) {
        if (errorRef == null) return null;
        return step.model.definitions().globals(GlobalElement.Error.class).stream().filter(e -> errorRef.equals(e.id()))
                .map(e -> e.extensions().attributes().entrySet().stream().filter(a -> a.getKey().endsWith("}errorMessage"))
                        .map(Map.Entry::getValue).findFirst().orElse(e.name()))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * Throws the error from a token. fromActivity: the token's own activity raised it (its boundary events may catch
     * it); otherwise an error end event threw it. Returns false when nothing catches it.
     */
    public static boolean raise(Step step, Token thrower, boolean fromActivity, String code, String message) {
        if (fromActivity) {
            Optional<Event> b = boundary(step, thrower.elementId, code);
            if (b.isPresent()) {
                catchOnBoundary(step, thrower, b.get(), code, message);
                return true;
            }
        }
        if (!fromActivity) {
            // the end event is done with its token; the search goes on from its scope
            step.clearWaits(thrower);
            step.state.tokens.remove(thrower);
        }
        Token scope = thrower.parentId == null ? null : step.state.token(thrower.parentId).orElse(null);
        while (true) {
            String scopeElement = scope == null ? null : scope.elementId;
            Optional<Event> start = eventSubProcessStart(step, scopeElement, code);
            if (start.isPresent()) {
                startEventSubProcess(step, scope, start.get(), Map.of(), errorVariables(start.get(), code, message));
                return true;
            }
            if (scope == null) return CallActivities.propagateError(step, code, message);
            Optional<Event> b = boundary(step, scope.elementId, code);
            if (b.isPresent()) {
                catchOnBoundary(step, scope, b.get(), code, message);
                return true;
            }
            scope = scope.parentId == null ? null : step.state.token(scope.parentId).orElse(null);
        }
    }

    private static Optional<Event> boundary(Step step, String activityId, String code) {
        Event any = null;
        for (Event b : step.model.boundaryEvents(activityId)) {
            if (!(b.definition() instanceof EventDefinition.Error e)) continue;
            String c = code(step, e.errorRef());
            if (c == null) any = any == null ? b : any;
            else if (c.equals(code)) return Optional.of(b);
        }
        return Optional.ofNullable(any);
    }

    /** An error start event of an event subprocess directly inside the scope (null: the process). */
    private static Optional<Event> eventSubProcessStart(Step step, String scopeElement, String code) {
        Event any = null;
        for (FlowNode n : step.model.nodes()) {
            if (!(n instanceof SubProcess sp) || sp.kind() != ElementKind.EVENT_SUB_PROCESS
                    || !Objects.equals(step.model.scopeOf(sp.id()), scopeElement)) continue;
            for (FlowNode inner : sp.content().nodes()) {
                if (inner instanceof Event s && s.kind() == ElementKind.START_EVENT && s.definition() instanceof EventDefinition.Error e) {
                    String c = code(step, e.errorRef());
                    if (c == null) any = any == null ? s : any;
                    else if (c.equals(code)) return Optional.of(s);
                }
            }
        }
        return Optional.ofNullable(any);
    }

    private static Map<String, Object> errorVariables(Event catcher, String code, String message) {
        Map<String, Object> vars = new LinkedHashMap<>();
        if (catcher.definition() instanceof EventDefinition.Error e) {
            if (e.errorCodeVariable() != null && !e.errorCodeVariable().isBlank()) vars.put(e.errorCodeVariable(), code);
            if (e.errorMessageVariable() != null && !e.errorMessageVariable().isBlank()) vars.put(e.errorMessageVariable(), message);
        }
        return vars;
    }

    private static void catchOnBoundary(Step step, Token host, Event boundary, String code, String message) {
        Token token = step.state.newToken(boundary.id(), host.parentId);
        step.cancel(host);
        token.enteredAt = step.now;
        token.activation = step.state.nextActivation();
        step.history("ELEMENT_ENTERED", boundary.id(), token.id, null, Step.map("attachedTo", host.elementId, "errorCode", code));
        step.setVariables(token, errorVariables(boundary, code, message));
        step.leave(token);
    }

    /**
     * Starts an event subprocess inside the scope (null: the process) at the given start event. An interrupting one
     * first cancels every other token of the scope.
     */
    public static void startEventSubProcess(Step step, Token scope, Event start, Map<String, Object> payload, Map<String, Object> variables) {
        String scopeId = scope == null ? null : scope.id;
        String espId = step.model.scopeOf(start.id());
        if (start.interrupting()) {
            for (Token t : step.state.children(scopeId)) step.cancel(t);
        }
        Token esp = step.state.newToken(espId, scopeId);
        esp.enteredAt = step.now;
        esp.activation = step.state.nextActivation();
        esp.state = Token.State.WAITING;
        step.history("ELEMENT_ENTERED", espId, esp.id, null, payload.isEmpty() ? null : payload);
        Token child = step.state.newToken(start.id(), esp.id);
        child.enteredAt = step.now;
        child.activation = step.state.nextActivation();
        step.history("ELEMENT_ENTERED", start.id(), child.id, null, null);
        step.setVariables(child, variables);
        step.leave(child);
    }
}
