package dev.baton.model.validation;

import dev.baton.model.Activity;
import dev.baton.model.Event;
import dev.baton.model.FlowNode;

/** bpmnlint no-implicit-split: an activity or event with several unconditional outgoing flows forks silently. */
final class NoImplicitSplitRule extends BaseRule.Lint {
    NoImplicitSplitRule() {
        super("no-implicit-split", Severity.ERROR,
                "No activity or event has several unconditional outgoing flows; model the split with a gateway.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof Activity) && !(ctx.element() instanceof Event)) return;
        FlowNode n = (FlowNode) ctx.element();
        long plain = ctx.outgoing(n.id()).stream().filter(f -> !Nodes.hasCondition(f) && !Nodes.isDefault(n, f)).count();
        if (plain > 1) {
            r.report(n.id(), Describe.of(n) + " has " + Nodes.count((int) plain)
                    + " outgoing flows without conditions; add a gateway to say whether they run in parallel or one is chosen.");
        }
    }
}
