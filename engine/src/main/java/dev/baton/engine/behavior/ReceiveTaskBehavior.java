package dev.baton.engine.behavior;

import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.engine.runtime.Trigger;
import dev.baton.model.Activity;
import dev.baton.model.FlowNode;
import dev.baton.model.Task;

import java.util.List;

/** A receive task waits for its message; the message's variables enter the instance. */
final class ReceiveTaskBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        step.addSubscription(token, node.id(), ((Task) node).messageRef());
        step.waitHere(token);
    }

    @Override
    public void trigger(Step step, Token token, FlowNode node, Trigger trigger) {
        step.setVariables(token, trigger.variables());
        step.leave(token);
    }

    @Override
    public void leave(Step step, Token token, FlowNode node) {
        step.takeOutgoing(token, node, ((Activity) node).activity().defaultFlow());
    }

    @Override
    public List<String> check(FlowNode node, ProcessModel model) {
        return ((Task) node).messageRef() == null
                ? List.of("receive task " + model.describe(node.id()) + " names no message to wait for") : List.of();
    }
}
