package dev.baton.model.validation;

import dev.baton.model.Gateway;

/** bpmnlint superfluous-gateway: a gateway with one way in and one way out does nothing. */
final class SuperfluousGatewayRule extends BaseRule.Lint {
    SuperfluousGatewayRule() {
        super("superfluous-gateway", Severity.WARNING,
                "A gateway with exactly one incoming and one outgoing flow is redundant.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (ctx.element() instanceof Gateway g && ctx.incoming(g.id()).size() == 1 && ctx.outgoing(g.id()).size() == 1) {
            r.report(g.id(), Describe.of(g) + " has one incoming and one outgoing flow, so it does nothing; remove it.");
        }
    }
}
