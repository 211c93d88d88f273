package dev.baton.model.validation;

import dev.baton.model.Activity;
import dev.baton.model.ElementKind;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;
import dev.baton.model.SubProcess;

/**
 * bpmnlint no-implicit-end: only end events finish a flow. Event subprocesses, link throw events, compensation handlers,
 * compensation boundary events linked to their handler and activities of ad-hoc subprocesses need no outgoing flow.
 */
final class NoImplicitEndRule extends BaseRule.Lint {
    NoImplicitEndRule() {
        super("no-implicit-end", Severity.ERROR,
                "Every flow node other than an end event has an outgoing flow.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof FlowNode n)) return;
        if (n.kind() == ElementKind.END_EVENT) return;
        if (n instanceof SubProcess sp && sp.triggeredByEvent()) return;
        if (n.kind() == ElementKind.INTERMEDIATE_THROW_EVENT && Nodes.onlyDefinitions(n, EventDefinition.Link.class)) return;
        if (n instanceof Activity && ctx.scope() != null && ctx.scope().isAdHoc()) return;
        if (n.kind() == ElementKind.BOUNDARY_EVENT && Nodes.onlyDefinitions(n, EventDefinition.Compensate.class)
                && ctx.hasAssociationFrom(n.id())) return;
        if (Nodes.forCompensation(n)) return;
        if (ctx.outgoing(n.id()).isEmpty()) {
            r.report(n.id(), Describe.of(n) + " has no outgoing flow, so it ends implicitly; "
                    + "connect it, or finish the flow with an end event.");
        }
    }
}
