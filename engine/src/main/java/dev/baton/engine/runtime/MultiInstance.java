package dev.baton.engine.runtime;

import dev.baton.model.Activity;
import dev.baton.model.Expression;
import dev.baton.model.FlowNode;
import dev.baton.model.LoopCharacteristics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A multi-instance activity: the token that arrives becomes the body; it waits while inner tokens run the activity
 * once per item (or loopCardinality times), all at once (parallel) or one after another (sequential). The body
 * leaves when every instance completed or the completionCondition holds; unfinished instances are canceled.
 * As in Camunda 7, nrOfInstances, nrOfActiveInstances and nrOfCompletedInstances are local to the body (its instances
 * and its completionCondition see them, the process instance does not; they go when the body leaves), and loopCounter
 * and the element variable are local to each inner instance. Nested or concurrent bodies each see their own.
 */
public final class MultiInstance {
    private MultiInstance() {}

    /** The body's bookkeeping, kept in the instance's runtime state. */
    public static final class Loop {
        public List<Object> items;
        public int total;
        public int next;
        public int completed;
        public int active;
        public List<Object> outputs = new ArrayList<>();
    }

    static LoopCharacteristics.MultiInstance of(FlowNode node) {
        return node instanceof Activity a && a.activity().loop() instanceof LoopCharacteristics.MultiInstance mi ? mi : null;
    }

    /** Whether the token runs one instance of a multi-instance activity (its scope is the body). */
    static boolean isInner(Step step, Token token) {
        return token.parentId != null && step.state.loops.containsKey(token.parentId)
                && step.state.token(token.parentId).map(b -> b.elementId.equals(token.elementId)).orElse(false);
    }

    /**
     * Called when a token enters an element: a multi-instance body starts its instances (true: nothing else to do);
     * an inner instance gets its element variable and loop counter (false: the element runs as usual).
     */
    static boolean entered(Step step, Token token, FlowNode node, boolean newActivation) {
        LoopCharacteristics.MultiInstance mi = of(node);
        if (mi == null) return false;
        if (isInner(step, token)) {
            if (newActivation) {
                Loop loop = step.state.loops.get(token.parentId);
                Map<String, Object> vars = new LinkedHashMap<>();
                vars.put("loopCounter", token.loopIndex);
                if (mi.elementVariable() != null && loop.items != null) vars.put(mi.elementVariable(), loop.items.get(token.loopIndex));
                // local to the inner instance, as in Camunda: parallel instances each see their own
                step.setLocalVariables(token, vars);
            }
            return false;
        }
        Loop loop = new Loop();
        if (mi.collection() != null && !mi.collection().isBlank()) {
            Object c;
            if (mi.collection().language() == Expression.Language.LITERAL) c = step.variables(token).get(mi.collection().text().strip());
            else {
                Optional<Object> v = step.evaluate(token, mi.collection(), "multi-instance collection");
                if (v.isEmpty()) return true;
                c = Step.unwrap(v.get());
            }
            if (!(c instanceof Collection<?> items)) {
                step.incident(token, "EXPRESSION", "The multi-instance collection " + mi.collection().text() + " of "
                        + step.model.describe(node.id()) + " is " + c + ", not a list");
                return true;
            }
            loop.items = new ArrayList<>(items);
            loop.total = items.size();
        } else if (mi.loopCardinality() != null && !mi.loopCardinality().isBlank()) {
            Object n;
            if (mi.loopCardinality().language() == Expression.Language.LITERAL) n = mi.loopCardinality().text().strip();
            else {
                Optional<Object> v = step.evaluate(token, mi.loopCardinality(), "loop cardinality");
                if (v.isEmpty()) return true;
                n = Step.unwrap(v.get());
            }
            try {
                loop.total = n instanceof Number num ? num.intValue() : Integer.parseInt(String.valueOf(n));
            } catch (NumberFormatException e) {
                step.incident(token, "EXPRESSION", "The loop cardinality of " + step.model.describe(node.id()) + " is " + n + ", not a number");
                return true;
            }
        } else {
            step.incident(token, "INTERNAL", step.model.describe(node.id()) + " is multi-instance without a collection or loop cardinality");
            return true;
        }
        for (int i = 0; i < loop.total; i++) loop.outputs.add(null);
        step.state.loops.put(token.id, loop);
        step.waitHere(token);
        step.setLocalVariables(token, Step.map("nrOfInstances", loop.total, "nrOfCompletedInstances", 0,
                "nrOfActiveInstances", mi.sequential() ? Math.min(1, loop.total) : loop.total));
        if (loop.total == 0) {
            finish(step, token, mi, loop);
            return true;
        }
        int start = mi.sequential() ? 1 : loop.total;
        for (int i = 0; i < start; i++) startInstance(step, token, loop);
        return true;
    }

    private static void startInstance(Step step, Token body, Loop loop) {
        Token inner = step.state.newToken(body.elementId, body.id);
        inner.loopIndex = loop.next++;
        loop.active++;
        step.enter(inner, body.elementId, body.via);
    }

    /** Called when a token leaves an element: an inner instance is done (true), the body decides what is next. */
    static boolean left(Step step, Token token, FlowNode node) {
        LoopCharacteristics.MultiInstance mi = of(node);
        if (mi == null || !isInner(step, token)) return false;
        Token body = step.state.token(token.parentId).orElseThrow();
        Loop loop = step.state.loops.get(body.id);
        if (mi.outputCollection() != null && !mi.outputCollection().isBlank()) {
            Object out = null;
            if (mi.outputElement() != null && !mi.outputElement().isBlank()) {
                // evaluated in the inner instance, which sees its element variable
                Optional<Object> v = step.evaluate(token, mi.outputElement(), "output element");
                if (v.isEmpty()) return true;
                out = Step.unwrap(v.get());
            } else if (mi.elementVariable() != null) {
                out = step.variables(token).get(mi.elementVariable());
            }
            loop.outputs.set(token.loopIndex, out);
        }
        step.clearWaits(token);
        step.state.tokens.remove(token);
        loop.completed++;
        loop.active--;
        step.setLocalVariables(body, Step.map("nrOfCompletedInstances", loop.completed, "nrOfActiveInstances", loop.active));
        boolean done = loop.completed >= loop.total;
        if (!done && mi.completionCondition() != null && !mi.completionCondition().isBlank()) {
            Optional<Object> v = step.evaluate(body, mi.completionCondition(), "completion condition");
            if (v.isEmpty()) return true;
            done = Boolean.TRUE.equals(Step.unwrap(v.get()));
        }
        if (done) {
            for (Token other : step.state.children(body.id)) step.cancel(other);
            finish(step, body, mi, loop);
        } else if (mi.sequential() && loop.next < loop.total) {
            startInstance(step, body, loop);
            step.setLocalVariables(body, Step.map("nrOfActiveInstances", loop.active));
        }
        return true;
    }

    private static void finish(Step step, Token body, LoopCharacteristics.MultiInstance mi, Loop loop) {
        step.state.loops.remove(body.id);
        if (mi.outputCollection() != null && !mi.outputCollection().isBlank()) {
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put(mi.outputCollection(), loop.outputs);
            step.setVariables(body, vars);
        }
        step.leave(body);
    }
}
