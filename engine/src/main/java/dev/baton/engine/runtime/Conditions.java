package dev.baton.engine.runtime;

import dev.baton.engine.expr.Evaluation;
import dev.baton.model.Activity;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conditional events, with Camunda 7's meaning: an intermediate conditional catch event passes at once when its
 * condition holds on arrival, else waits; a conditional boundary event and a conditional event subprocess start are
 * evaluated when their scope begins (the activity is entered, the scope starts). After that, every one of them is
 * evaluated again whenever a variable of the instance changes (set through the API, a completed task, a script's or
 * a call's result), and is triggered when its condition holds. camunda:variableName limits the re-evaluation to
 * changes of that variable, camunda:variableEvents to those kinds of change (create, update).
 */
public final class Conditions {
    private Conditions() {}

    /** A conditional event starts watching for the token: it is evaluated when the agenda is next empty. */
    static void watch(Step step, Token token, String elementId) {
        step.conditionSeen.put(key(token, elementId), -1);
    }

    /** The token arrived at an intermediate conditional catch event: true when the condition already holds. */
    public static Optional<Boolean> holdsOnArrival(Step step, Token token, Event event) {
        step.conditionSeen.put(key(token, event.id()), step.changedVariables.size());
        return evaluate(step, token, event, (EventDefinition.Conditional) event.definition());
    }

    /**
     * Evaluates every conditional event that waits and whose variables changed since it was last evaluated, and plans
     * the trigger of those whose condition holds. True when something was planned.
     */
    static boolean recheck(Step step) {
        if (!step.model.hasConditionalEvents()) return false;
        boolean planned = false;
        for (Token t : List.copyOf(step.state.tokens)) {
            if (!step.state.tokens.contains(t) || t.state == Token.State.INCIDENT) continue;
            FlowNode node = step.model.findNode(t.elementId).orElse(null);
            if (node == null) continue;
            if (t.listener) {
                if (node instanceof Event start && start.definition() instanceof EventDefinition.Conditional && due(step, t, start)) {
                    planned |= fireIfHolds(step, t, start);
                }
                continue;
            }
            if (node instanceof Event catcher && catcher.kind() == ElementKind.INTERMEDIATE_CATCH_EVENT
                    && catcher.definition() instanceof EventDefinition.Conditional && t.state == Token.State.WAITING) {
                if (due(step, t, catcher)) planned |= fireIfHolds(step, t, catcher);
                continue;
            }
            if (node.kind() == ElementKind.EVENT_BASED_GATEWAY && t.state == Token.State.WAITING) {
                // a conditional event after an event-based gateway: the first event that happens wins
                for (dev.baton.model.SequenceFlow f : step.model.outgoing(node.id())) {
                    if (step.model.node(f.targetRef()) instanceof Event e && e.definition() instanceof EventDefinition.Conditional
                            && due(step, t, e) && fireIfHolds(step, t, e)) {
                        planned = true;
                        break;
                    }
                }
                continue;
            }
            if (node instanceof Activity && !MultiInstance.isInner(step, t)) {
                for (Event b : step.model.boundaryEvents(node.id())) {
                    if (!(b.definition() instanceof EventDefinition.Conditional) || !due(step, t, b)) continue;
                    boolean fired = fireIfHolds(step, t, b);
                    planned |= fired;
                    if (fired && b.interrupting()) break;
                }
            }
        }
        return planned;
    }

    /** Whether the event must be evaluated now: it is new, or a variable it listens to changed since it last was. */
    private static boolean due(Step step, Token token, Event event) {
        String key = key(token, event.id());
        Integer seen = step.conditionSeen.get(key);
        int size = step.changedVariables.size();
        step.conditionSeen.put(key, size);
        if (seen != null && seen < 0) return true;
        int from = seen == null ? 0 : seen;
        if (from >= size) return false;
        String only = variableName(event);
        List<String> kinds = variableEvents(event);
        for (int i = from; i < size; i++) {
            if ((only == null || only.equals(step.changedVariables.get(i))) && (kinds == null || kinds.contains(step.changeKinds.get(i)))) {
                return true;
            }
        }
        return false;
    }

    /** How often conditional events may fire in one step before it is taken for a loop that never waits. */
    static final int MAX_FIRES_PER_STEP = 1000;

    private static boolean fireIfHolds(Step step, Token token, Event event) {
        Optional<Boolean> holds = evaluate(step, token, event, (EventDefinition.Conditional) event.definition());
        if (holds.isEmpty() || !holds.get()) return false;
        if (++step.conditionalFires > MAX_FIRES_PER_STEP) {
            // the event's own path keeps its condition true: stop here rather than run forever inside one transaction
            step.incident(token, "CONDITION_LOOP", "Conditional event " + step.model.describe(event.id()) + " fired "
                    + MAX_FIRES_PER_STEP + " times in one step: the path it starts keeps its condition true without waiting"
                    + " (limit it with camunda:variableName, or let the path wait)");
            return false;
        }
        step.fire(token, new Trigger(event.id(), Map.of(), Map.of("condition", true)));
        return true;
    }

    private static Optional<Boolean> evaluate(Step step, Token token, Event event, EventDefinition.Conditional c) {
        Evaluation r = step.services.expressions().condition(c.condition(), step.variables(token), step.model.dialect());
        if (r instanceof Evaluation.Failure f && missingVariable(f)) return Optional.of(false);
        if (r instanceof Evaluation.Failure f) {
            step.incident(token, "EXPRESSION", "Condition " + c.condition().text() + " of conditional event "
                    + step.model.describe(event.id()) + " failed: " + f.message());
            return Optional.empty();
        }
        Object v = ((Evaluation.Value) r).value();
        if (v instanceof Boolean b) return Optional.of(b);
        // Camunda 7 treats a missing variable in a condition as "not yet"; a non-boolean result is a modelling error
        if (v == null) return Optional.of(false);
        step.incident(token, "EXPRESSION", "Condition " + c.condition().text() + " of conditional event "
                + step.model.describe(event.id()) + " gave " + v + ", not true or false");
        return Optional.empty();
    }

    /** Camunda 7 reads a condition over a variable that is not set yet as "not yet", not as a failure. */
    private static boolean missingVariable(Evaluation.Failure f) {
        return f.message() != null && f.message().contains("null base Object with identifier");
    }

    /** camunda:variableName of the event's definition, or null. */
    static String variableName(Event event) {
        if (!(event.definition() instanceof EventDefinition.Conditional c)) return null;
        if (c.variableName() != null && !c.variableName().isBlank()) return c.variableName();
        return c.extensions().attributes().entrySet().stream().filter(a -> a.getKey().endsWith("}variableName")
                        || a.getKey().equals("variableName"))
                .map(Map.Entry::getValue).filter(v -> v != null && !v.isBlank()).map(String::strip).findFirst().orElse(null);
    }

    /** camunda:variableEvents of the event's definition (create, update), or null for any change. */
    static List<String> variableEvents(Event event) {
        if (!(event.definition() instanceof EventDefinition.Conditional c)) return null;
        String text = c.variableEvents() != null && !c.variableEvents().isBlank() ? c.variableEvents()
                : c.extensions().attributes().entrySet().stream().filter(a -> a.getKey().endsWith("}variableEvents"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (text == null || text.isBlank()) return null;
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String key(Token token, String elementId) { return token.id + "/" + elementId; }
}
