package dev.baton.engine.behavior;

import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.engine.runtime.Trigger;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;

import java.util.List;

/** An intermediate timer or message catch event: the token waits for the timer or the message. */
final class CatchEventBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        Event e = (Event) node;
        if (e.definition() instanceof EventDefinition.Link) {
            step.leave(token);
            return;
        }
        if (e.definition() instanceof EventDefinition.Conditional) {
            // true on arrival: it passes at once; else it waits for a variable change that makes it true
            java.util.Optional<Boolean> holds = dev.baton.engine.runtime.Conditions.holdsOnArrival(step, token, e);
            if (holds.isEmpty()) return;
            if (holds.get()) step.leave(token);
            else step.waitHere(token);
            return;
        }
        if (!step.subscribe(token, e, e.definition())) return;
        step.waitHere(token);
    }

    @Override
    public void trigger(Step step, Token token, FlowNode node, Trigger trigger) {
        step.setVariables(token, trigger.variables());
        step.leave(token);
    }

    @Override
    public List<String> check(FlowNode node, ProcessModel model) {
        EventDefinition d = ((Event) node).definition();
        if (d instanceof EventDefinition.Timer || d instanceof EventDefinition.Message || d instanceof EventDefinition.Signal
                || d instanceof EventDefinition.Link || d instanceof EventDefinition.Conditional) return List.of();
        return List.of("intermediate catch event " + model.describe(node.id()) + " with "
                + (d == null ? "no event definition" : "a " + d.xmlName()) + " is not run by the engine yet");
    }
}
