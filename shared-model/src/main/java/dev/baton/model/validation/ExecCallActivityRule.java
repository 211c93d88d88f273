package dev.baton.model.validation;

import dev.baton.model.CallActivity;

/** Baton: a call activity says which process it calls. */
final class ExecCallActivityRule extends BaseRule.Exec {
    ExecCallActivityRule() {
        super("exec-call-activity", "A call activity names the process it calls (calledElement).");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (ctx.element() instanceof CallActivity c && Nodes.isBlank(c.calledElement())) {
            r.report(c.id(), Describe.of(c) + " does not say which process it calls; set the called process id.");
        }
    }
}
