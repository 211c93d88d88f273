package dev.baton.model.validation;

import dev.baton.model.ElementKind;
import dev.baton.model.Task;

/** Baton: a script task has a script to run. */
final class ExecScriptRule extends BaseRule.Exec {
    ExecScriptRule() {
        super("exec-script", "A script task has a script.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (ctx.element() instanceof Task t && t.kind() == ElementKind.SCRIPT_TASK
                && (t.script() == null || Nodes.isBlank(t.script().text()))) {
            r.report(t.id(), Describe.of(t) + " has no script to run; write the script or change the task type.");
        }
    }
}
