package dev.baton.engine.behavior;

import dev.baton.engine.runtime.Rows;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.engine.runtime.Trigger;
import dev.baton.model.exec.Implementation;

import java.util.Optional;

/**
 * A service task done by an external worker (Camunda 7 style): the token waits on an EXTERNAL job row that
 * workers fetch and lock over /engine-rest; completing it fires the token with the worker's variables.
 */
final class ExternalTaskWork {
    private ExternalTaskWork() {}

    static void plan(Step step, Token token, Implementation.ExternalTask task) {
        Optional<Object> topic = step.evaluate(token, task.topic(), "topic");
        if (topic.isEmpty()) return;
        step.addJob(token, Rows.JobKind.EXTERNAL, token.elementId, step.now, 1, step.json(Step.map(
                "topic", String.valueOf(Step.unwrap(topic.get())), "priority", task.priority() == null ? 0 : task.priority())));
        step.waitHere(token);
    }

    static void complete(Step step, Token token, Trigger trigger) {
        step.setVariables(token, trigger.variables());
        step.leave(token);
    }
}
