package dev.baton.model.validation;

import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;
import dev.baton.model.SubProcess;
import java.util.List;

/**
 * bpmnlint superfluous-termination: a terminate end event is redundant when it is the only way out of its scope
 * (all other dead ends are interrupting event subprocesses), since no other token could still be running.
 */
final class SuperfluousTerminationRule extends BaseRule.Lint {
    SuperfluousTerminationRule() {
        super("superfluous-termination", Severity.WARNING,
                "A terminate end event where no other token can be running is redundant; use a plain end event.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        Scope s = ctx.ownScope().orElse(null);
        if (s == null) return;
        List<FlowNode> ends = s.content().nodes().stream().filter(n -> ctx.outgoing(n.id()).isEmpty()).toList();
        List<FlowNode> terminates = ends.stream().filter(SuperfluousTerminationRule::isTerminateEnd).toList();
        if (terminates.size() != 1) return;
        boolean superfluous = ends.stream().allMatch(n -> isTerminateEnd(n) || isInterruptingEventSubProcess(n));
        if (superfluous) {
            FlowNode t = terminates.get(0);
            r.report(t.id(), Describe.of(t) + " terminates " + Describe.inSentence(s.container())
                    + " although it is its only end; a plain end event does the same.");
        }
    }

    private static boolean isTerminateEnd(FlowNode n) {
        return n.kind() == ElementKind.END_EVENT && Nodes.hasDefinition(n, EventDefinition.Terminate.class);
    }

    private static boolean isInterruptingEventSubProcess(FlowNode n) {
        return n instanceof SubProcess sp && sp.triggeredByEvent() && sp.content().nodes().stream()
                .anyMatch(c -> c instanceof Event e && e.kind() == ElementKind.START_EVENT && e.interrupting());
    }
}
