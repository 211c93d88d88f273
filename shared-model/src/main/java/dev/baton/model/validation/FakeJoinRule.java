package dev.baton.model.validation;

import dev.baton.model.Activity;
import dev.baton.model.Event;
import dev.baton.model.FlowNode;

/** bpmnlint fake-join: an activity or event with several incoming flows runs once per token; it does not wait. */
final class FakeJoinRule extends BaseRule.Lint {
    FakeJoinRule() {
        super("fake-join", Severity.WARNING,
                "An activity or event with several incoming flows does not join them; model a gateway to join.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof Activity) && !(ctx.element() instanceof Event)) return;
        FlowNode n = (FlowNode) ctx.element();
        int in = ctx.incoming(n.id()).size();
        if (in > 1) {
            r.report(n.id(), Describe.of(n) + " has " + Nodes.count(in)
                    + " incoming flows but does not wait for them; it runs once per arriving token. "
                    + "Join them with a parallel gateway (or an exclusive gateway if only one can arrive).");
        }
    }
}
