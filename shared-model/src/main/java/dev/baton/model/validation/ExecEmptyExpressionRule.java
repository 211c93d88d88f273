package dev.baton.model.validation;

import dev.baton.model.Activity;
import dev.baton.model.CallActivity;
import dev.baton.model.Expression;
import dev.baton.model.Gateway;
import dev.baton.model.LoopCharacteristics;
import dev.baton.model.SequenceFlow;
import dev.baton.model.SubProcess;
import dev.baton.model.Task;
import dev.baton.model.exec.Implementation;
import dev.baton.model.exec.UserTaskSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Baton: an expression that is present is not empty (a condition, an assignee, a URL, a topic...). An empty one fails
 * only when a token reaches it; this says so before the process is deployed.
 */
final class ExecEmptyExpressionRule extends BaseRule.Exec {
    ExecEmptyExpressionRule() {
        super("exec-empty-expression",
                "Expressions that are given are not empty: conditions, loop and completion conditions, assignees, dates, URLs, topics.");
    }

    @Override
    public void check(RuleContext ctx, Reporter r) {
        Object e = ctx.element();
        List<String> empty = new ArrayList<>();
        if (e instanceof SequenceFlow f) {
            blank(f.condition(), "condition", empty);
        } else if (e instanceof Gateway g) {
            blank(g.activationCondition(), "activation condition", empty);
        }
        if (e instanceof Activity a) {
            LoopCharacteristics loop = a.activity().loop();
            if (loop instanceof LoopCharacteristics.StandardLoop l) blank(l.loopCondition(), "loop condition", empty);
            if (loop instanceof LoopCharacteristics.MultiInstance mi) {
                blank(mi.completionCondition(), "completion condition", empty);
                blank(mi.outputElement(), "output element", empty);
            }
        }
        if (e instanceof SubProcess sp && sp.adHoc() != null) blank(sp.adHoc().completionCondition(), "completion condition", empty);
        if (e instanceof CallActivity c) blank(c.call().businessKey(), "business key", empty);
        if (e instanceof Task t) {
            UserTaskSettings u = t.user();
            if (u != null) {
                blank(u.assignee(), "assignee", empty);
                blank(u.dueDate(), "due date", empty);
                blank(u.followUpDate(), "follow-up date", empty);
            }
            implementation(t.implementation(), empty);
        }
        if (e instanceof dev.baton.model.Event ev) implementation(ev.implementation(), empty);
        for (String what : empty) {
            r.report(Describe.idOf(e), Describe.of(e) + " has an empty " + what + "; fill it in or remove it.");
        }
    }

    private static void implementation(Implementation impl, List<String> empty) {
        if (impl instanceof Implementation.HttpCall h) {
            if (h.url() == null || h.url().isBlank()) empty.add("URL");
            blank(h.body(), "request body", empty);
        } else if (impl instanceof Implementation.ExternalTask x) {
            if (x.topic() == null || x.topic().isBlank()) empty.add("external task topic");
        } else if (impl instanceof Implementation.KafkaPublish k) {
            if (Nodes.isBlank(k.topic())) empty.add("Kafka topic");
        } else if (impl instanceof Implementation.ExpressionCall x) {
            if (x.expression() == null || x.expression().isBlank()) empty.add("expression");
        }
    }

    private static void blank(Expression x, String what, List<String> empty) {
        if (x != null && x.isBlank()) empty.add(what);
    }
}
