package dev.baton.engine.behavior;

import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.model.Activity;
import dev.baton.model.FlowNode;

/** A manual or undefined task: nothing for the engine to do, the token passes. */
final class PassThroughTaskBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        step.leave(token);
    }

    @Override
    public void leave(Step step, Token token, FlowNode node) {
        step.takeOutgoing(token, node, ((Activity) node).activity().defaultFlow());
    }
}
