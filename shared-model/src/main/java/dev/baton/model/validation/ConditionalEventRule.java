package dev.baton.model.validation;

import dev.baton.model.Event;
import dev.baton.model.EventDefinition;

/** bpmnlint conditional-event (outside the recommended set): a conditional event in an executable process has a condition. */
final class ConditionalEventRule extends BaseRule.Lint {
    ConditionalEventRule() {
        super("conditional-event", Severity.ERROR, "A conditional event in an executable process has a condition.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!ctx.executable() || !(ctx.element() instanceof Event e)) return;
        for (EventDefinition def : e.eventDefinitions()) {
            if (def instanceof EventDefinition.Conditional c && (c.condition() == null || c.condition().isBlank())) {
                r.report(e.id(), Describe.of(e) + " waits for a condition but none is given; write the condition it waits for.");
                return;
            }
        }
    }
}
