package dev.baton.engine.behavior;

import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;

import java.util.List;

/**
 * A timer or message boundary event. The agenda subscribes it when its activity is entered and fires it on the
 * activity's token; after that its token leaves along its outgoing flows.
 */
final class BoundaryEventBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        step.leave(token);
    }

    @Override
    public List<String> check(FlowNode node, ProcessModel model) {
        EventDefinition d = ((Event) node).definition();
        if (d instanceof EventDefinition.Timer || d instanceof EventDefinition.Message || d instanceof EventDefinition.Error
                || d instanceof EventDefinition.Compensate || d instanceof EventDefinition.Signal
                || d instanceof EventDefinition.Escalation || d instanceof EventDefinition.Conditional) return List.of();
        if (d instanceof EventDefinition.Cancel) {
            return model.findNode(((Event) node).attachedToRef()).filter(a -> a.kind() == dev.baton.model.ElementKind.TRANSACTION).isPresent()
                    ? List.of() : List.of("cancel boundary event " + model.describe(node.id()) + " must be attached to a transaction subprocess");
        }
        return List.of("boundary event " + model.describe(node.id()) + " with "
                + (d == null ? "no event definition" : "a " + d.xmlName()) + " is not run by the engine yet");
    }
}
