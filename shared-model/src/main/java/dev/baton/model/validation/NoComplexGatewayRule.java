package dev.baton.model.validation;

import dev.baton.model.ElementKind;
import dev.baton.model.Gateway;

/** bpmnlint no-complex-gateway: complex gateways are hard to read and rarely supported by engines. */
final class NoComplexGatewayRule extends BaseRule.Lint {
    NoComplexGatewayRule() {
        super("no-complex-gateway", Severity.ERROR, "Complex gateways are not used.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (ctx.element() instanceof Gateway g && g.kind() == ElementKind.COMPLEX_GATEWAY) {
            r.report(g.id(), Describe.of(g) + " is a complex gateway; express its rule with exclusive, inclusive or parallel gateways.");
        }
    }
}
