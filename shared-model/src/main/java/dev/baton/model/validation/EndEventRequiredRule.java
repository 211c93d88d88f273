package dev.baton.model.validation;

import dev.baton.model.ElementKind;
import dev.baton.model.FlowNode;

/** bpmnlint end-event-required: every process and subprocess (except ad-hoc ones) has an end event. */
final class EndEventRequiredRule extends BaseRule.Lint {
    EndEventRequiredRule() {
        super("end-event-required", Severity.ERROR, "Every process and subprocess has an end event.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        Scope s = ctx.ownScope().orElse(null);
        if (s == null || s.isAdHoc()) return;
        boolean has = s.content().nodes().stream().anyMatch(n -> n.kind() == ElementKind.END_EVENT);
        if (!has) r.report(s.id(), Describe.of(s.container()) + " has no end event; add one so it is clear where it finishes.");
    }
}
