package dev.baton.model.validation;

import dev.baton.model.ElementKind;

/** bpmnlint start-event-required: every process and subprocess (except ad-hoc ones) has a start event. */
final class StartEventRequiredRule extends BaseRule.Lint {
    StartEventRequiredRule() {
        super("start-event-required", Severity.ERROR, "Every process and subprocess has a start event.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        Scope s = ctx.ownScope().orElse(null);
        if (s == null || s.isAdHoc()) return;
        boolean has = s.content().nodes().stream().anyMatch(n -> n.kind() == ElementKind.START_EVENT);
        if (!has) r.report(s.id(), Describe.of(s.container()) + " has no start event; add one so it is clear where it begins.");
    }
}
