package dev.baton.engine.behavior;

import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;

import java.util.List;

/** A start event: the instance (or subprocess) begins here; what started it already happened. */
final class StartEventBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        step.leave(token);
    }

    @Override
    public List<String> check(FlowNode node, ProcessModel model) {
        EventDefinition d = ((Event) node).definition();
        if (d == null || d instanceof EventDefinition.Message) return List.of();
        if ((d instanceof EventDefinition.Timer || d instanceof EventDefinition.Signal || d instanceof EventDefinition.Conditional)
                && model.scopeOf(node.id()) == null) return List.of();
        if (EventSubProcessBehavior.startsEventSubProcess(node, model)) return List.of();
        return List.of("start event " + model.describe(node.id()) + " with a " + d.xmlName() + " is not run by the engine yet");
    }
}
