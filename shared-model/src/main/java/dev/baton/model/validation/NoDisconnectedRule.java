package dev.baton.model.validation;

import dev.baton.model.Activity;
import dev.baton.model.ElementKind;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;
import dev.baton.model.SubProcess;

/**
 * bpmnlint no-disconnected: a flow node has at least one incoming or outgoing flow. Event subprocesses, compensation
 * boundary events and compensation handlers (linked by associations) and activities of ad-hoc subprocesses are fine.
 */
final class NoDisconnectedRule extends BaseRule.Lint {
    NoDisconnectedRule() {
        super("no-disconnected", Severity.ERROR, "Flow nodes have an incoming or an outgoing sequence flow.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof FlowNode n)) return;
        if (n instanceof SubProcess sp && sp.triggeredByEvent()) return;
        if (n.kind() == ElementKind.BOUNDARY_EVENT && Nodes.onlyDefinitions(n, EventDefinition.Compensate.class)) return;
        if (Nodes.forCompensation(n)) return;
        if (n instanceof Activity && ctx.scope() != null && ctx.scope().isAdHoc()) return;
        if (ctx.incoming(n.id()).isEmpty() && ctx.outgoing(n.id()).isEmpty()) {
            r.report(n.id(), Describe.of(n) + " is not connected to anything; connect it with sequence flows or remove it.");
        }
    }
}
