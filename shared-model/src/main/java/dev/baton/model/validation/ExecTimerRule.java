package dev.baton.model.validation;

import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.Expression;

/** Baton: a timer has a value, and unless it is an expression, that value is valid ISO 8601 for its kind. */
final class ExecTimerRule extends BaseRule.Exec {
    ExecTimerRule() {
        super("exec-timer",
                "A timer has a date, duration or cycle in ISO 8601 (e.g. 2026-03-01T09:00:00Z, PT15M, R3/PT10M), or an expression.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof Event e)) return;
        for (EventDefinition def : e.eventDefinitions()) {
            if (!(def instanceof EventDefinition.Timer t)) continue;
            String text = t.value() == null ? null : t.value().text();
            if (t.kind() == null || t.kind() == EventDefinition.TimerKind.NONE || Nodes.isBlank(text)) {
                r.report(e.id(), Describe.of(e) + " has no timer value; give a date (2026-03-01T09:00:00Z), "
                        + "a duration (PT15M) or a cycle (R3/PT10M).");
                continue;
            }
            if (TimerValue.isExpression(text) || t.value().language() == Expression.Language.FEEL
                    || t.value().language() == Expression.Language.JUEL) {
                continue; // evaluated when the timer is set
            }
            try {
                TimerValue.parse(t.kind(), text);
            } catch (IllegalArgumentException ex) {
                r.report(e.id(), Describe.of(e) + " has a timer " + t.kind().name().toLowerCase() + " that Baton cannot read: " + ex.getMessage() + ".");
            }
        }
    }
}
