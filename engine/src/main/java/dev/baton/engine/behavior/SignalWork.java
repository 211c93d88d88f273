package dev.baton.engine.behavior;

import dev.baton.engine.runtime.Rows;
import dev.baton.engine.runtime.Signals;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;

/**
 * Throwing a signal: a job broadcasts it after this step committed (to every waiting instance, this one included,
 * and every process with its signal start), then the throwing token goes on.
 */
final class SignalWork {
    private SignalWork() {}

    static void plan(Step step, Token token, String signalRef) {
        String name = Signals.name(step, signalRef);
        step.addJob(token, Rows.JobKind.SEND_MESSAGE, token.elementId, step.now, step.maxAttempts(step.services.defaultRetry()),
                step.json(Step.map("signal", true, "name", name, "variables", step.state.variables, "backoffMs",
                        step.services.defaultRetry().initialBackoff() == null ? 1000 : step.services.defaultRetry().initialBackoff().toMillis(),
                        "multiplier", step.services.defaultRetry().multiplier())));
        step.waitHere(token);
    }
}
