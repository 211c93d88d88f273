package dev.baton.model.validation;

import dev.baton.model.Event;
import dev.baton.model.Task;
import dev.baton.model.exec.Implementation;

/** Baton: Java delegates (camunda:class, delegateExpression) are code of the user's own application, which Baton cannot load. */
final class ExecJavaCodeRule extends BaseRule.Exec {
    ExecJavaCodeRule() {
        super("exec-java-code",
                "No task or event calls Java code of your application (a Java class or delegate expression); Baton cannot run it.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        Object e = ctx.element();
        Implementation impl = e instanceof Task t ? t.implementation() : e instanceof Event ev ? ev.implementation() : null;
        String what;
        if (impl instanceof Implementation.JavaClass j) {
            what = "the Java class " + j.className();
        } else if (impl instanceof Implementation.DelegateExpression d) {
            what = "the Java bean " + d.expression().text();
        } else {
            return;
        }
        r.report(Describe.idOf(e), Describe.of(e) + " calls " + what + " from your application, and Java code of your "
                + "application cannot run in Baton. Instead use " + ExecServiceImplementationRule.WAYS
                + " and let your application do the work there.");
    }
}
