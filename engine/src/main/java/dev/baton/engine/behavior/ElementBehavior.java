package dev.baton.engine.behavior;

import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.engine.runtime.Trigger;
import dev.baton.model.FlowNode;

import java.util.List;

/**
 * What one kind of BPMN element does with a token. The agenda calls enter when a token arrives, trigger when
 * something the token waits for happens, and leave when the element is done. Failures become incidents through
 * {@link Step#incident}, never exceptions.
 */
public interface ElementBehavior {

    void enter(Step step, Token token, FlowNode node);

    default void trigger(Step step, Token token, FlowNode node, Trigger trigger) {
        step.incident(token, "INTERNAL", step.model.describe(node.id()) + " was triggered but does not wait for anything");
    }

    /** Chooses the outgoing flows; by default those whose condition holds, else the default flow. */
    default void leave(Step step, Token token, FlowNode node) {
        step.takeOutgoing(token, node, null);
    }

    /** What keeps this element from running, checked at deployment; empty when it can run. */
    default List<String> check(FlowNode node, ProcessModel model) { return List.of(); }
}
