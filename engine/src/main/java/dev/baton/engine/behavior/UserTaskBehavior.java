package dev.baton.engine.behavior;

import dev.baton.engine.runtime.Rows;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.engine.runtime.Trigger;
import dev.baton.model.Activity;
import dev.baton.model.FlowNode;
import dev.baton.model.Task;
import dev.baton.model.exec.UserTaskSettings;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A user task: a task row people can list, claim and complete; completing it moves the token on. */
final class UserTaskBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        Task task = (Task) node;
        UserTaskSettings s = task.user();
        String assignee = null;
        if (s != null && s.assignee() != null && !s.assignee().isBlank()) {
            Optional<Object> v = step.evaluate(token, s.assignee(), "assignee");
            if (v.isEmpty()) return;
            Object a = Step.unwrap(v.get());
            assignee = a == null ? null : String.valueOf(a);
        }
        step.addTask(token, new Rows.UserTask(UUID.randomUUID().toString(), step.instance.id, step.instance.definitionId,
                step.instance.processId, token.id, node.id(), node.name(), assignee,
                s == null ? List.of() : s.candidateUsers(), s == null ? List.of() : s.candidateGroups()));
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
}
