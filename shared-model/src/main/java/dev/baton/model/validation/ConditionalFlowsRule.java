package dev.baton.model.validation;

import dev.baton.model.FlowNode;
import dev.baton.model.SequenceFlow;
import java.util.List;

/** bpmnlint conditional-flows: once a fork has a condition or a default, every other outgoing flow needs a condition. */
final class ConditionalFlowsRule extends BaseRule.Lint {
    ConditionalFlowsRule() {
        super("conditional-flows", Severity.ERROR,
                "When one outgoing flow of a fork is conditional or default, the others carry conditions too.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof FlowNode node)) return;
        List<SequenceFlow> out = ctx.outgoing(node.id());
        boolean conditional = Nodes.defaultFlow(node) != null || out.stream().anyMatch(Nodes::hasCondition);
        if (!conditional) return;
        for (SequenceFlow f : out) {
            if (!Nodes.hasCondition(f) && !Nodes.isDefault(node, f)) {
                r.report(f.id(), Describe.of(f) + " leaving " + Describe.inSentence(node)
                        + " has no condition while the others do; give it a condition or make it the default flow.");
            }
        }
    }
}
