package dev.baton.engine.expr;

import dev.baton.model.Dialect;
import dev.baton.model.Expression;
import jakarta.el.ELException;
import jakarta.el.ExpressionFactory;
import jakarta.el.StandardELContext;
import jakarta.el.ValueExpression;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates conditions, scripts and settings. JUEL ({@code ${...}}, Camunda 7 and Flowable files) runs on
 * Expressly, FEEL ({@code =...}, Camunda 8 files) on the Camunda FEEL engine; which one is decided by the
 * expression's language, and for unmarked text by the file's dialect.
 */
public final class Expressions {
    private final ExpressionFactory juel = new org.glassfish.expressly.ExpressionFactoryImpl();
    private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

    /** Evaluates an expression; a literal gives its text. */
    public Evaluation evaluate(Expression expression, Map<String, Object> variables, Dialect dialect) {
        if (expression == null) return Evaluation.value(null);
        return switch (expression.language()) {
            case JUEL -> juel(expression.text(), variables);
            case FEEL -> feel(stripEquals(expression.text()), variables);
            case LITERAL -> Evaluation.value(expression.text());
            case OTHER -> Evaluation.failure("the expression language of '" + expression.text() + "' is not supported");
        };
    }

    /** Evaluates a sequence flow condition or similar: unmarked text is read in the dialect's language. */
    public Evaluation condition(Expression expression, Map<String, Object> variables, Dialect dialect) {
        if (expression.language() == Expression.Language.LITERAL) {
            String t = expression.text().strip();
            if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) return Evaluation.value(Boolean.parseBoolean(t));
            return dialect.defaultExpressionLanguage() == Expression.Language.FEEL ? feel(t, variables)
                    : juel("${" + t + "}", variables);
        }
        return evaluate(expression, variables, dialect);
    }

    /** Runs a script task's script in the named format (juel, feel); other formats are not supported. */
    public Evaluation script(String format, String text, Map<String, Object> variables) {
        String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
        if (f.equals("feel") || f.equals("text/feel") || f.equals("application/feel")) return feel(stripEquals(text), variables);
        if (f.equals("juel") || f.equals("el") || f.equals("text/juel")) {
            String t = text.strip();
            return juel(t.contains("${") || t.contains("#{") ? t : "${" + t + "}", variables);
        }
        return Evaluation.failure("script format '" + format + "' is not supported (use juel or feel)");
    }

    public static boolean supportsScriptFormat(String format) {
        String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
        return List.of("feel", "text/feel", "application/feel", "juel", "el", "text/juel").contains(f);
    }

    private static String stripEquals(String text) {
        String t = text.strip();
        return t.startsWith("=") ? t.substring(1) : t;
    }

    private Evaluation juel(String text, Map<String, Object> variables) {
        try {
            StandardELContext ctx = new StandardELContext(juel);
            for (Map.Entry<String, Object> v : variables.entrySet()) {
                ctx.getVariableMapper().setVariable(v.getKey(), juel.createValueExpression(v.getValue(), Object.class));
            }
            ValueExpression ve = juel.createValueExpression(ctx, text, Object.class);
            return Evaluation.value(normalize(ve.getValue(ctx)));
        } catch (ELException | IllegalArgumentException | ArithmeticException | ClassCastException e) {
            return Evaluation.failure(rootMessage(e));
        }
    }

    private Evaluation feel(String text, Map<String, Object> variables) {
        try {
            EvaluationResult r = feel.evaluateExpression(text, variables);
            if (!r.isSuccess()) return Evaluation.failure(r.failure().message());
            return Evaluation.value(normalize(r.result()));
        } catch (RuntimeException e) {
            return Evaluation.failure(rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Turns evaluation results into JSON-shaped values: whole numbers as Long, others as Double. */
    public static Object normalize(Object v) {
        if (v instanceof BigDecimal d) {
            try {
                return d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValueExact() : (Object) d.doubleValue();
            } catch (ArithmeticException e) {
                return d.doubleValue();
            }
        }
        if (v instanceof BigInteger i) return i.bitLength() < 63 ? (Object) i.longValue() : (Object) i.doubleValue();
        if (v instanceof Integer i) return i.longValue();
        if (v instanceof Short s) return s.longValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), normalize(val)));
            return out;
        }
        if (v instanceof java.util.Collection<?> c) {
            List<Object> out = new ArrayList<>();
            for (Object o : c) out.add(normalize(o));
            return out;
        }
        if (v instanceof java.time.temporal.TemporalAccessor || v instanceof java.time.Duration || v instanceof java.time.Period) {
            return v.toString();
        }
        return v;
    }
}
