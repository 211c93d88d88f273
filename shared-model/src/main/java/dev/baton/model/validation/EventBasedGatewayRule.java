package dev.baton.model.validation;

import dev.baton.model.ElementKind;
import dev.baton.model.Gateway;
import dev.baton.model.SequenceFlow;
import java.util.List;

/** bpmnlint event-based-gateway: two or more outgoing flows, none of them conditional. */
final class EventBasedGatewayRule extends BaseRule.Lint {
    EventBasedGatewayRule() {
        super("event-based-gateway", Severity.ERROR,
                "An event-based gateway has two or more outgoing flows, and none of them has a condition.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof Gateway g) || g.kind() != ElementKind.EVENT_BASED_GATEWAY) return;
        List<SequenceFlow> out = ctx.outgoing(g.id());
        if (out.size() < 2) {
            r.report(g.id(), Describe.of(g) + " has " + Nodes.count(out.size())
                    + " outgoing flows; it waits for one of several events, so it needs at least two.");
        }
        for (SequenceFlow f : out) {
            if (Nodes.hasCondition(f)) {
                r.report(f.id(), Describe.of(f) + " leaving " + Describe.inSentence(g)
                        + " has a condition; the event that happens first decides the path, so remove the condition.");
            }
        }
    }
}
