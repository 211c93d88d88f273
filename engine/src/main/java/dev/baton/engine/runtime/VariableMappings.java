package dev.baton.engine.runtime;

import dev.baton.engine.expr.Evaluation;
import dev.baton.model.Activity;
import dev.baton.model.Dialect;
import dev.baton.model.Event;
import dev.baton.model.Expression;
import dev.baton.model.FlowNode;
import dev.baton.model.exec.IoMapping;
import dev.baton.model.exec.VariableMapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Input and output mappings of an element (camunda:inputOutput, zeebe:ioMapping). Inputs are evaluated where the
 * token arrives and become variables local to the element; outputs are evaluated in the element (its local variables
 * included) when it completes and are set in the enclosing scope, as Camunda's setVariable does. In a Camunda 8 file
 * an element with output mappings keeps what it produces (a completed task's variables) local: only the outputs go up.
 */
public final class VariableMappings {
    private VariableMappings() {}

    public static IoMapping of(FlowNode node) {
        if (node instanceof Activity a) return a.activity().io();
        if (node instanceof Event e) return e.io();
        return IoMapping.NONE;
    }

    /** Applies the element's input mappings to the token; false when one failed and became an incident. */
    static boolean input(Step step, Token token, FlowNode node) {
        Optional<dev.baton.model.XmlFragment> kept = CamundaParameters.fragment(node);
        if (kept.isPresent()) {
            Map<String, Object> locals = new LinkedHashMap<>();
            for (CamundaParameters.Parameter p : CamundaParameters.of(kept.get())) {
                if (!p.input()) continue;
                Map<String, Object> scope = new LinkedHashMap<>(step.variables(token));
                scope.putAll(locals);
                Optional<Object> v = CamundaParameters.evaluate(step, token, p.name(), p.value(), scope);
                if (v.isEmpty()) return false;
                locals.put(p.name(), Step.unwrap(v.get()));
            }
            step.setLocalVariables(token, locals);
            return true;
        }
        IoMapping io = of(node);
        if (io.isEmpty()) return true;
        if (step.model.dialect() == Dialect.CAMUNDA8 && !io.outputs().isEmpty()) token.keepLocal = true;
        if (io.inputs().isEmpty()) return true;
        // inputs see the enclosing scope, and the inputs mapped before them
        Map<String, Object> locals = new LinkedHashMap<>();
        for (VariableMapping m : io.inputs()) {
            Map<String, Object> scope = new LinkedHashMap<>(step.variables(token));
            scope.putAll(locals);
            Optional<Object> v = value(step, token, m, scope, "input mapping");
            if (v.isEmpty()) return false;
            put(locals, m.target(), v.get());
        }
        step.setLocalVariables(token, locals);
        return true;
    }

    /**
     * Applies the element's output mappings when its token leaves it (not for a multi-instance body: its inner
     * instances did); false when one failed and became an incident.
     */
    static boolean output(Step step, Token token, FlowNode node) {
        if (MultiInstance.of(node) != null && !MultiInstance.isInner(step, token)) return true;
        Optional<dev.baton.model.XmlFragment> kept = CamundaParameters.fragment(node);
        Map<String, Object> scope = step.variables(token);
        Map<String, Object> out = new LinkedHashMap<>();
        if (kept.isPresent()) {
            for (CamundaParameters.Parameter p : CamundaParameters.of(kept.get())) {
                if (p.input()) continue;
                Optional<Object> v = CamundaParameters.evaluate(step, token, p.name(), p.value(), scope);
                if (v.isEmpty()) return false;
                out.put(p.name(), Step.unwrap(v.get()));
            }
            writeUp(step, token, out);
            return true;
        }
        IoMapping io = of(node);
        if (io.outputs().isEmpty()) return true;
        for (VariableMapping m : io.outputs()) {
            Optional<Object> v = value(step, token, m, scope, "output mapping");
            if (v.isEmpty()) return false;
            if (m.target().contains(".")) {
                // a Camunda 8 target path such as order.total: nested into the variable named by its first part
                String root = m.target().substring(0, m.target().indexOf('.'));
                Object existing = out.containsKey(root) ? out.get(root) : scope.get(root);
                Map<String, Object> copy = existing instanceof Map<?, ?> em ? deepCopy(em) : new LinkedHashMap<>();
                put(copy, m.target().substring(root.length() + 1), v.get());
                out.put(root, copy);
            } else {
                put(out, m.target(), v.get());
            }
        }
        writeUp(step, token, out);
        return true;
    }

    /** Outputs go to the scope around the element: the token's own locals must not catch them. */
    private static void writeUp(Step step, Token token, Map<String, Object> out) {
        if (out.isEmpty()) return;
        Token scopeToken = token.parentId == null ? null : step.state.token(token.parentId).orElse(null);
        if (scopeToken == null) {
            out.forEach((k, v) -> {
                step.changed(k, !step.state.variables.containsKey(k));
                step.state.variables.put(k, v);
            });
            if (!out.isEmpty()) step.history("VARIABLES_CHANGED", token.elementId, token.id, null,
                    Step.map("variables", new LinkedHashMap<>(out), "output", true));
        } else {
            step.setVariables(scopeToken, out);
        }
    }

    private static Optional<Object> value(Step step, Token token, VariableMapping m, Map<String, Object> scope, String what) {
        Expression src = m.source();
        if (src == null || src.isBlank()) return Optional.of(Step.NULL);
        Evaluation r = src.language() == Expression.Language.LITERAL ? Evaluation.value(src.text())
                : step.services.expressions().evaluate(src, scope, step.model.dialect());
        if (r instanceof Evaluation.Failure f) {
            step.incident(token, "EXPRESSION", "The " + what + " " + m.target() + " = " + src.text() + " at "
                    + step.model.describe(token.elementId) + " failed: " + f.message());
            return Optional.empty();
        }
        Object v = ((Evaluation.Value) r).value();
        return Optional.of(v == null ? Step.NULL : v);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> target, String path, Object value) {
        Object v = Step.unwrap(value);
        int dot = path.indexOf('.');
        if (dot < 0) {
            target.put(path, v);
            return;
        }
        String head = path.substring(0, dot);
        Object inner = target.get(head);
        Map<String, Object> m = inner instanceof Map<?, ?> im ? (Map<String, Object>) im : new LinkedHashMap<>();
        target.put(head, m);
        put(m, path.substring(dot + 1), value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Map<?, ?> inner ? deepCopy(inner) : v));
        return out;
    }
}
