package dev.baton.model.validation;

import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.FlowNode;

/** bpmnlint ad-hoc-sub-process: an ad-hoc subprocess has no start or end events and no dead-end catch events. */
final class AdHocSubProcessRule extends BaseRule.Lint {
    AdHocSubProcessRule() {
        super("ad-hoc-sub-process", Severity.ERROR,
                "An ad-hoc subprocess has no start or end events, and every intermediate catch event in it has an outgoing flow.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        Scope inner = ctx.ownScope().filter(Scope::isAdHoc).orElse(null);
        if (inner == null) return;
        String where = Describe.inSentence(inner.subProcess());
        for (FlowNode n : inner.content().nodes()) {
            if (!(n instanceof Event e)) continue;
            if (e.kind() == ElementKind.START_EVENT) {
                r.report(e.id(), Describe.of(e) + " is not allowed in " + where + "; its activities start on their own.");
            } else if (e.kind() == ElementKind.END_EVENT) {
                r.report(e.id(), Describe.of(e) + " is not allowed in " + where + "; it completes by its completion condition.");
            } else if (e.kind() == ElementKind.INTERMEDIATE_CATCH_EVENT && ctx.outgoing(e.id()).isEmpty()) {
                r.report(e.id(), Describe.of(e) + " in " + where + " needs an outgoing sequence flow.");
            }
        }
    }
}
