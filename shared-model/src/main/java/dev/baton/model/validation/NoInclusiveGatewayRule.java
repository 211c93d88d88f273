package dev.baton.model.validation;

import dev.baton.model.ElementKind;
import dev.baton.model.Gateway;

/** bpmnlint no-inclusive-gateway: inclusive gateways make readers work out which paths may run. */
final class NoInclusiveGatewayRule extends BaseRule.Lint {
    NoInclusiveGatewayRule() {
        super("no-inclusive-gateway", Severity.WARNING, "Inclusive gateways are flagged as hard to follow.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (ctx.element() instanceof Gateway g && g.kind() == ElementKind.INCLUSIVE_GATEWAY) {
            r.report(g.id(), Describe.of(g) + " is an inclusive gateway, which readers find hard to follow; "
                    + "consider exclusive and parallel gateways.");
        }
    }
}
