package dev.baton.engine.behavior;

import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;
import dev.baton.model.SubProcess;

import java.util.List;

/**
 * An event subprocess: no flow enters it; its start event's trigger (an error thrown in its scope) starts it
 * (see {@link dev.baton.engine.runtime.BpmnErrors}). When its last token ends it completes, and so may its scope.
 */
final class EventSubProcessBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        step.incident(token, "INTERNAL", "event subprocess " + step.model.describe(node.id()) + " cannot be entered by a flow");
    }

    @Override
    public void leave(Step step, Token token, FlowNode node) {
        step.end(token);
    }

    /** Whether the start event begins an event subprocess with a trigger the engine runs. */
    static boolean startsEventSubProcess(FlowNode node, ProcessModel model) {
        String scope = model.scopeOf(node.id());
        return scope != null && model.node(scope).kind() == ElementKind.EVENT_SUB_PROCESS
                && (((Event) node).definition() instanceof EventDefinition.Error || ((Event) node).definition() instanceof EventDefinition.Escalation
                || ((Event) node).definition() instanceof EventDefinition.Message || ((Event) node).definition() instanceof EventDefinition.Timer
                || ((Event) node).definition() instanceof EventDefinition.Signal
                || ((Event) node).definition() instanceof EventDefinition.Conditional
                || ((Event) node).definition() instanceof EventDefinition.Compensate);
    }

    @Override
    public List<String> check(FlowNode node, ProcessModel model) {
        SubProcess sp = (SubProcess) node;
        List<Event> starts = sp.content().nodes().stream().filter(n -> n instanceof Event e && e.kind() == ElementKind.START_EVENT)
                .map(Event.class::cast).toList();
        if (starts.size() != 1) return List.of("event subprocess " + model.describe(node.id()) + " needs exactly one start event");
        EventDefinition d = starts.get(0).definition();
        if (d instanceof EventDefinition.Error || d instanceof EventDefinition.Escalation || d instanceof EventDefinition.Message
                || d instanceof EventDefinition.Timer || d instanceof EventDefinition.Signal
                || d instanceof EventDefinition.Conditional) return List.of();
        if (d instanceof EventDefinition.Compensate) {
            String scope = model.scopeOf(node.id());
            return scope != null && model.node(scope) instanceof SubProcess ? List.of()
                    : List.of("compensation event subprocess " + model.describe(node.id())
                    + " must be inside a subprocess: it undoes that subprocess when it is compensated");
        }
        return List.of("event subprocess " + model.describe(node.id()) + " starts with "
                + (d == null ? "a none start event" : "a " + d.xmlName()) + ", which the engine does not run yet (error, escalation, message, timer, signal, conditional and compensation starts run)");
    }
}
