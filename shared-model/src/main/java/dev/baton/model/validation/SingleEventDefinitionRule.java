package dev.baton.model.validation;

import dev.baton.model.Event;

/** bpmnlint single-event-definition: an event has at most one event definition. */
final class SingleEventDefinitionRule extends BaseRule.Lint {
    SingleEventDefinitionRule() {
        super("single-event-definition", Severity.ERROR, "An event has at most one event definition.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (ctx.element() instanceof Event e && e.eventDefinitions().size() > 1) {
            r.report(e.id(), Describe.of(e) + " has " + Nodes.count(e.eventDefinitions().size())
                    + " event definitions; keep one, or model one event per trigger.");
        }
    }
}
