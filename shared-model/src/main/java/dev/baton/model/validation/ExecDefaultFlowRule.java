package dev.baton.model.validation;

import dev.baton.model.FlowNode;
import dev.baton.model.SequenceFlow;

/** Baton: a default flow leaves the element that names it and carries no condition of its own. */
final class ExecDefaultFlowRule extends BaseRule.Exec {
    ExecDefaultFlowRule() {
        super("exec-default-flow", "A default flow leaves the element that names it and has no condition.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof FlowNode n)) return;
        String id = Nodes.defaultFlow(n);
        if (id == null) return;
        SequenceFlow f = ctx.outgoing(n.id()).stream().filter(o -> id.equals(o.id())).findFirst().orElse(null);
        if (f == null) {
            r.report(n.id(), Describe.of(n) + " names " + id + " as its default flow, but no such flow leaves it; pick one of its outgoing flows.");
        } else if (f.condition() != null) {
            r.report(f.id(), Describe.of(f) + " is the default flow of " + Describe.inSentence(n)
                    + " and also has a condition; a default flow is taken when no other condition holds, so remove its condition.");
        }
    }
}
