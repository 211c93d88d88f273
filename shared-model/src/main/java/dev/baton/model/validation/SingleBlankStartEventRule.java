package dev.baton.model.validation;

/** bpmnlint single-blank-start-event: at most one blank start event per process or subprocess. */
final class SingleBlankStartEventRule extends BaseRule.Lint {
    SingleBlankStartEventRule() {
        super("single-blank-start-event", Severity.ERROR, "A process or subprocess has at most one blank start event.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        Scope s = ctx.ownScope().orElse(null);
        if (s == null) return;
        long blank = s.content().nodes().stream().filter(Nodes::isBlankStart).count();
        if (blank > 1) {
            r.report(s.id(), Describe.of(s.container()) + " has " + Nodes.count((int) blank)
                    + " blank start events; nothing tells which one starts it, so keep one.");
        }
    }
}
