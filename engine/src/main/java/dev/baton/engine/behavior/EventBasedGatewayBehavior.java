package dev.baton.engine.behavior;

import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.engine.runtime.Trigger;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;
import dev.baton.model.SequenceFlow;
import dev.baton.model.Task;

import java.util.ArrayList;
import java.util.List;

/** Waits for whichever of the following events comes first; the others are forgotten. */
final class EventBasedGatewayBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        for (SequenceFlow f : step.model.outgoing(node.id())) {
            FlowNode target = step.model.node(f.targetRef());
            boolean ok = target instanceof Event e ? step.subscribe(token, e, e.definition())
                    : addReceive(step, token, (Task) target);
            if (!ok) return;
        }
        step.waitHere(token);
    }

    private static boolean addReceive(Step step, Token token, Task receive) {
        step.addSubscription(token, receive.id(), receive.messageRef());
        return true;
    }

    @Override
    public void trigger(Step step, Token token, FlowNode node, Trigger trigger) {
        step.clearWaits(token);
        SequenceFlow flow = step.model.outgoing(node.id()).stream().filter(f -> f.targetRef().equals(trigger.elementId()))
                .findFirst().orElseThrow();
        step.history("ELEMENT_LEFT", node.id(), token.id, step.now - token.enteredAt, null);
        step.history("FLOW_TAKEN", flow.id(), token.id, null, Step.map("source", node.id(), "target", flow.targetRef()));
        token.elementId = flow.targetRef();
        token.via = flow.id();
        token.enteredAt = step.now;
        token.activation = step.state.nextActivation();
        step.history("ELEMENT_ENTERED", flow.targetRef(), token.id, null, Step.map("via", flow.id()));
        step.setVariables(token, trigger.variables());
        step.leave(token);
    }

    @Override
    public List<String> check(FlowNode node, ProcessModel model) {
        List<String> problems = new ArrayList<>();
        for (SequenceFlow f : model.outgoing(node.id())) {
            FlowNode t = model.findNode(f.targetRef()).orElse(null);
            boolean ok = t instanceof Event e && e.kind() == ElementKind.INTERMEDIATE_CATCH_EVENT
                    && (e.definition() instanceof EventDefinition.Timer || e.definition() instanceof EventDefinition.Message
                    || e.definition() instanceof EventDefinition.Conditional || e.definition() instanceof EventDefinition.Signal)
                    || t instanceof Task task && task.kind() == ElementKind.RECEIVE_TASK;
            if (!ok) problems.add("event-based gateway " + model.describe(node.id()) + " leads to " + f.targetRef()
                    + ", which is not a timer, message, signal or conditional catch event or a receive task");
        }
        return problems;
    }
}
