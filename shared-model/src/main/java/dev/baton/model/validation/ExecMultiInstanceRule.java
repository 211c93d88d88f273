package dev.baton.model.validation;

import dev.baton.model.Activity;
import dev.baton.model.Expression;
import dev.baton.model.LoopCharacteristics;

/** Baton: a multi-instance activity says how many instances to run, or which collection to run them over. */
final class ExecMultiInstanceRule extends BaseRule.Exec {
    ExecMultiInstanceRule() {
        super("exec-multi-instance", "A multi-instance activity has a loop cardinality or a collection to iterate.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        if (!(ctx.element() instanceof Activity a) || !(a.activity().loop() instanceof LoopCharacteristics.MultiInstance mi)) return;
        if (blank(mi.loopCardinality()) && blank(mi.collection())) {
            r.report(a.id(), Describe.of(a) + " runs as multiple instances but says neither how many (loop cardinality) "
                    + "nor which collection to go through; set one of them.");
        }
    }

    private static boolean blank(Expression e) { return e == null || e.isBlank(); }
}
