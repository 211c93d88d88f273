package dev.baton.engine.runtime;

import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;
import dev.baton.model.SubProcess;

import java.util.Objects;

/**
 * Event subprocesses started by a message, timer or signal: while their scope runs, a listener token waits at each
 * such start event. It does not keep the scope alive; when it fires, the event subprocess starts (an interrupting
 * one first cancels the rest of the scope; a non-interrupting one keeps listening).
 */
final class EventSubProcesses {
    private EventSubProcesses() {}

    /** The scope (a subprocess token, or null for the process) began: its event subprocesses start listening. */
    static void listen(Step step, String scopeId) {
        String scopeElement = scopeId == null ? null : step.state.token(scopeId).map(t -> t.elementId).orElse(null);
        if (scopeId != null && scopeElement == null) return;
        for (FlowNode n : step.model.nodes()) {
            if (!(n instanceof SubProcess sp) || sp.kind() != ElementKind.EVENT_SUB_PROCESS
                    || !Objects.equals(step.model.scopeOf(sp.id()), scopeElement)) continue;
            for (FlowNode inner : sp.content().nodes()) {
                if (!(inner instanceof Event start) || start.kind() != ElementKind.START_EVENT || !listens(start)) continue;
                Token listener = step.state.newToken(start.id(), scopeId);
                listener.listener = true;
                listener.enteredAt = step.now;
                listener.state = Token.State.WAITING;
                step.subscribe(listener, start, start.definition());
            }
        }
    }

    static boolean listens(Event start) {
        EventDefinition d = start.definition();
        return d instanceof EventDefinition.Message || d instanceof EventDefinition.Timer || d instanceof EventDefinition.Signal
                || d instanceof EventDefinition.Conditional;
    }

    /** What the listener waited for happened. */
    static void fire(Step step, Token listener, Trigger trigger) {
        Event start = (Event) step.model.node(listener.elementId);
        Token scope = listener.parentId == null ? null : step.state.token(listener.parentId).orElse(null);
        if (start.interrupting()) {
            step.clearWaits(listener);
            step.state.tokens.remove(listener);
        } else {
            listener.state = Token.State.WAITING;
            if (trigger.data().get("timer") instanceof java.util.Map<?, ?> fired && fired.get("dueAt") instanceof Number due) {
                Object interval = fired.get("intervalMs");
                TimerSchedule next = new TimerSchedule(due.longValue(), ((Number) fired.get("repeats")).intValue(),
                        interval == null ? null : java.time.Duration.ofMillis(((Number) interval).longValue())).next();
                if (next != null) step.addJob(listener, Rows.JobKind.TIMER, start.id(), next.dueAt(), 1, step.timerPayload(next));
            } else if (!(start.definition() instanceof EventDefinition.Timer) && !(start.definition() instanceof EventDefinition.Conditional)) {
                // a conditional start keeps watching: it fires again on the next change that makes its condition hold
                step.subscribe(listener, start, start.definition());
            }
        }
        BpmnErrors.startEventSubProcess(step, scope, start, java.util.Map.of(), trigger.variables());
    }
}
