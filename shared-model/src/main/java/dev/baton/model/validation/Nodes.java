package dev.baton.model.validation;

import dev.baton.model.Activity;
import dev.baton.model.ElementKind;
import dev.baton.model.Event;
import dev.baton.model.EventDefinition;
import dev.baton.model.FlowNode;
import dev.baton.model.Gateway;
import dev.baton.model.SequenceFlow;
import java.util.List;

/** Small facts about nodes and flows that several rules share. */
final class Nodes {
    private Nodes() {}

    /** bpmnlint counts a flow as conditional when it has a condition expression at all. */
    static boolean hasCondition(SequenceFlow f) { return f.condition() != null; }

    /** The id of the node's default flow, or null (gateways and activities only). */
    static String defaultFlow(FlowNode node) {
        if (node instanceof Gateway g) return g.defaultFlow();
        if (node instanceof Activity a) return a.activity().defaultFlow();
        return null;
    }

    static boolean isDefault(FlowNode node, SequenceFlow f) {
        String d = defaultFlow(node);
        return d != null && d.equals(f.id());
    }

    static boolean is(FlowNode node, ElementKind kind) { return node.kind() == kind; }

    /** An event whose definitions are all of the given type (and there is at least one). */
    static boolean onlyDefinitions(FlowNode node, Class<? extends EventDefinition> type) {
        if (!(node instanceof Event e)) return false;
        List<EventDefinition> defs = e.eventDefinitions();
        return !defs.isEmpty() && defs.stream().allMatch(type::isInstance);
    }

    static boolean hasDefinition(FlowNode node, Class<? extends EventDefinition> type) {
        return node instanceof Event e && e.eventDefinitions().stream().anyMatch(type::isInstance);
    }

    static boolean isBlankStart(FlowNode node) {
        return node instanceof Event e && e.kind() == ElementKind.START_EVENT && e.eventDefinitions().isEmpty();
    }

    static boolean forCompensation(FlowNode node) {
        return node instanceof Activity a && a.activity().forCompensation();
    }

    static boolean isBlank(String s) { return s == null || s.isBlank(); }

    /** "one", "two", ... for small counts, digits above. */
    static String count(int n) {
        String[] words = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        return n < words.length ? words[n] : Integer.toString(n);
    }
}
