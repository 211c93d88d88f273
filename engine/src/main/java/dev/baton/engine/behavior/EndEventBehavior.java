package dev.baton.engine.behavior;

import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.runtime.BpmnErrors;
import dev.baton.engine.runtime.Compensation;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;

import java.util.List;

/** A none end event ends its token; a terminate end event ends every token of its scope; an error end event throws. */
final class EndEventBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        EventDefinition d = ((Event) node).definition();
        // a compensation end event waits for its handlers; the agenda leaves it (and so ends it) after the last
        if (d instanceof EventDefinition.Compensate c && Compensation.start(step, token, c.activityRef())) return;
        if (d instanceof EventDefinition.Escalation esc) {
            step.history("ELEMENT_LEFT", node.id(), token.id, step.now - token.enteredAt, null);
            // an interrupting catcher already removed this token; otherwise it ends here
            dev.baton.engine.runtime.Escalations.raise(step, token, esc.escalationRef());
            if (step.state.tokens.contains(token)) step.end(token);
            return;
        }
        if (d instanceof EventDefinition.Signal sig) {
            SignalWork.plan(step, token, sig.signalRef());
            return;
        }
        // a message end event publishes to its broker (or sends its message); the token ends when that is done
        if (((Event) node).implementation() instanceof dev.baton.model.exec.Implementation.KafkaPublish publish) {
            PublishWork.plan(step, token, null, publish);
            return;
        }
        if (((Event) node).implementation() instanceof dev.baton.model.exec.Implementation.RabbitPublish publish) {
            PublishWork.plan(step, token, null, publish);
            return;
        }
        if (d instanceof EventDefinition.Message m) {
            MessageWork.plan(step, token, m.messageRef(), null);
            return;
        }
        if (d instanceof EventDefinition.Cancel) {
            dev.baton.engine.runtime.Transactions.cancel(step, token);
            return;
        }
        step.history("ELEMENT_LEFT", node.id(), token.id, step.now - token.enteredAt, null);
        if (d instanceof EventDefinition.Terminate) step.terminate(token);
        else if (d instanceof EventDefinition.Error e) {
            // an error nobody catches ends its token like a none end event, as in Camunda 7
            if (!BpmnErrors.raise(step, token, false, BpmnErrors.code(step, e.errorRef()), BpmnErrors.message(step, e.errorRef()))) step.end(token);
        } else step.end(token);
    }

    /** A cancel end event leaves its transaction through the cancel boundary event; others just end. */
    @Override
    public void leave(Step step, Token token, FlowNode node) {
        if (((Event) node).definition() instanceof EventDefinition.Cancel) dev.baton.engine.runtime.Transactions.left(step, token);
        else step.takeOutgoing(token, node, null);
    }

    /** The signal or message of the end event went out (the broker confirmed it): the token ends. */
    @Override
    public void trigger(Step step, Token token, FlowNode node, dev.baton.engine.runtime.Trigger trigger) {
        step.history("ELEMENT_LEFT", node.id(), token.id, step.now - token.enteredAt, null);
        step.end(token);
    }

    @Override
    public List<String> check(FlowNode node, ProcessModel model) {
        EventDefinition d = ((Event) node).definition();
        if (d == null || d instanceof EventDefinition.Terminate || d instanceof EventDefinition.Error
                || d instanceof EventDefinition.Compensate || d instanceof EventDefinition.Signal
                || d instanceof EventDefinition.Escalation || d instanceof EventDefinition.Message) return List.of();
        if (d instanceof EventDefinition.Cancel) {
            String scope = model.scopeOf(node.id());
            if (scope != null && model.node(scope).kind() == dev.baton.model.ElementKind.TRANSACTION
                    && dev.baton.engine.runtime.Transactions.cancelBoundary(model.boundaryEvents(scope)).isPresent()) return List.of();
            return List.of("cancel end event " + model.describe(node.id())
                    + " must be directly inside a transaction subprocess that has a cancel boundary event");
        }
        return List.of("end event " + model.describe(node.id()) + " with a " + d.xmlName() + " is not run by the engine yet");
    }
}
