package dev.baton.engine.decision;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

import java.util.HashMap;
import java.util.Map;

/**
 * Lets the DMN engine evaluate FEEL with the FEEL engine Baton already runs for Camunda 8 expressions, instead of the
 * DMN engine's own shaded copy (which clashes with it on the classpath).
 */
final class FeelAdapter implements FeelEngineFactory {
    private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

    @Override
    public FeelEngine createInstance() {
        return new FeelEngine() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
                return (T) result(feel.evaluateExpression(expression, variables(context)), expression);
            }

            @Override
            public boolean evaluateSimpleUnaryTests(String tests, String inputVariable, VariableContext context) {
                TypedValue input = context.resolve(inputVariable);
                Object matched = result(feel.evaluateUnaryTests(tests, input == null ? null : input.getValue(), variables(context)), tests);
                if (matched instanceof Boolean b) return b;
                throw new FeelException("FEEL unary tests '" + tests + "' gave " + matched + ", not true or false");
            }
        };
    }

    private static Object result(EvaluationResult r, String expression) {
        if (!r.isSuccess()) throw new FeelException("FEEL expression '" + expression + "' failed: " + r.failure().message());
        return r.result();
    }

    private static Map<String, Object> variables(VariableContext context) {
        Map<String, Object> out = new HashMap<>();
        for (String name : context.keySet()) {
            TypedValue v = context.resolve(name);
            out.put(name, v == null ? null : v.getValue());
        }
        return out;
    }
}
