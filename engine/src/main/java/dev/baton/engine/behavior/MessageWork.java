package dev.baton.engine.behavior;

import dev.baton.engine.runtime.Rows;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.model.GlobalElement;

import java.util.Optional;

/** Sending a message to another instance (or a message start event) as a job, so it is retried like any work. */
final class MessageWork {
    private MessageWork() {}

    static void plan(Step step, Token token, String messageRef, dev.baton.model.Activity activity) {
        String name = step.model.messageName(messageRef);
        String key = null;
        Optional<GlobalElement.Message> message = step.model.message(messageRef);
        if (message.isPresent() && message.get().correlationKey() != null && !message.get().correlationKey().isBlank()) {
            Optional<Object> v = step.evaluate(token, message.get().correlationKey(), "correlation key of message " + name);
            if (v.isEmpty()) return;
            key = String.valueOf(Step.unwrap(v.get()));
        }
        int attempts = step.maxAttempts(activity == null ? step.services.defaultRetry() : step.retryPolicy(activity));
        step.addJob(token, Rows.JobKind.SEND_MESSAGE, token.elementId, step.now, attempts,
                step.json(Step.map("name", name, "correlationKey", key, "businessKey", step.instance.businessKey,
                        "variables", step.variables(token), "backoffMs",
                        step.services.defaultRetry().initialBackoff() == null ? 1000 : step.services.defaultRetry().initialBackoff().toMillis(),
                        "multiplier", step.services.defaultRetry().multiplier())));
        step.waitHere(token);
    }
}
