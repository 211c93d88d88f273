package dev.baton.model.validation;

import dev.baton.model.Activity;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.GlobalElement;

/**
 * Baton: signal, error, escalation and compensation events point at a signal, error, escalation or activity that exists. Signals are matched by
 * name, so signal events always need a named signal; throwing error and escalation events need to say what they throw,
 * while catching ones without a reference catch any.
 */
final class ExecEventReferenceRule extends BaseRule.Exec {
    ExecEventReferenceRule() {
        super("exec-event-reference",
                "Signal, error, escalation and compensation events refer to something that exists; throwing ones say what they throw.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof Event e)) return;
        for (EventDefinition def : e.eventDefinitions()) {
            if (def instanceof EventDefinition.Signal s) {
                if (Nodes.isBlank(s.signalRef())) {
                    r.report(e.id(), Describe.of(e) + (e.isThrowing() ? " throws" : " waits for") + " a signal but does not say which; pick a signal.");
                } else {
                    GlobalElement g = ctx.global(s.signalRef()).orElse(null);
                    if (!(g instanceof GlobalElement.Signal sig)) {
                        r.report(e.id(), Describe.of(e) + " refers to signal " + s.signalRef() + ", which does not exist in this file.");
                    } else if (Nodes.isBlank(sig.name())) {
                        r.report(e.id(), Describe.of(e) + " uses signal " + sig.id() + ", which has no name; signals are matched by name, so give it one.");
                    }
                }
            } else if (def instanceof EventDefinition.Error er) {
                check(ctx, e, er.errorRef(), GlobalElement.Error.class, "error", r);
            } else if (def instanceof EventDefinition.Escalation es) {
                check(ctx, e, es.escalationRef(), GlobalElement.Escalation.class, "escalation", r);
            } else if (def instanceof EventDefinition.Compensate c && !Nodes.isBlank(c.activityRef())
                    && !(ctx.byId(c.activityRef()).orElse(null) instanceof Activity)) {
                r.report(e.id(), Describe.of(e) + " compensates activity " + c.activityRef()
                        + ", which does not exist in this file; pick the activity to undo, or none to undo all.");
            }
        }
    }

    private static void check(RuleContext ctx, Event e, String ref, Class<? extends GlobalElement> type, String what, Reporter r) {
        if (Nodes.isBlank(ref)) {
            if (e.isThrowing()) {
                r.report(e.id(), Describe.of(e) + " throws an " + what + " but does not say which; pick the " + what + " (and its code) it throws.");
            }
        } else if (!ctx.global(ref).filter(type::isInstance).isPresent()) {
            r.report(e.id(), Describe.of(e) + " refers to " + what + " " + ref + ", which does not exist in this file.");
        }
    }
}
