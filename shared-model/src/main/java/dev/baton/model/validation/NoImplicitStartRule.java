package dev.baton.model.validation;

import dev.baton.model.Activity;
import dev.baton.model.ElementKind;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;
import dev.baton.model.SubProcess;

/**
 * bpmnlint no-implicit-start: only start events begin a flow. Boundary events, event subprocesses, link catch events,
 * compensation handlers and activities of ad-hoc subprocesses need no incoming flow.
 */
final class NoImplicitStartRule extends BaseRule.Lint {
    NoImplicitStartRule() {
        super("no-implicit-start", Severity.ERROR,
                "Every flow node other than a start event has an incoming flow.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof FlowNode n)) return;
        if (n.kind() == ElementKind.START_EVENT || n.kind() == ElementKind.BOUNDARY_EVENT) return;
        if (Nodes.forCompensation(n)) return;
        if (n instanceof Activity && ctx.scope() != null && ctx.scope().isAdHoc()) return;
        if (n instanceof SubProcess sp && sp.triggeredByEvent()) return;
        if (n.kind() == ElementKind.INTERMEDIATE_CATCH_EVENT && Nodes.onlyDefinitions(n, EventDefinition.Link.class)) return;
        if (ctx.incoming(n.id()).isEmpty()) {
            r.report(n.id(), Describe.of(n) + " has no incoming flow, so it starts implicitly; "
                    + "connect it, or begin the flow with a start event.");
        }
    }
}
