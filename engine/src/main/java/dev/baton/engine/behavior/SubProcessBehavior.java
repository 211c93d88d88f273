package dev.baton.engine.behavior;

import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.model.Activity;
import dev.baton.model.Event;
import dev.baton.model.FlowNode;

import java.util.List;

/** An embedded subprocess: its token waits while a child token runs the inside from its start event. */
final class SubProcessBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        Event start = step.model.noneStart(node.id()).orElseThrow();
        step.waitHere(token);
        Token child = step.state.newToken(start.id(), token.id);
        step.enter(child, start.id(), null);
    }

    @Override
    public void leave(Step step, Token token, FlowNode node) {
        step.takeOutgoing(token, node, ((Activity) node).activity().defaultFlow());
    }

    @Override
    public List<String> check(FlowNode node, ProcessModel model) {
        return model.noneStart(node.id()).isPresent() ? List.of()
                : List.of("subprocess " + model.describe(node.id()) + " has no none start event to begin with");
    }
}
