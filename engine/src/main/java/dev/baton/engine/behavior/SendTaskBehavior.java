package dev.baton.engine.behavior;

import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.engine.runtime.Trigger;
import dev.baton.model.Activity;
import dev.baton.model.FlowNode;
import dev.baton.model.Task;
import dev.baton.model.exec.Implementation;

import java.util.List;

/** A send task: an HTTP call, or a message to the instance that waits for it (or that it starts). */
final class SendTaskBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        Task task = (Task) node;
        if (task.implementation() instanceof Implementation.HttpCall call) HttpWork.plan(step, token, task, call);
        else if (task.implementation() instanceof Implementation.KafkaPublish publish) PublishWork.plan(step, token, task, publish);
        else if (task.implementation() instanceof Implementation.RabbitPublish publish) PublishWork.plan(step, token, task, publish);
        else MessageWork.plan(step, token, task.messageRef(), task);
    }

    @Override
    public void trigger(Step step, Token token, FlowNode node, Trigger trigger) {
        Task task = (Task) node;
        if (task.implementation() instanceof Implementation.HttpCall call) {
            HttpWork.complete(step, token, task, call, trigger);
        } else {
            step.leave(token);
        }
    }

    @Override
    public void leave(Step step, Token token, FlowNode node) {
        step.takeOutgoing(token, node, ((Activity) node).activity().defaultFlow());
    }

    @Override
    public List<String> check(FlowNode node, ProcessModel model) {
        Task task = (Task) node;
        if (task.implementation() == null) {
            return task.messageRef() == null ? List.of("send task " + model.describe(node.id()) + " names no message and no HTTP call")
                    : List.of();
        }
        return ServiceTaskBehavior.checkImplementation(task, model);
    }
}
