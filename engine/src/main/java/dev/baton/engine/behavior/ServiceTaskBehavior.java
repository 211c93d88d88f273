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
import java.util.Optional;

/** A service task: an HTTP call run by a job worker, or an expression evaluated in place. */
final class ServiceTaskBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        Task task = (Task) node;
        if (task.implementation() instanceof Implementation.HttpCall call) {
            HttpWork.plan(step, token, task, call);
        } else if (task.implementation() instanceof Implementation.KafkaPublish publish) {
            PublishWork.plan(step, token, task, publish);
        } else if (task.implementation() instanceof Implementation.RabbitPublish publish) {
            PublishWork.plan(step, token, task, publish);
        } else if (task.implementation() instanceof Implementation.ExternalTask external) {
            ExternalTaskWork.plan(step, token, external);
        } else if (task.implementation() instanceof Implementation.ExpressionCall call) {
            Optional<Object> v = step.evaluate(token, call.expression(), "service expression");
            if (v.isEmpty()) return;
            if (call.resultVariable() != null && !call.resultVariable().isBlank()) {
                java.util.Map<String, Object> vars = new java.util.LinkedHashMap<>();
                vars.put(call.resultVariable(), Step.unwrap(v.get()));
                step.setVariables(token, vars);
            }
            step.leave(token);
        } else {
            step.incident(token, "UNSUPPORTED", step.model.describe(node.id()) + " has no implementation the engine can run");
        }
    }

    @Override
    public void trigger(Step step, Token token, FlowNode node, Trigger trigger) {
        Task task = (Task) node;
        if (task.implementation() instanceof Implementation.HttpCall call) HttpWork.complete(step, token, task, call, trigger);
        else if (task.implementation() instanceof Implementation.ExternalTask) ExternalTaskWork.complete(step, token, trigger);
        else if (task.implementation() instanceof Implementation.KafkaPublish || task.implementation() instanceof Implementation.RabbitPublish) {
            step.leave(token);
        }
        else ElementBehavior.super.trigger(step, token, node, trigger);
    }

    @Override
    public void leave(Step step, Token token, FlowNode node) {
        step.takeOutgoing(token, node, ((Activity) node).activity().defaultFlow());
    }

    @Override
    public List<String> check(FlowNode node, ProcessModel model) {
        if (((Task) node).implementation() instanceof Implementation.ExternalTask) return List.of();
        return checkImplementation((Task) node, model);
    }

    static List<String> checkImplementation(Task task, ProcessModel model) {
        Implementation impl = task.implementation();
        if (impl instanceof Implementation.HttpCall || impl instanceof Implementation.ExpressionCall
                || impl instanceof Implementation.KafkaPublish || impl instanceof Implementation.RabbitPublish) return List.of();
        String what = impl == null ? "no implementation (give it an HTTP call in Baton's settings)"
                : switch (impl.getClass().getSimpleName()) {
                    case "JavaClass" -> "a Java class (" + ((Implementation.JavaClass) impl).className() + "), which only its own application can run";
                    case "DelegateExpression" -> "a delegate expression, which only its own application can run";
                    case "ExternalTask" -> "an external task topic, which this engine does not serve yet";
                    case "Unsupported" -> ((Implementation.Unsupported) impl).description();
                    default -> "a " + impl.getClass().getSimpleName() + " implementation, which this engine does not run yet";
                };
        return List.of(task.kind().xmlName() + " " + model.describe(task.id()) + " has " + what);
    }
}
