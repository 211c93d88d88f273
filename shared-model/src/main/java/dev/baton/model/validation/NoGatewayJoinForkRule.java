package dev.baton.model.validation;

import dev.baton.model.Gateway;

/** bpmnlint no-gateway-join-fork: a gateway either joins or forks, so its meaning is plain. */
final class NoGatewayJoinForkRule extends BaseRule.Lint {
    NoGatewayJoinForkRule() {
        super("no-gateway-join-fork", Severity.ERROR, "A gateway does not join and fork at once; use two gateways.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof Gateway g)) return;
        int in = ctx.incoming(g.id()).size();
        int out = ctx.outgoing(g.id()).size();
        if (in > 1 && out > 1) {
            r.report(g.id(), Describe.of(g) + " joins " + Nodes.count(in) + " flows and forks into " + Nodes.count(out)
                    + " at once; split it into a joining and a forking gateway.");
        }
    }
}
