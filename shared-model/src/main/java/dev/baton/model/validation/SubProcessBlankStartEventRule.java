package dev.baton.model.validation;

import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.FlowNode;

/** bpmnlint sub-process-blank-start-event: an ordinary subprocess is entered by its incoming flow, so its start is blank. */
final class SubProcessBlankStartEventRule extends BaseRule.Lint {
    SubProcessBlankStartEventRule() {
        super("sub-process-blank-start-event", Severity.ERROR, "Start events inside ordinary subprocesses are blank.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        Scope inner = ctx.ownScope().orElse(null);
        if (inner == null || inner.subProcess() == null || inner.isEventSubProcess()) return;
        for (FlowNode n : inner.content().nodes()) {
            if (n instanceof Event e && e.kind() == ElementKind.START_EVENT && !e.eventDefinitions().isEmpty()) {
                r.report(e.id(), Describe.of(e) + " in " + Describe.inSentence(inner.subProcess()) + " has a "
                        + e.eventDefinitions().get(0).xmlName().replace("EventDefinition", "")
                        + " trigger; a subprocess starts when its incoming flow reaches it, so make the start event blank.");
            }
        }
    }
}
