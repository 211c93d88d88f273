package dev.baton.model.validation;

import dev.baton.model.Collaboration;
import dev.baton.model.ElementKind;
import dev.baton.model.FlowNode;
import dev.baton.model.Gateway;
import dev.baton.model.Lane;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;

/**
 * bpmnlint label-required: tasks, events, forking decisions, conditional flows, pools and lanes carry a label.
 * Like bpmnlint it leaves out parallel and event-based gateways, joining gateways, subprocesses and plain flows.
 */
final class LabelRequiredRule extends BaseRule.Lint {
    LabelRequiredRule() {
        super("label-required", Severity.ERROR,
                "Activities, events, forking gateways, conditional flows, pools and lanes have a label.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        Object e = ctx.element();
        String id;
        String name;
        if (e instanceof SubProcess) {
            return;
        } else if (e instanceof Gateway g) {
            if (g.kind() == ElementKind.PARALLEL_GATEWAY || g.kind() == ElementKind.EVENT_BASED_GATEWAY) return;
            if (ctx.outgoing(g.id()).size() <= 1) return;
            id = g.id();
            name = g.name();
        } else if (e instanceof FlowNode n) {
            id = n.id();
            name = n.name();
        } else if (e instanceof SequenceFlow f) {
            if (!Nodes.hasCondition(f)) return;
            id = f.id();
            name = f.name();
        } else if (e instanceof Collaboration.Participant p) {
            id = p.id();
            name = p.name();
        } else if (e instanceof Lane l) {
            id = l.id();
            name = l.name();
        } else {
            return;
        }
        if (Nodes.isBlank(name)) {
            String hint = e instanceof Gateway ? "; name the question it decides"
                    : e instanceof SequenceFlow ? "; name the answer it stands for" : "";
            r.report(id, Describe.of(e) + " has no label" + hint + ".");
        }
    }
}
