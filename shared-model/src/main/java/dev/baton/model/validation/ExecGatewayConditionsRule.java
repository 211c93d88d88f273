package dev.baton.model.validation;

import dev.baton.model.ElementKind;
import dev.baton.model.Gateway;
import dev.baton.model.SequenceFlow;
import java.util.List;
import java.util.stream.Collectors;

/** Baton: an exclusive or inclusive gateway that forks gives every outgoing flow but the default a condition. */
final class ExecGatewayConditionsRule extends BaseRule.Exec {
    ExecGatewayConditionsRule() {
        super("exec-gateway-conditions",
                "Each outgoing flow of a forking exclusive or inclusive gateway has a condition, except its default flow.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof Gateway g)) return;
        if (g.kind() != ElementKind.EXCLUSIVE_GATEWAY && g.kind() != ElementKind.INCLUSIVE_GATEWAY) return;
        List<SequenceFlow> out = ctx.outgoing(g.id());
        if (out.size() <= 1) return;
        List<SequenceFlow> bare = out.stream()
                .filter(f -> (f.condition() == null || f.condition().isBlank()) && !f.id().equals(g.defaultFlow())).toList();
        if (bare.isEmpty()) return;
        String flows = bare.stream().map(Describe::inSentence).collect(Collectors.joining(", "));
        String has = bare.size() == 1 ? "has an outgoing flow without a condition (" : "has " + Nodes.count(bare.size()) + " outgoing flows without conditions (";
        String fix = g.defaultFlow() == null
                ? " and no default flow, so Baton cannot decide where the token goes; give each a condition or make one the default flow."
                : "; only the default flow may go without one, so give each a condition.";
        r.report(g.id(), Describe.of(g) + " " + has + flows + ")" + fix);
    }
}
