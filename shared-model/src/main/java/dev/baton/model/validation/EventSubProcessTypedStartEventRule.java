package dev.baton.model.validation;

import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.FlowNode;

/** bpmnlint event-sub-process-typed-start-event: an event subprocess starts on a message, timer, error... not on nothing. */
final class EventSubProcessTypedStartEventRule extends BaseRule.Lint {
    EventSubProcessTypedStartEventRule() {
        super("event-sub-process-typed-start-event", Severity.ERROR,
                "The start event of an event subprocess has an event definition (message, timer, error, ...).");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        Scope inner = ctx.ownScope().filter(Scope::isEventSubProcess).orElse(null);
        if (inner == null) return;
        for (FlowNode n : inner.content().nodes()) {
            if (n instanceof Event e && e.kind() == ElementKind.START_EVENT && e.eventDefinitions().isEmpty()) {
                r.report(e.id(), Describe.of(e) + " of " + Describe.inSentence(inner.subProcess())
                        + " is blank; say which event triggers it (message, timer, error, signal, ...).");
            }
        }
    }
}
