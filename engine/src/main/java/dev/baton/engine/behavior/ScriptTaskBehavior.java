package dev.baton.engine.behavior;

import dev.baton.engine.deploy.ProcessModel;
import dev.baton.engine.expr.Evaluation;
import dev.baton.engine.expr.Expressions;
import dev.baton.engine.runtime.Step;
import dev.baton.engine.runtime.Token;
import dev.baton.model.Activity;
import dev.baton.model.Expression;
import dev.baton.model.FlowNode;
import dev.baton.model.Task;
import dev.baton.model.exec.Script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A script task computes a JUEL or FEEL expression; the result goes into its result variable. */
final class ScriptTaskBehavior implements ElementBehavior {
    @Override
    public void enter(Step step, Token token, FlowNode node) {
        Script script = ((Task) node).script();
        Evaluation r = step.services.expressions().script(format(script, step.model), script.text(), step.variables(token));
        if (r instanceof Evaluation.Failure f) {
            step.incident(token, "EXPRESSION", "Script " + script.text().strip() + " at " + step.model.describe(node.id())
                    + " failed: " + f.message());
            return;
        }
        Object value = ((Evaluation.Value) r).value();
        if (script.resultVariable() != null && !script.resultVariable().isBlank()) {
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put(script.resultVariable(), value);
            step.setVariables(token, vars);
        }
        step.leave(token);
    }

    /** The script's own format, or the language its text is marked with, or the file's dialect. */
    static String format(Script script, ProcessModel model) {
        if (script.format() != null && !script.format().isBlank()) return script.format();
        Expression.Language l = Expression.detect(script.text());
        if (l == Expression.Language.LITERAL) l = model.dialect().defaultExpressionLanguage();
        return l == Expression.Language.FEEL ? "feel" : "juel";
    }

    @Override
    public void leave(Step step, Token token, FlowNode node) {
        step.takeOutgoing(token, node, ((Activity) node).activity().defaultFlow());
    }

    @Override
    public List<String> check(FlowNode node, ProcessModel model) {
        Script script = ((Task) node).script();
        if (script == null || script.text() == null || script.text().isBlank()) {
            return List.of("script task " + model.describe(node.id()) + " has no script");
        }
        if (!Expressions.supportsScriptFormat(format(script, model))) {
            return List.of("script task " + model.describe(node.id()) + " is written in " + script.format()
                    + "; the engine runs juel and feel scripts");
        }
        return List.of();
    }
}
