package dev.baton.engine.runtime;

import dev.baton.model.Activity;
import dev.baton.model.FlowNode;
import dev.baton.model.LoopCharacteristics;

import java.util.Map;
import java.util.Optional;

/**
 * A standard loop (standardLoopCharacteristics): the activity runs again while its loopCondition holds, at most
 * loopMaximum times. With testBefore the condition is checked before each run (a while loop: the activity may not run
 * at all), otherwise after each run (a do-while loop). Each run sees loopCounter, counting runs from 0, as a variable
 * local to the activity.
 */
final class StandardLoops {
    private StandardLoops() {}

    static LoopCharacteristics.StandardLoop of(FlowNode node) {
        return node instanceof Activity a && a.activity().loop() instanceof LoopCharacteristics.StandardLoop l ? l : null;
    }

    /** A token enters the activity: true when a testBefore loop does not run it at all (the token went on). */
    static boolean entered(Step step, Token token, FlowNode node, boolean newActivation) {
        LoopCharacteristics.StandardLoop loop = of(node);
        if (loop == null || !newActivation) return false;
        boolean first = token.loopIndex == null;
        if (first) token.loopIndex = 0;
        step.setLocalVariables(token, Map.of("loopCounter", token.loopIndex));
        if (first && loop.testBefore()) {
            Optional<Boolean> again = holds(step, token, loop, node);
            if (again.isEmpty()) return true;
            if (!again.get() || loop.loopMaximum() != null && loop.loopMaximum() <= 0) {
                step.clearWaits(token);
                token.loopIndex = null;
                step.history("ELEMENT_LEFT", node.id(), token.id, 0L, Step.map("skipped", true));
                token.locals = null;
                step.behaviour(node).leave(step, token, node);
                return true;
            }
        }
        return false;
    }

    /** A run of the activity completed: true when the activity runs again (the token re-enters it). */
    static boolean again(Step step, Token token, FlowNode node) {
        LoopCharacteristics.StandardLoop loop = of(node);
        if (loop == null || token.loopIndex == null) return false;
        int runs = token.loopIndex + 1;
        boolean more = loop.loopMaximum() == null || runs < loop.loopMaximum();
        if (more) {
            Optional<Boolean> holds = holds(step, token, loop, node);
            if (holds.isEmpty()) return true;
            more = holds.get();
        }
        if (!more) {
            token.loopIndex = null;
            return false;
        }
        token.loopIndex = runs;
        step.enter(token, node.id(), token.via);
        return true;
    }

    private static Optional<Boolean> holds(Step step, Token token, LoopCharacteristics.StandardLoop loop, FlowNode node) {
        if (loop.loopCondition() == null || loop.loopCondition().isBlank()) return Optional.of(false);
        Optional<Object> v = step.evaluate(token, loop.loopCondition(), "loop condition");
        if (v.isEmpty()) return Optional.empty();
        Object b = Step.unwrap(v.get());
        if (b instanceof Boolean bool) return Optional.of(bool);
        step.incident(token, "EXPRESSION", "The loop condition " + loop.loopCondition().text() + " of " + step.model.describe(node.id())
                + " gave " + b + ", not true or false");
        return Optional.empty();
    }
}
