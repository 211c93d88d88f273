package dev.baton.model.validation;

import dev.baton.model.ElementKind;
import dev.baton.model.Task;

/** Baton: a service, send or business rule task in an executable process says how it does its work. */
final class ExecServiceImplementationRule extends BaseRule.Exec {
    static final String WAYS = "an HTTP call, an external task topic for a worker, or a Kafka or RabbitMQ publish";

    ExecServiceImplementationRule() {
        super("exec-service-implementation",
                "A service, send or business rule task in an executable process has an implementation (HTTP, external task, Kafka, RabbitMQ; a DMN decision for a business rule task).");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof Task t) || t.implementation() != null) return;
        if (t.kind() == ElementKind.SERVICE_TASK || t.kind() == ElementKind.SEND_TASK || t.kind() == ElementKind.BUSINESS_RULE_TASK) {
            String ways = t.kind() == ElementKind.BUSINESS_RULE_TASK ? "a DMN decision (camunda:decisionRef, zeebe:calledDecision), " + WAYS : WAYS;
            r.report(t.id(), Describe.of(t) + " does not say what it does, so Baton cannot run it; give it " + ways + ".");
        }
    }
}
