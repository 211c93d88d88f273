package dev.baton.engine.behavior;

import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.runtime.Compensation;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.engine.runtime.Trigger;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;

import java.util.List;

/** A none throw event passes; a message throw event sends its message like a send task. */
final class ThrowEventBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        if (((Event) node).implementation() instanceof dev.baton.model.exec.Implementation.KafkaPublish publish) {
            PublishWork.plan(step, token, null, publish);
            return;
        }
        if (((Event) node).implementation() instanceof dev.baton.model.exec.Implementation.RabbitPublish publish) {
            PublishWork.plan(step, token, null, publish);
            return;
        }
        EventDefinition d = ((Event) node).definition();
        if (d instanceof EventDefinition.Message m) MessageWork.plan(step, token, m.messageRef(), null);
        else if (d instanceof EventDefinition.Signal sig) SignalWork.plan(step, token, sig.signalRef());
        else if (d instanceof EventDefinition.Link link) {
            // a link is a sequence flow drawn as two events: the token goes on at the catching link of that name
            step.history("ELEMENT_LEFT", node.id(), token.id, step.now - token.enteredAt, null);
            step.enter(token, linkTarget(step.model, node, link).orElseThrow().id(), null);
        }
        else if (d instanceof EventDefinition.Escalation esc) {
            // an interrupting catcher removed the token; otherwise it goes on
            dev.baton.engine.runtime.Escalations.raise(step, token, esc.escalationRef());
            if (step.state.tokens.contains(token)) step.leave(token);
        }
        else if (d instanceof EventDefinition.Compensate c) {
            // the token goes on when the last handler ended (Step's scope check)
            if (!Compensation.start(step, token, c.activityRef())) step.leave(token);
        } else step.leave(token);
    }

    @Override
    public void trigger(Step step, Token token, FlowNode node, Trigger trigger) {
        step.leave(token);
    }

    /** The catching link event with the same name in the same scope. */
    static java.util.Optional<Event> linkTarget(ProcessModel model, FlowNode thrower, EventDefinition.Link link) {
        String scope = model.scopeOf(thrower.id());
        return model.nodes().stream().filter(n -> n instanceof Event e && e.kind() == dev.baton.model.ElementKind.INTERMEDIATE_CATCH_EVENT
                        && e.definition() instanceof EventDefinition.Link l && java.util.Objects.equals(l.name(), link.name())
                        && java.util.Objects.equals(model.scopeOf(n.id()), scope))
                .map(Event.class::cast).findFirst();
    }

    @Override
    public List<String> check(FlowNode node, ProcessModel model) {
        EventDefinition d = ((Event) node).definition();
        if (d instanceof EventDefinition.Link link) {
            return linkTarget(model, node, link).isPresent() ? List.of() : List.of("link event " + model.describe(node.id())
                    + " throws to the link '" + link.name() + "', but no catching link event of that name is in its scope");
        }
        if (d instanceof EventDefinition.Escalation) return List.of();
        if (d == null || d instanceof EventDefinition.Message || d instanceof EventDefinition.Compensate
                || d instanceof EventDefinition.Signal) return List.of();
        return List.of("intermediate throw event " + model.describe(node.id()) + " with a " + d.xmlName()
                + " is not run by the engine yet");
    }
}
