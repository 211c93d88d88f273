package dev.baton.model.validation;

import dev.baton.model.Event;
import dev.baton.model.Task;
import dev.baton.model.exec.Implementation;

/**
 * Baton: implementations Baton cannot carry out (unknown connectors, a DMN decision anywhere but on a business rule task)
 * are reported instead of failing at run time.
 */
final class ExecUnsupportedImplementationRule extends BaseRule.Exec {
    ExecUnsupportedImplementationRule() {
        super("exec-unsupported-implementation",
                "No task or event uses an implementation Baton cannot carry out (an unknown connector or task type, a DMN decision outside a business rule task).");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        Object e = ctx.element();
        Implementation impl = e instanceof Task t ? t.implementation() : e instanceof Event ev ? ev.implementation() : null;
        if (impl instanceof Implementation.Unsupported u) {
            r.report(Describe.idOf(e), Describe.of(e) + " uses " + (Nodes.isBlank(u.description()) ? "an implementation" : u.description())
                    + ", which Baton cannot run; use " + ExecServiceImplementationRule.WAYS + " instead.");
        } else if (impl instanceof Implementation.Decision d && !(e instanceof Task t && t.kind() == dev.baton.model.ElementKind.BUSINESS_RULE_TASK)) {
            r.report(Describe.idOf(e), Describe.of(e) + " evaluates the DMN decision "
                    + (Nodes.isBlank(d.decisionRef()) ? "it names" : "'" + d.decisionRef() + "'")
                    + ", and Baton evaluates decisions only in business rule tasks; make it a business rule task.");
        }
    }
}
